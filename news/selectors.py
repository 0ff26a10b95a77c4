"""Read paths of the news app, with the cache that keeps the common pages cheap.

The newest published articles (their list rows, not their view counts) are kept in the
Django cache as one *index*: rows, the total number of published articles, the featured
rows and the time of the next scheduled publication. The index is dropped whenever an
article or category changes (``news.signals``), expires after a short time (so that
separate processes with a local-memory cache agree soon), and is rebuilt when a scheduled
article's time has come. Lists, the home page, the sidebar widget and "Tin khác" page
through it without touching the database.
"""

import secrets
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db import connection
from django.db.models import F, Q
from django.utils import timezone

from core.caching import content_cache_seconds
from core.text import search_words
from news import conf, search
from news.models import Article, ArticleMonthlyViews, Category

INDEX_KEY = "news:index:v2"


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
    # New on every rebuild: the keys of what is cached alongside (neighbours, categories)
    # carry it, so a change that drops the index makes them unreachable too.
    token: str = ""

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
    return NewsIndex(
        rows=rows, total=total, featured=featured, valid_until=next_time,
        token=secrets.token_hex(8),
    )  # fmt: skip


def news_index(now=None):
    """The cached index of published articles, rebuilt when stale."""
    now = now or timezone.now()
    index = cache.get(INDEX_KEY)
    if index is None or (index.valid_until is not None and index.valid_until <= now):
        index = _build_index(now)
        timeout = content_cache_seconds(conf.list_cache_seconds())
        if index.valid_until is not None:
            seconds_left = int((index.valid_until - now).total_seconds()) + 1
            timeout = max(1, min(timeout, seconds_left))
        cache.set(INDEX_KEY, index, timeout)
    return index


def news_index_clear():
    cache.delete(INDEX_KEY)


def _cards_by_id(ids):
    """Cards of the articles ``ids``, in that order."""
    articles = _card_queryset().in_bulk(ids)
    return [article_card(articles[pk]) for pk in ids if pk in articles]


def ids_slice(queryset, start, stop, total):
    """The ids of ``queryset[start:stop]``, ``queryset`` in a list order (newest first, the
    id breaking ties) and ``total`` rows long.

    The first half of a deferred join: the offset is walked on the list index alone (ids
    only, no row read); the caller then reads the page's rows by id. Past the middle the
    order is reversed, so that no page skips more than half of the list.
    """
    if stop - start <= 0:
        return []
    ids = queryset.values_list("id", flat=True)
    if start > total // 2:
        return list(ids.reverse()[max(total - stop, 0) : total - start])[::-1]
    return list(ids[start:stop])


def _card_slice(queryset, start, stop, total):
    """Cards of ``queryset[start:stop]``, read by id after ``ids_slice``."""
    return _cards_by_id(ids_slice(queryset, start, stop, total))


class PageableRows:
    """A lazy sequence for ``Paginator``: counted once (``_count_rows()``), and sliced by
    ``_rows(start, stop)``; an index ``[i]`` is the slice ``[i:i+1]``."""

    _count = None

    def _count_rows(self):
        raise NotImplementedError

    def _rows(self, start, stop):
        raise NotImplementedError

    def count(self):
        if self._count is None:
            self._count = self._count_rows()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        return self._rows(start, stop)


class PublishedArticles(PageableRows):
    """A sequence of ``ArticleCard`` for ``Paginator``: served from the cached index where
    it reaches, from the database beyond it. ``exclude`` leaves one article out ("Tin khác")."""

    def __init__(self, *, exclude=None, exclude_is_public=False, now=None):
        self.now = now or timezone.now()
        self.index = news_index(self.now)
        self.exclude = exclude
        self.rows = [row for row in self.index.rows if row.id != exclude]
        self.total = self.index.total - (1 if exclude is not None and exclude_is_public else 0)

    def _count_rows(self):
        return max(self.total, 0)

    def _rows(self, start, stop):
        if stop <= len(self.rows) or self.index.complete:
            return self.rows[start:stop]
        queryset = Article.objects.published(self.now).newest_first()
        if self.exclude is not None:
            queryset = queryset.exclude(pk=self.exclude)
        return _card_slice(queryset, start, stop, len(self))


class CategoryArticles(PageableRows):
    """The published articles of categories ``category_ids`` (a category and its
    descendants) as cards for ``Paginator``, newest first."""

    def __init__(self, category_ids, now=None):
        published = Article.objects.published(now)
        if len(category_ids) == 1:  # the category index, walked in order
            published = published.filter(category_id=category_ids[0])
        else:
            published = published.filter(category_id__in=category_ids)
        self.queryset = published.newest_first()

    def _count_rows(self):
        return self.queryset.count()

    def _rows(self, start, stop):
        return _card_slice(self.queryset, start, stop, self.count())


def latest_articles(limit=5):
    """The newest published articles as cards (sidebar "Thông tin mới nhất", home page)."""
    return list(news_index().rows[:limit])


def featured_articles(limit=5):
    return list(news_index().featured[:limit])


def category_articles(category, now=None):
    """A category's published articles, its sub-categories' included (a parent category
    is the section its children belong to, as on NukeViet), as cards, newest first
    (paginated by the caller)."""
    return CategoryArticles(category_tree(now).descendant_ids(category.pk), now)


# --- categories as a tree -------------------------------------------------------------


@dataclass(frozen=True)
class CategoryNode:
    """What breadcrumbs and sub-category lists show of a category."""

    id: int
    name: str
    url: str
    parent_id: int | None


class CategoryTree:
    """Every category (a few dozen), with parents and children; cycles are cut."""

    def __init__(self, nodes):
        self.nodes = {node.id: node for node in nodes}  # in Category's order
        self._children = {}
        for node in self.nodes.values():
            if node.parent_id in self.nodes:
                self._children.setdefault(node.parent_id, []).append(node)

    def ancestors(self, category_id):
        """The parents of a category, root first (empty for a root or an unknown id)."""
        found, seen = [], {category_id}
        node = self.nodes.get(category_id)
        while node is not None and node.parent_id in self.nodes and node.parent_id not in seen:
            node = self.nodes[node.parent_id]
            found.append(node)
            seen.add(node.id)
        return found[::-1]

    def children(self, category_id):
        return list(self._children.get(category_id, ()))

    def descendant_ids(self, category_id):
        """The category's id, then those of its children, grandchildren..."""
        ids, queue = [category_id], [category_id]
        while queue:
            for child in self._children.get(queue.pop(0), ()):
                if child.id not in ids:
                    ids.append(child.id)
                    queue.append(child.id)
        return ids


def _cached(key, build, now):
    """``build()``, kept as long as the news index it is keyed to (``NewsIndex.token``)."""
    index = news_index(now)
    key = f"{key}:{index.token}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, content_cache_seconds(conf.list_cache_seconds()))
    return value


def category_tree(now=None):
    """The categories as a ``CategoryTree``, cached with the news index (any change of a
    category or article drops both)."""

    def build():
        return CategoryTree(
            CategoryNode(id=c.pk, name=c.name, url=c.get_absolute_url(), parent_id=c.parent_id)
            for c in Category.objects.only("id", "name", "slug", "parent_id")
        )

    return _cached("news:categories:v1", build, now)


def breadcrumbs(category_id, now=None):
    """The categories of a breadcrumb trail: root first, ``category_id`` last."""
    tree = category_tree(now)
    node = tree.nodes.get(category_id)
    return [*tree.ancestors(category_id), node] if node is not None else []


# --- "Tin cùng chuyên mục" ---------------------------------------------------------------


@dataclass(frozen=True)
class Neighbours:
    newer: tuple  # newest first, the one just after the article last
    older: tuple  # newest first, the one just before the article first


def category_neighbours(article, limit=None, now=None):
    """The ``limit`` published articles of ``article``'s category just newer and just older
    than it, as cards ("Tin mới hơn" / "Tin cũ hơn").

    Two keyset queries on the (category, status, -published_at, -id) index, each reading
    ``limit`` index entries from the article's place whatever the archive's size; the id
    breaks ties of equal times, as in every list. Cached with the news index (a publication
    or any other change of an article drops it). ``None`` without a category.
    """
    if article.category_id is None:
        return None
    now = now or timezone.now()
    limit = limit or conf.NEIGHBOURS
    when, pk = article.published_at, article.pk

    def build():
        same = _card_queryset().published(now).filter(category_id=article.category_id)
        newer = (
            same.filter(published_at__gte=when)
            .filter(Q(published_at__gt=when) | Q(id__gt=pk))
            .order_by("published_at", "id")[:limit]
        )
        older = (
            same.filter(published_at__lte=when)
            .filter(Q(published_at__lt=when) | Q(id__lt=pk))
            .order_by("-published_at", "-id")[:limit]
        )
        return Neighbours(
            newer=tuple(article_card(row) for row in newer)[::-1],
            older=tuple(article_card(row) for row in older),
        )

    key = f"news:neighbours:v1:{pk}:{when.timestamp()}:{article.category_id}:{limit}"
    return _cached(key, build, now)


class SearchResults:
    """The matches of a search, best first, as cards for ``Paginator``: the ranked ids are
    held, a page's rows are read by id."""

    def __init__(self, ids):
        self.ids = ids

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        return _cards_by_id(self.ids[key])


def search_articles(query, now=None):
    """Published articles matching every word of ``query``, ignoring case and diacritics,
    the best first: a match in the title above one in the summary above one in the body,
    then the newest first.

    Both databases read the index of news/search.py, built from ``search_text`` (the same
    folding as slugs). Ranking reads each candidate's document, so one query ranks the
    newest ``conf.search_max_results()`` matches only (all of them unless a word is very
    common): PostgreSQL with ``ts_rank`` over the weighted ``search_vector``, SQLite with
    FTS5's ``bm25`` and column weights. Returns ``None`` when the query holds no word to
    search for (no query is run); run it under ``news.search.time_limit``.
    """
    folded = search_words(query, limit=conf.SEARCH_MAX_WORDS)
    if not folded:
        return None
    published = Article.objects.published(now).newest_first()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        search_query = SearchQuery(" ".join(folded), config="news_vi", search_type="plain")
        matches = (
            published.alias(document=search.SearchDocument())
            .filter(document=search_query)
            .annotate(rank=-SearchRank(F("document"), search_query))
        )
    else:
        table = search.FTS_TABLE
        weights = ", ".join(str(weight) for weight in search.FTS_WEIGHTS)
        # extra(): the FTS5 table is no model; bm25() is only defined inside its MATCH query.
        matches = published.extra(
            tables=[table],
            where=[f"{table}.rowid = news_article.id", f"{table} MATCH %s"],
            params=[search.fts_match(folded)],
            select={"rank": f"bm25({table}, {weights})"},
        )
    # The newest matches walk the list index and stop early when a word is common; the
    # sort is stable, so equal ranks stay newest first. Lower ranks are better.
    candidates = matches.values_list("id", "rank")[: conf.search_max_results()]
    return SearchResults([pk for pk, _rank in sorted(candidates, key=lambda row: row[1])])


def most_viewed_articles(*, limit=10):
    """Published articles with the most views (the stored counts), most viewed first."""
    return list(
        Article.objects.published().filter(view_count__gt=0).order_by("-view_count", "pk")[:limit]
    )


def most_viewed_in_month(*, month, limit=20):
    """Published articles with the most views counted in ``month`` (its first day, site
    time), most viewed first; each carries ``month_views``. Only views counted on this site
    (``ArticleMonthlyViews``); in Redis mode, as of the last flush."""
    rows = (
        ArticleMonthlyViews.objects.filter(
            month=month, views__gt=0, article__in=Article.objects.published()
        )
        .select_related("article")
        .order_by("-views", "article_id")[:limit]
    )
    articles = []
    for row in rows:
        row.article.month_views = row.views
        articles.append(row.article)
    return articles
