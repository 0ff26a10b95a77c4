"""Write paths of the news app: publishing, counting views, housekeeping.

Views, admin actions and commands call these functions; they hold the rules.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from core.counters import counter_cursor, counter_sql
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


def article_publish_now(*, article, now=None):
    """Put ``article`` on the public site now, whatever its state.

    A draft is published dated now (or kept at its past time); a scheduled article
    (published, time ahead) is brought forward to now. Returns what happened: ``"published"``,
    ``"brought_forward"`` or ``"already_public"``.
    """
    now = now or timezone.now()
    if article.status == Article.Status.PUBLISHED:
        if article.published_at <= now:
            return "already_public"
        article.published_at = now
        article.save()
        return "brought_forward"
    if article.published_at is None or article.published_at > now:
        article.published_at = now
    article_publish(article=article, now=now)
    return "published"


def article_unpublish(*, article):
    """Take ``article`` off the public site (back to draft)."""
    if article.status != Article.Status.DRAFT:
        article.status = Article.Status.DRAFT
        article.save()
    return article


@dataclass(frozen=True)
class PublishResult:
    """What ``articles_publish`` did: drafts published, scheduled ones brought forward,
    and the articles that were already on the public site (left as they were)."""

    published: int = 0
    brought_forward: int = 0
    already_public: int = 0

    @property
    def changed(self):
        return self.published + self.brought_forward


def articles_publish(*, articles, now=None):
    """ "Publish now" for several articles at once, in one transaction.

    The editor asked for these articles to be on the site: drafts are published now and
    scheduled ones are brought forward to now (an editor who wants to keep the schedule
    simply does not tick them). Returns a :class:`PublishResult`.
    """
    now = now or timezone.now()
    counts = {"published": 0, "brought_forward": 0, "already_public": 0}
    with transaction.atomic():
        for article in articles:
            counts[article_publish_now(article=article, now=now)] += 1
    return PublishResult(**counts)


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


# --- Redis mode (REDIS_URL set) ---------------------------------------------------------
# The article's count lives in Redis while the site runs: one Lua call decides whether a
# view counts (de-duplication key per article and visitor, holding the time of the last
# counted view, so a controlled clock decides exactly as the database's upsert does) and
# increments the count. No database write on the request path, no row to queue on.
# ``manage.py flush_view_counts`` (every minute) writes the counts into
# ``Article.view_count``; a count missing from Redis (first view, Redis restarted) is
# seeded from the database. Durability window: counts since the last flush if Redis loses
# its data.
#
# KEYS: de-duplication key, count key, set of articles to flush.
# ARGV: now (ms), window (ms), de-duplication key lifetime (s), article id, count only?
# Returns {counted (0/1), count}, or {-1, 0} when the count must be seeded first.
_REDIS_RECORD = """
local count = redis.call('GET', KEYS[2])
if not count then return {-1, 0} end
if ARGV[5] == '1' then return {0, tonumber(count)} end
local last = redis.call('GET', KEYS[1])
if last and tonumber(ARGV[1]) < tonumber(last) + tonumber(ARGV[2]) then
  return {0, tonumber(count)}
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
redis.call('SADD', KEYS[3], ARGV[4])
return {1, redis.call('INCR', KEYS[2])}
"""
REDIS_PREFIX = "portal:news:"
DIRTY_KEY = REDIS_PREFIX + "dirty"


def _redis():
    from visitors.services import redis_connection, redis_script

    client = redis_connection()
    return client, redis_script(client, _REDIS_RECORD)


def _count_key(article_id):
    return f"{REDIS_PREFIX}views:{article_id}"


def _record_in_redis(*, article_id, visitor, now, count_only=False):
    """(counted, count) from Redis in one round trip, seeding the count when it is missing."""
    client, script = _redis()
    window = conf.view_dedupe_window()
    keys = [f"{REDIS_PREFIX}viewer:{article_id}:{visitor}", _count_key(article_id), DIRTY_KEY]
    args = [
        int(now.timestamp() * 1000),
        int(window.total_seconds() * 1000),
        int(window.total_seconds()) + 3600,
        article_id,
        "1" if count_only else "0",
    ]
    counted, count = script(keys=keys, args=args)
    if counted == -1:
        stored = _stored_count(article_id)
        if stored is None:
            return False, None
        client.set(_count_key(article_id), stored, nx=True)  # a concurrent seed may win
        counted, count = script(keys=keys, args=args)
    return bool(counted), int(count)


def _stored_count(article_id):
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(Article._meta.db_table)
        cursor.execute(f"SELECT view_count FROM {table} WHERE id = %s", [article_id])
        row = cursor.fetchone()
    return None if row is None else row[0]


def view_counts_flush():
    """Write the counts held in Redis into ``Article.view_count``; returns how many.

    Idempotent and safe beside live traffic: the stored number only ever moves up to the
    Redis count (``GREATEST``), and an article re-marked while flushing is flushed again
    next time.
    """
    if not settings.REDIS_URL:
        return 0
    client, _script = _redis()
    flushed = 0
    table = connection.ops.quote_name(Article._meta.db_table)
    for raw in client.smembers(DIRTY_KEY):
        article_id = int(raw)
        client.srem(DIRTY_KEY, raw)
        count = client.get(_count_key(article_id))
        if count is None:
            continue
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET view_count = CASE WHEN view_count > %s THEN view_count "
                "ELSE %s END WHERE id = %s",
                [int(count), int(count), article_id],
            )
        flushed += 1
    return flushed


def _counts_in_database(cursor, *, article_id, visitor, now):
    """Database mode: one upsert of the (article, visitor) row says whether this view counts.

    A new row counts; an existing one counts only if its last counted view is older than
    the window, and then its time moves forward. Two simultaneous first views by the same
    visitor: one inserts (counts), the other meets the fresh row (does not).
    """
    threshold = now - conf.view_dedupe_window()
    table = connection.ops.quote_name(ArticleViewer._meta.db_table)
    cursor.execute(
        counter_sql(
            f"INSERT INTO {table} (article_id, visitor, last_counted_at, counted) "
            "VALUES (%s, %s, %s, TRUE) "
            "ON CONFLICT (article_id, visitor) DO UPDATE SET "
            f"counted = ({table}.last_counted_at <= %s), "
            f"last_counted_at = CASE WHEN {table}.last_counted_at <= %s "
            f"THEN excluded.last_counted_at ELSE {table}.last_counted_at END "
            "RETURNING counted"
        ),
        [article_id, visitor, _db_datetime(now), _db_datetime(threshold),
         _db_datetime(threshold)],
    )  # fmt: skip
    return bool(cursor.fetchone()[0])


def article_view_count(*, article):
    """The current view count of ``article`` (Redis's in Redis mode, else the stored one)."""
    if settings.REDIS_URL:
        try:
            _counted, count = _record_in_redis(
                article_id=article.pk, visitor="", now=timezone.now(), count_only=True
            )
            if count is not None:
                return count
        except Exception:
            logger.warning("news: Redis unavailable, reading the stored count", exc_info=True)
    count = _stored_count(article.pk)
    return article.view_count if count is None else count


def article_record_view(*, article, visitor, now=None, fresh=False):
    """Count a view of ``article`` by ``visitor`` unless they were counted within the window.

    Returns the number to display (including this view when it counted).

    * Redis mode: one Lua call de-duplicates and increments (see above).
    * Database mode: two statements at most, each atomic on SQLite (>= 3.35) and
      PostgreSQL, committed without waiting for a disk flush on PostgreSQL
      (``core.counters``): an upsert of the (article, visitor) row that says whether this
      view counts, then ``view_count = view_count + 1 ... RETURNING view_count``; a view
      that does not count shows ``article.view_count``, or with ``fresh`` the stored number
      read anew (``article`` may be a stand-in from a cached page).

    If Redis fails, the database path is used, so the page still shows a count.
    """
    now = now or timezone.now()
    if settings.REDIS_URL:
        try:
            _counted, count = _record_in_redis(article_id=article.pk, visitor=visitor, now=now)
            if count is not None:
                article.view_count = count
                return count
        except Exception:
            logger.warning("news: Redis unavailable, counting in the database", exc_info=True)
    with counter_cursor() as cursor:
        counted = _counts_in_database(cursor, article_id=article.pk, visitor=visitor, now=now)
        if not counted:
            return article_view_count(article=article) if fresh else article.view_count
        table = connection.ops.quote_name(Article._meta.db_table)
        cursor.execute(
            counter_sql(
                f"UPDATE {table} SET view_count = view_count + 1 WHERE id = %s RETURNING view_count"
            ),
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
