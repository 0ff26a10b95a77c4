"""Read paths of the news app, with the cache that keeps the common pages cheap.

The newest published articles (their list rows, not their view counts) are kept in the
Django cache as one *index*: rows, the total number of published articles, the featured
rows and the time of the next scheduled publication. The index is dropped whenever an
article or category changes (``news.signals``), expires after a short time (so that
separate processes with a local-memory cache agree soon), and is rebuilt when a scheduled
article's time has come. Lists, the home page, the sidebar widget and "Tin khác" page
through it without touching the database.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.utils import timezone

from core.text import plain_words, search_words
from news import conf
from news.models import Article

INDEX_KEY = "news:index:v1"


@dataclass(frozen=True)
class ArticleCard:
    """What a list shows of an article (no view count: lists are cached)."""

    id: int
    title: str
    url: str
    summary: str
    published_at: datetime
    category_name: str
    category_url: str
    image_url: str
    thumb_url: str
    side_thumb_url: str
    image_alt: str
    is_featured: bool


@dataclass(frozen=True)
class NewsIndex:
    rows: tuple
    total: int
    featured: tuple
    valid_until: datetime | None

    @property
    def complete(self):
        return len(self.rows) >= self.total


def article_card(article):
    category = article.category
    return ArticleCard(
        id=article.pk,
        title=article.title,
        url=article.get_absolute_url(),
        summary=article.summary,
        published_at=article.published_at,
        category_name=category.name if category else "",
        category_url=category.get_absolute_url() if category else "",
        image_url=article.image.url if article.image else "",
        thumb_url=article.thumbnail_url("list"),
        side_thumb_url=article.thumbnail_url("side"),
        image_alt=article.image_alt or article.title,
        is_featured=article.is_featured,
    )


def _card_queryset():
    return Article.objects.select_related("category").defer("body", "search_text").newest_first()


def _build_index(now):
    published = _card_queryset().published(now)
    rows = tuple(article_card(article) for article in published[: conf.index_size()])
    total = len(rows) if len(rows) < conf.index_size() else published.count()
    featured = tuple(article_card(article) for article in published.filter(is_featured=True)[:5])
    next_time = (
        Article.objects.scheduled(now).order_by("published_at")
        .values_list("published_at", flat=True).first()
    )  # fmt: skip
    return NewsIndex(rows=rows, total=total, featured=featured, valid_until=next_time)


def news_index(now=None):
    """The cached index of published articles, rebuilt when stale."""
    now = now or timezone.now()
    index = cache.get(INDEX_KEY)
    if index is None or (index.valid_until is not None and index.valid_until <= now):
        index = _build_index(now)
        timeout = conf.list_cache_seconds()
        if index.valid_until is not None:
            seconds_left = int((index.valid_until - now).total_seconds()) + 1
            timeout = max(1, min(timeout, seconds_left))
        cache.set(INDEX_KEY, index, timeout)
    return index


def news_index_clear():
    cache.delete(INDEX_KEY)


class PublishedArticles:
    """A sequence of ``ArticleCard`` for ``Paginator``: served from the cached index where
    it reaches, from the database beyond it. ``exclude`` leaves one article out ("Tin khác")."""

    def __init__(self, *, exclude=None, exclude_is_public=False, now=None):
        self.now = now or timezone.now()
        self.index = news_index(self.now)
        self.exclude = exclude
        self.rows = [row for row in self.index.rows if row.id != exclude]
        self.total = self.index.total - (1 if exclude is not None and exclude_is_public else 0)

    def __len__(self):
        return max(self.total, 0)

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop if key.stop is not None else len(self)
        if stop <= len(self.rows) or self.index.complete:
            return self.rows[start:stop]
        queryset = _card_queryset().published(self.now)
        if self.exclude is not None:
            queryset = queryset.exclude(pk=self.exclude)
        return [article_card(article) for article in queryset[start:stop]]


def latest_articles(limit=5):
    """The newest published articles as cards (sidebar "Thông tin mới nhất", home page)."""
    return list(news_index().rows[:limit])


def featured_articles(limit=5):
    return list(news_index().featured[:limit])


def category_articles(category, now=None):
    """A category's published articles, newest first (paginated by the caller)."""
    return _card_queryset().published(now).filter(category=category)


def search_articles(query, now=None):
    """Published articles matching every word of ``query``, ignoring case and diacritics.

    PostgreSQL: full-text search with the ``news_vi`` configuration (the ``simple``
    dictionary after ``unaccent``, created by migration 0002), ranked by relevance.
    Other databases: each folded word must appear in ``search_text``, which ``save()``
    fills with the same folding as slugs.
    Returns ``None`` when the query holds no word to search for.
    """
    folded = search_words(query)
    if not folded:
        return None
    published = _card_queryset().published(now)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = (
            SearchVector("title", weight="A", config="news_vi")
            + SearchVector("summary", weight="B", config="news_vi")
            + SearchVector("body", weight="C", config="news_vi")
        )
        search_query = SearchQuery(
            " ".join(plain_words(query)), config="news_vi", search_type="plain"
        )
        return (
            published.annotate(search=vector, rank=SearchRank(vector, search_query))
            .filter(search=search_query)
            .order_by("-rank", "-published_at", "-id")
        )
    queryset = published
    for word in folded:
        queryset = queryset.filter(search_text__contains=word)
    return queryset.order_by(F("published_at").desc(), "-id")


def most_viewed_articles(*, limit=10):
    """Published articles with the most views (the stored counts), most viewed first."""
    return list(
        Article.objects.published().filter(view_count__gt=0).order_by("-view_count", "pk")[:limit]
    )
