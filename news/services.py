"""Write paths of the news app: publishing, counting views, housekeeping.

Views, admin actions and commands call these functions; they hold the rules.
"""

import logging
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from news import conf
from news.models import Article, ArticleViewer

logger = logging.getLogger(__name__)


def article_publish(*, article, now=None):
    """Publish ``article``. A draft whose time is past is dated now; a future time is kept
    (the article stays scheduled until then)."""
    now = now or timezone.now()
    if article.status != Article.Status.PUBLISHED:
        if article.published_at is None or article.published_at < now:
            article.published_at = now
        article.status = Article.Status.PUBLISHED
        article.save()
    return article


def article_unpublish(*, article):
    """Take ``article`` off the public site (back to draft)."""
    if article.status != Article.Status.DRAFT:
        article.status = Article.Status.DRAFT
        article.save()
    return article


def articles_publish(*, articles, now=None):
    """Publish several articles at once; returns how many changed."""
    changed = 0
    with transaction.atomic():
        for article in articles:
            if article.status != Article.Status.PUBLISHED:
                article_publish(article=article, now=now)
                changed += 1
    return changed


def articles_unpublish(*, articles):
    """Return several articles to draft at once; returns how many changed."""
    changed = 0
    with transaction.atomic():
        for article in articles:
            if article.status != Article.Status.DRAFT:
                article_unpublish(article=article)
                changed += 1
    return changed


def _db_datetime(value):
    # SQLite stores datetimes as text in UTC; PostgreSQL takes aware datetimes as they are.
    return connection.ops.adapt_datetimefield_value(value)


def article_record_view(*, article, visitor, now=None):
    """Count a view of ``article`` by ``visitor`` unless they were counted within the window.

    Returns the number to display (including this view when it counted). Two statements at
    most, both atomic on SQLite (≥ 3.35) and PostgreSQL:

    1. an upsert of the (article, visitor) row that says whether this view counts. A new
       row counts; an existing one counts only if its last counted view is older than the
       window, and then its time moves forward. Two simultaneous first views by the same
       visitor: one inserts (counts), the other meets the fresh row (does not).
    2. only when it counts, ``view_count = view_count + 1 ... RETURNING view_count``.
    """
    now = now or timezone.now()
    threshold = now - conf.view_dedupe_window()
    viewers = ArticleViewer._meta.db_table
    articles = Article._meta.db_table
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {qn(viewers)} (article_id, visitor, last_counted_at, counted) "
            "VALUES (%s, %s, %s, TRUE) "
            "ON CONFLICT (article_id, visitor) DO UPDATE SET "
            f"counted = ({qn(viewers)}.last_counted_at <= %s), "
            f"last_counted_at = CASE WHEN {qn(viewers)}.last_counted_at <= %s "
            f"THEN excluded.last_counted_at ELSE {qn(viewers)}.last_counted_at END "
            "RETURNING counted",
            [article.pk, visitor, _db_datetime(now), _db_datetime(threshold),
             _db_datetime(threshold)],
        )  # fmt: skip
        counted = bool(cursor.fetchone()[0])
        if not counted:
            return article.view_count
        cursor.execute(
            f"UPDATE {qn(articles)} SET view_count = view_count + 1 WHERE id = %s "
            "RETURNING view_count",
            [article.pk],
        )
        row = cursor.fetchone()
    if row is None:  # the article was deleted meanwhile
        return article.view_count
    article.view_count = row[0]
    return row[0]


def article_viewers_prune(*, older_than=timedelta(days=1), now=None):
    """Delete de-duplication rows whose last counted view is older than ``older_than``.

    They only matter for the dedupe window (minutes); the visitor hash rotates daily anyway.
    Returns the number of rows deleted.
    """
    cutoff = (now or timezone.now()) - older_than
    deleted, _details = ArticleViewer.objects.filter(last_counted_at__lt=cutoff).delete()
    return deleted
