"""The Redis back-end of the article view counter (``news.backends`` has the interface).

The article's count lives in Redis while the site runs: one Lua call decides whether a
view counts (de-duplication key per article and visitor, holding the time of the last
counted view, so a controlled clock decides exactly as the database's upsert does) and
increments the count. No database write on the request path, no row to queue on.
``manage.py flush_view_counts`` (every minute) writes the counts into
``Article.view_count``; a count missing from Redis (first view, Redis restarted) is
seeded from the database. Durability window: counts since the last flush if Redis loses
its data.

Views per month (``ArticleMonthlyViews``) ride along in the same Lua call: a hash per
month (field: article id, value: the month's count, seeded from the database row like the
total) gains one with each counted view, and the same flush writes it into the database
the same idempotent way (never lowered, re-marked entries flushed again).
"""

from datetime import date

from django.db import connection, transaction
from django.utils import timezone

from core.redis import Guarded, redis_connection, redis_script, run_script
from news import conf
from news.backends import stored_count
from news.models import Article, ArticleMonthlyViews, view_month

# KEYS: de-duplication key, count key, set of articles to flush,
#       [month] hash of the month's counts, set of (month, article) entries to flush.
# ARGV: now (ms), window (ms), de-duplication key lifetime (s), article id, count only?,
#       [month] entry "YYYY-MM:article id", month hash lifetime (s).
# Returns {counted (0/1), count}, or {-1, 0} when the count (or the month's count) must be
# seeded first.
_REDIS_RECORD = """
local count = redis.call('GET', KEYS[2])
if not count then return {-1, 0} end
if ARGV[5] == '1' then return {0, tonumber(count)} end
local last = redis.call('GET', KEYS[1])
if last and tonumber(ARGV[1]) < tonumber(last) + tonumber(ARGV[2]) then
  return {0, tonumber(count)}
end
-- [month] begin: the month's count is seeded from the database before the first view
if redis.call('HEXISTS', KEYS[4], ARGV[4]) == 0 then return {-1, 0} end
-- [month] end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
redis.call('SADD', KEYS[3], ARGV[4])
-- [month] begin: one more view of the article this month, flushed with the count
redis.call('HINCRBY', KEYS[4], ARGV[4], 1)
redis.call('EXPIRE', KEYS[4], ARGV[7])
redis.call('SADD', KEYS[5], ARGV[6])
-- [month] end
return {1, redis.call('INCR', KEYS[2])}
"""

# A month's hash outlives its last write by this long: the flush (every minute) has read
# it long before; Redis then forgets it (the database keeps the rows).
_MONTH_KEY_SECONDS = 92 * 24 * 3600


# Raise a count to at least ARGV[1]; a missing count is left to be seeded from the database.
_REDIS_RAISE = """
local count = tonumber(redis.call('GET', KEYS[1]))
if count and count < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return 0
"""


def _dirty_key():
    return f"{conf.redis_prefix()}dirty"


def _run_record(client, keys, args):
    # With the scripts the request deferred (its page view): one round trip for both.
    return run_script(client, _REDIS_RECORD, keys=keys, args=args)


def _count_key(article_id):
    return f"{conf.redis_prefix()}views:{article_id}"


def _month_key(month_text):
    return f"{conf.redis_prefix()}month:{month_text}"


def _dirty_months_key():
    return f"{conf.redis_prefix()}dirty-months"


def _stored_month_views(article_id, month):
    row = (
        ArticleMonthlyViews.objects.filter(article_id=article_id, month=month)
        .values_list("views", flat=True)
        .first()
    )
    return row or 0


def _record_call(*, article_id, visitor, now, count_only=False):
    """The keys and arguments of ``_REDIS_RECORD`` for one view."""
    window = conf.view_dedupe_window()
    month = view_month(now)
    month_text = f"{month:%Y-%m}"
    keys = [
        f"{conf.redis_prefix()}viewer:{article_id}:{visitor}",
        _count_key(article_id),
        _dirty_key(),
        _month_key(month_text),
        _dirty_months_key(),
    ]
    args = [
        int(now.timestamp() * 1000),
        int(window.total_seconds() * 1000),
        int(window.total_seconds()) + 3600,
        article_id,
        "1" if count_only else "0",
        f"{month_text}:{article_id}",
        _MONTH_KEY_SECONDS,
    ]
    return month, keys, args


def _record_in_redis(*, article_id, visitor, now, count_only=False):
    """(counted, count) from Redis in one round trip, seeding the count when it is missing."""
    client = redis_connection()
    month, keys, args = _record_call(
        article_id=article_id, visitor=visitor, now=now, count_only=count_only
    )
    month_text = f"{month:%Y-%m}"
    counted, count = _run_record(client, keys, args)
    if counted == -1:
        stored = stored_count(article_id)
        if stored is None:
            return False, None
        client.set(_count_key(article_id), stored, nx=True)  # a concurrent seed may win
        if not count_only:  # [month] the month's count, seeded the same way
            month_views = _stored_month_views(article_id, month)
            client.hsetnx(_month_key(month_text), article_id, month_views)
        counted, count = _run_record(client, keys, args)
    return bool(counted), int(count)


def _flush():
    """Write the counts held in Redis into ``Article.view_count``; returns how many.

    Idempotent and safe beside live traffic: the stored number only ever moves up to the
    Redis count (``GREATEST``), and an article re-marked while flushing is flushed again
    next time.
    """
    client = redis_connection()
    flushed = 0
    table = connection.ops.quote_name(Article._meta.db_table)
    dirty = _dirty_key()
    for raw in client.smembers(dirty):
        article_id = int(raw)
        client.srem(dirty, raw)
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
    _flush_months(client)
    return flushed


def _flush_months(client):
    """Write the months' counts held in Redis into ``ArticleMonthlyViews``, as ``_flush``
    does the totals: the entry is unmarked before its count is read (a view meanwhile
    marks it again), and a row only ever moves up to the Redis count. An article deleted
    meanwhile gets no row."""
    table = connection.ops.quote_name(ArticleMonthlyViews._meta.db_table)
    articles = connection.ops.quote_name(Article._meta.db_table)
    dirty = _dirty_months_key()
    for raw in client.smembers(dirty):
        client.srem(dirty, raw)
        entry = raw.decode() if isinstance(raw, bytes) else raw
        month_text, _sep, article_id = entry.partition(":")
        views = client.hget(_month_key(month_text), article_id)
        if views is None:
            continue
        month = connection.ops.adapt_datefield_value(date.fromisoformat(f"{month_text}-01"))
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (article_id, month, views) "
                f"SELECT id, %s, %s FROM {articles} WHERE id = %s "
                "ON CONFLICT (article_id, month) DO UPDATE SET views = CASE "
                f"WHEN {table}.views > excluded.views THEN {table}.views "
                "ELSE excluded.views END",
                [month, int(views), int(article_id)],
            )


class RedisViewCounter:
    """Counts in Redis, written into the database by ``flush``."""

    name = "redis"

    def record(self, *, article_id, visitor, now):
        return _record_in_redis(article_id=article_id, visitor=visitor, now=now)

    def guarded(self, *, article_id, visitor, now):
        """``record`` as a ``core.redis.Guarded`` script, for the page cache's lookup; its
        answer is read by ``answered``."""
        _month, keys, args = _record_call(article_id=article_id, visitor=visitor, now=now)
        return Guarded(_REDIS_RECORD, keys, args)

    def answered(self, answer):
        """``(counted, count)`` from the answer of ``guarded``; ``None`` when the count
        had to be seeded first (nothing was counted: ``record`` does it)."""
        counted, count = answer
        if counted == -1:
            return None
        return bool(counted), int(count)

    def count(self, *, article_id):
        _counted, count = _record_in_redis(
            article_id=article_id, visitor="", now=timezone.now(), count_only=True
        )
        return count

    def raise_to(self, *, article_id, at_least):
        """The live count becomes at least ``at_least``; a count not in Redis yet is seeded
        from the database on its next view."""
        client = redis_connection()
        redis_script(client, _REDIS_RAISE)(keys=[_count_key(article_id)], args=[int(at_least)])

    def flush(self):
        return _flush()
