"""Addresses of the old NukeViet site, answered with a permanent redirect to the new page.

Search engines and other sites link to the department's NukeViet 4 pages. Every news
address form it produced leads (``301``) to the article or category imported from it
(``manage.py import_nukeviet`` stores NukeViet's ids), found by the id at the end of the
address, never by the title:

- ``/index.php?language=vi&nv=news&op=<Cat-Alias>/<Title-Alias>-<id>`` → the article;
- ``…&op=savefile/<Cat-Alias>/<Title-Alias>-<id>`` → its "Lưu bài" download;
- ``…&op=print/<Cat-Alias>/<Title-Alias>-<id>`` → the article (our page prints itself);
- ``…&op=<Cat-Alias>`` (and ``<Cat-Alias>/page-2``) → the category;
- ``…&nv=news`` without ``op`` → the news list, ``op=rss`` → the feed;
- the rewritten forms of all of these: ``/news/<Cat-Alias>/<Title-Alias>-<id>.html``,
  ``/news/<Cat-Alias>/``, ``/news/print/…``, ``/news/savefile/…``, also under ``/vi/``,
  and ``/<Cat-Alias>/<Title-Alias>-<id>.html`` where news was the home module.

Safety: the target is always one of our own URLs built by ``reverse()``: nothing from the
request is copied into ``Location`` (no open redirect). Everything read from the request is
bounded (length, id range) so that hostile query strings give the site's 404, never a 500.
An article the public may not see (draft, scheduled) is a 404, as on the article page.
"""

import re

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.views.decorators.http import require_safe

from news.models import Article, Category

MAX_OP_LENGTH = 600
MAX_NUKEVIET_ID = 2**31 - 1
# "<Title-Alias>-<id>" with NukeViet's optional rewrite extension.
_ARTICLE_SEGMENT = re.compile(r"^(?P<alias>.+)-(?P<id>[0-9]+)(?:\.html?)?$")
_PAGE_SEGMENT = re.compile(r"^page-[0-9]{1,6}(?:\.html?)?$")
# NukeViet's own functions of the news module: never a category alias.
_MODULE_FUNCTIONS = {
    "author", "content", "detail", "groups", "instant-rss", "main", "rating", "rss",
    "search", "sendmail", "sitemap", "tag", "topic", "viewcat",
}  # fmt: skip


def module_name():
    """The NukeViet module whose addresses we answer (``NUKEVIET_NEWS_MODULE``, "news")."""
    return getattr(settings, "NUKEVIET_NEWS_MODULE", "news")


def site_language():
    """The NukeViet language of the imported content (``NUKEVIET_LANGUAGE``, "vi")."""
    return getattr(settings, "NUKEVIET_LANGUAGE", "vi")


def _not_found():
    raise Http404("Không tìm thấy trang")


def _redirect(url):
    return HttpResponsePermanentRedirect(url)


def _article(segment):
    match = _ARTICLE_SEGMENT.match(segment)
    if match is None or len(match["id"]) > 10:
        return None
    nukeviet_id = int(match["id"])
    if not 0 < nukeviet_id <= MAX_NUKEVIET_ID:
        return None
    article = Article.objects.filter(nukeviet_id=nukeviet_id).first()
    if article is None or not article.is_public():
        return None
    return article


def _category(alias):
    if not alias or len(alias) > 250:
        return None
    alias = alias.removesuffix(".html")
    return (
        Category.objects.filter(nukeviet_alias=alias).first()
        or Category.objects.filter(nukeviet_alias__iexact=alias).first()
    )


def target_of(op):
    """Our URL for NukeViet's ``op`` value (the part after ``nv=news``), or None."""
    if op is None:
        return reverse("news:list")
    if len(op) > MAX_OP_LENGTH or "\x00" in op:
        return None
    parts = [part for part in op.strip().strip("/").split("/") if part]
    if not parts:
        return reverse("news:list")
    action = "view"
    if parts[0] in {"print", "savefile"}:
        action, parts = parts[0], parts[1:]
        if not parts:
            return None
    function = parts[0].removesuffix(".html")
    if action == "view" and function in _MODULE_FUNCTIONS:
        if function == "rss":
            return reverse("news:feed")
        if function == "search" and len(parts) == 1:
            return reverse("news:search")
        return None
    if len(parts) == 1 and action == "view":
        category = _category(parts[0])
        return category.get_absolute_url() if category else None
    if len(parts) != 2:
        return None
    if action == "view" and _PAGE_SEGMENT.match(parts[1]):
        category = _category(parts[0])
        return category.get_absolute_url() if category else None
    article = _article(parts[1])
    if article is None:
        return None
    if action == "savefile":
        return reverse("news:download", args=[article.slug])
    return article.get_absolute_url()


def _answer(op):
    target = target_of(op)
    if target is None:
        _not_found()
    return _redirect(target)


@require_safe
def index_php(request):
    """``/index.php?language=vi&nv=news&op=…``: NukeViet's unrewritten addresses."""
    language = request.GET.get("language")
    if language is not None and language != site_language():
        _not_found()
    module = request.GET.get("nv")
    if module is None and "op" not in request.GET:
        return _redirect(reverse("news:home"))
    if module != module_name():
        _not_found()
    return _answer(request.GET.get("op"))


@require_safe
def rewritten(request, op=""):
    """``/news/<op>`` and ``/vi/news/<op>``: NukeViet's rewritten addresses."""
    return _answer(op)
