"""Sitemaps of this app, gathered by portal.sitemaps (an index, then files of at most
``URLS_PER_FILE`` addresses each).

At 100 000 articles each file must stay cheap: the article file reads only ids, slugs and
update times, skips to its page on the list index (``selectors.ids_slice``), builds each
address from one ``reverse()`` and takes ``lastmod`` of the whole section from the
``(status, updated_at)`` index.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from core.sitemaps import NamedPagesSitemap
from news.models import Article, Category
from news.selectors import PageableRows, ids_slice, news_index

URLS_PER_FILE = 10_000


class _ArticleRows(PageableRows):
    """Published articles as ``(slug, updated_at)`` rows, newest first, for the sitemap's
    paginator: counted by the lists' cached index; a page is found by its first row's place
    in the list (``ids_slice``, on the index alone), then read as one range of the index
    (on PostgreSQL an index-only range: migration 0004)."""

    def __init__(self):
        self.now = timezone.now()
        self.queryset = Article.objects.published(self.now).newest_first()

    def _count_rows(self):
        return news_index(self.now).total  # cached with the lists

    def _rows(self, start, stop):
        first = ids_slice(self.queryset, start, start + 1, self.count())
        if not first or stop <= start:
            return []
        published_at = Article.objects.values_list("published_at", flat=True).get(pk=first[0])
        # From the first row on, in list order: (published_at, id) <= the first row's.
        rows = self.queryset.filter(published_at__lte=published_at).filter(
            Q(published_at__lt=published_at) | Q(id__lte=first[0])
        )
        return list(rows.values_list("slug", "updated_at")[: stop - start])


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.7
    # Half the files' maximum: a file of 5 000 articles is read and written in about 40 ms
    # at 100 000 articles on the project's machine (`make bench-scale`).
    limit = URLS_PER_FILE // 2

    def items(self):
        return _ArticleRows()

    def location(self, item):
        return reverse("news:article", args=[item[0]])

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return (
            Article.objects.published().order_by("-updated_at")
            .values_list("updated_at", flat=True).first()
        )  # fmt: skip

    def get_urls(self, page=1, site=None, protocol=None):
        """What ``Sitemap.get_urls`` gives, built without a ``reverse()`` per article."""
        prefix = reverse("news:article", args=["-"]).removesuffix("-/")
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}{prefix}"
        priority = str(self.priority)
        urls = [
            {
                "item": None,
                "location": f"{base}{slug}/",
                "lastmod": updated_at,
                "changefreq": self.changefreq,
                "priority": priority,
                "alternates": [],
            }
            for slug, updated_at in self.paginator.page(page).object_list
        ]
        if urls:
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls


def _latest_publication(category=None):
    articles = Article.objects.published()
    if category is not None:
        articles = articles.filter(category=category)
    return articles.newest_first().values_list("published_at", flat=True)


class CategorySitemap(Sitemap):
    """A category's page changes when an article is published in it."""

    changefreq = "daily"
    priority = 0.5
    limit = URLS_PER_FILE

    def items(self):
        latest = _latest_publication().filter(category=OuterRef("pk"))[:1]
        return Category.objects.annotate(lastmod=Subquery(latest)).order_by("order", "pk")

    def lastmod(self, category):
        return category.lastmod


class NewsPagesSitemap(NamedPagesSitemap):
    changefreq = "daily"
    priority = 0.8
    limit = URLS_PER_FILE
    url_names = ("news:home", "news:list")

    def lastmod(self, item):
        if not hasattr(self, "_latest"):
            self._latest = _latest_publication().first()
        return self._latest


SITEMAPS = {
    "news": ArticleSitemap,
    "news-categories": CategorySitemap,
    "news-pages": NewsPagesSitemap,
}
