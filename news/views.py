"""Public news pages. Thin: each picks its data (mostly from ``news.selectors``) and a
template; counting views is ``news.services.article_record_view``."""

import logging
import re

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.readers import is_reader_request, is_staff, visitor_id
from core.text import grouped, search_words
from news import conf, selectors
from news.models import Article, ArticleAttachment, ArticleSlugHistory, Category
from news.sanitize import sanitize_html
from news.search import SearchTimeout, time_limit
from news.services import (
    article_record_view,
    article_view_answered,
    article_view_count,
    article_view_guarded,
)
from news.workflow import may_preview
from pagecache import cached_page, dont_cache, scripted, set_meta

logger = logging.getLogger(__name__)
# The name of ``article_views_script`` among the page cache's served scripts.
VIEWS_SCRIPT = "news.article_views"

_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
_ROOT_RELATIVE = re.compile(r'(\s(?:src|href)=")/(?!/)')


def _paginate(request, object_list):
    """The requested page; a missing, odd or too large number gives the first or last page."""
    return Paginator(object_list, conf.PER_PAGE).get_page(request.GET.get("page"))


@require_safe
@cached_page
def home(request):
    # The lead story is the newest featured one that has a picture (a lead without one
    # looks broken), and the latest list leaves out what the featured block already shows:
    # with the sidebar's "Thông tin mới nhất", an article would otherwise appear three times.
    featured = selectors.featured_articles(limit=5)
    newest = selectors.latest_articles(limit=16)
    candidates = featured or newest[:5]
    lead = next(
        (card for card in candidates if card.image_url), candidates[0] if candidates else None
    )
    featured = [card for card in featured if card != lead]
    shown = {card.id for card in featured} | ({lead.id} if lead else set())
    latest = [card for card in newest if card.id not in shown][:10]
    return render(
        request,
        "news/home.html",
        {"lead": lead, "featured": featured, "latest": latest},
    )


@require_safe
@cached_page
def article_list(request):
    page = _paginate(request, selectors.PublishedArticles())
    return render(request, "news/article_list.html", {"page_obj": page, "category": None})


@require_safe
@cached_page
def category_detail(request, slug):
    category = get_object_or_404(Category, slug=slug)
    page = _paginate(request, selectors.category_articles(category))
    tree = selectors.category_tree()
    return render(
        request,
        "news/article_list.html",
        {
            "page_obj": page,
            "category": category,
            "ancestors": tree.ancestors(category.pk),
            "subcategories": tree.children(category.pk),
        },
    )


def _find_article(request, slug):
    """The article at ``slug`` (drafts and scheduled ones only for staff who may see
    articles, ``workflow.may_preview``), or a redirect from an address it had before, or
    404."""
    staff = is_staff(request) and may_preview(request.user)
    try:
        article = Article.objects.select_related("category").get(slug=slug)
    except Article.DoesNotExist:
        old = ArticleSlugHistory.objects.select_related("article").filter(slug=slug).first()
        if old is not None and (staff or old.article.is_public()):
            target = old.article.get_absolute_url()
            query = request.META.get("QUERY_STRING", "")
            return None, HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
        raise Http404("Không tìm thấy bài viết") from None
    if not article.is_public() and not staff:
        raise Http404("Không tìm thấy bài viết")
    return article, None


def _count_view(request, article, *, fresh=False, public=True):
    """The view count to show; counts this view when it is a reader's page view
    (``core.readers.is_reader_request``: a GET, not a prefetch, not a bot, not staff) of a
    public article.

    Counting never breaks the page: a failure is logged and the stored number shown.
    ``fresh`` means ``article`` is a stand-in (``_CachedArticle``): its number is read anew
    when this view is not counted.
    """
    try:
        if not (public if fresh else article.is_public()) or not is_reader_request(request):
            return article_view_count(article=article) if fresh else article.view_count
        return article_record_view(article=article, visitor=visitor_id(request), fresh=fresh)
    except Exception:
        logger.exception("news: could not count a view of article %s", article.pk)
    if not fresh:
        return article.view_count
    try:
        return article_view_count(article=article)
    except Exception:
        logger.exception("news: could not read the view count of article %s", article.pk)
        return "–"


class _CachedArticle:
    """The article of a page as counting needs it: its id, no row read, no model instance
    (building one fires signals on every request)."""

    __slots__ = ("pk", "view_count")

    def __init__(self, pk):
        self.pk = pk
        self.view_count = 0


def article_views_hole(request, meta):
    """The ``views`` hole of an article page: its exact view count, this view included
    (counted by the page cache's lookup when ``article_views_script`` ran there)."""
    if "article" not in meta:
        return ""
    article = _CachedArticle(meta["article"])
    answer = scripted(request, VIEWS_SCRIPT)
    if answer is not None:
        try:
            count = article_view_answered(article=article, answer=answer)
        except Exception:
            logger.exception("news: could not read the view count of article %s", article.pk)
            return "–"
        if count is not None:
            return grouped(count)
    count = _count_view(request, article, fresh=True, public=meta.get("public", True))
    return grouped(count)


def attachment_readable(request, name):
    """Whether ``request`` may read the stored attachment ``name``: while its article is
    public, or for staff who may preview the article (``may_preview``); a file no article
    holds any more is not served."""
    attachment = (
        ArticleAttachment.objects.filter(file=name)
        .select_related("article")
        .only("article__status", "article__published_at")
        .first()
    )
    if attachment is None:
        return False
    return attachment.article.is_public() or may_preview(request.user)


def article_views_script(request, page):
    """The page cache's served script (``pagecache.register_served_script``): the view
    count of the article on ``page``, counted in the page's own lookup (Redis only), for
    a reader's page view of a public article, as ``_count_view`` decides."""
    meta = page.meta
    if not conf.use_redis() or "article" not in meta or not meta.get("public", True):
        return None
    if not is_reader_request(request):
        return None
    return article_view_guarded(
        article_id=meta["article"], visitor=visitor_id(request), now=timezone.now()
    )


@require_safe
@cached_page
def article_detail(request, slug):
    article, redirect = _find_article(request, slug)
    if redirect is not None:
        return redirect
    is_public = article.is_public()
    # The count is the ``views`` hole: counted and filled per request.
    set_meta(
        request, {"article": article.pk} if is_public else {"article": article.pk, "public": False}
    )
    if not is_public:
        dont_cache(request)
    others = _paginate(
        request, selectors.PublishedArticles(exclude=article.pk, exclude_is_public=is_public)
    )
    canonical = request.build_absolute_uri(article.get_absolute_url())
    image = request.build_absolute_uri(article.image.url) if article.image else ""
    return render(
        request,
        "news/article_detail.html",
        {
            "article": article,
            "trail": selectors.breadcrumbs(article.category_id),
            "neighbours": selectors.category_neighbours(article),
            "page_obj": others,
            "is_preview": not is_public,
            "canonical_url": canonical,
            "og_image": image,
        },
    )


@require_safe
def article_download(request, slug):
    """ "Lưu bài": the article as one self-contained HTML file, sent as a download."""
    article, redirect = _find_article(request, slug)
    if redirect is not None:
        return redirect
    base = request.build_absolute_uri("/").rstrip("/")
    body = _ROOT_RELATIVE.sub(rf"\1{base}/", sanitize_html(article.body))
    html = render_to_string(
        "news/article_download.html",
        {
            "article": article,
            "body": body,
            "source_url": request.build_absolute_uri(article.get_absolute_url()),
            "image_url": request.build_absolute_uri(article.image.url) if article.image else "",
            "saved_at": timezone.now(),
        },
        request=None,
    )
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{article.slug}.html"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def search(request):
    raw = request.GET.get("q", "")
    query = _CONTROL_CHARS.sub(" ", raw).strip()
    context = {"query": query, "page_obj": None, "message": "", "searched": False}
    status = 200
    if not query:
        context["message"] = "Nhập từ khóa để tìm tin, ví dụ: điển hình tiên tiến."
    elif len(query) > conf.SEARCH_MAX_LENGTH:
        context["query"] = query[: conf.SEARCH_MAX_LENGTH]
        context["message"] = (
            f"Từ khóa quá dài: vui lòng nhập không quá {conf.SEARCH_MAX_LENGTH} ký tự."
        )
        status = 400
    elif not (words := search_words(query, limit=None)):
        # Punctuation only: answered without a query.
        context["message"] = "Từ khóa không có chữ hoặc số nào để tìm. Vui lòng thử lại."
    elif len(words) > conf.SEARCH_MAX_WORDS:
        context["message"] = (
            f"Từ khóa có quá nhiều từ: vui lòng nhập không quá {conf.SEARCH_MAX_WORDS} từ."
        )
        status = 400
    else:
        try:
            # The matches, their number and the page's rows are read under the time limit.
            with time_limit(conf.search_timeout_ms()):
                page = _paginate(request, selectors.search_articles(query))
            context.update(page_obj=page, searched=True, max_results=conf.search_max_results())
        except SearchTimeout:
            logger.warning(
                "news: search cancelled after %s ms: %r", conf.search_timeout_ms(), query
            )
            context["message"] = (
                "Hệ thống đang bận, chưa tìm kịp. Vui lòng thử lại sau ít phút "
                "hoặc nhập từ khóa cụ thể hơn."
            )
            status = 503
    return render(request, "news/search.html", context, status=status)
