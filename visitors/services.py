"""Write paths of the visitor statistics (definitions in ``visitors/__init__.py``).

Recording a page view is exact under concurrency and touches no hot row:

* **Database** (default): one upsert on ``VisitorActivity`` decides, from the row as locked
  and updated by the database, whether the page view starts a visit; one upsert adds to one
  of the day's ``DailyStat`` slots picked at random (``core.counters``: committed
  without waiting for a disk flush on PostgreSQL).
* **Redis** (``REDIS_URL`` set): one Lua script (one round trip, atomic) does the same on a
  per-visitor key, a sorted set of last-seen times and a per-day hash of counters.
  ``flush_visitor_stats`` moves the per-day counters into ``DailyStat``; until then the
  readers add the unflushed counters to the database's.
"""

import logging
import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection, transaction
from django.utils import timezone

from core.counters import counter_cursor, counter_sql
from core.readers import local_today
from core.redis import redis_connection, redis_script
from visitors import conf
from visitors.models import DailySalt, DailyStat, RedisFlush, VisitorActivity

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageviewResult:
    new_visit: bool
    new_visitor: bool


# --- Database ---------------------------------------------------------------------------

_ACTIVITY_UPSERT = """
INSERT INTO {t} (visitor, first_seen, last_seen, visit_started_at, pageviews, new_visit)
VALUES (%s, %s, %s, %s, 1, TRUE)
ON CONFLICT (visitor) DO UPDATE SET
    new_visit = ({t}.last_seen < %s),
    visit_started_at = CASE WHEN {t}.last_seen < %s
        THEN excluded.last_seen ELSE {t}.visit_started_at END,
    last_seen = CASE WHEN excluded.last_seen > {t}.last_seen
        THEN excluded.last_seen ELSE {t}.last_seen END,
    pageviews = {t}.pageviews + 1
RETURNING new_visit, pageviews
"""

_DAILY_UPSERT = """
INSERT INTO {t} (day, slot, visits, pageviews, visitors)
VALUES (%s, %s, %s, %s, %s)
ON CONFLICT (day, slot) DO UPDATE SET
    visits = {t}.visits + excluded.visits,
    pageviews = {t}.pageviews + excluded.pageviews,
    visitors = {t}.visitors + excluded.visitors
"""


def _dt(value):
    # Raw SQL bypasses the field adapters: SQLite stores naive UTC text, PostgreSQL aware.
    return connection.ops.adapt_datetimefield_value(value)


def _daily_stat_add(*, day, visits, pageviews, visitors, slot=None, cursor=None):
    if slot is None:
        slot = random.randrange(conf.daily_shards())  # noqa: S311 - spreading load only
    sql = _DAILY_UPSERT.format(t=connection.ops.quote_name(DailyStat._meta.db_table))
    params = [connection.ops.adapt_datefield_value(day), slot, visits, pageviews, visitors]
    if cursor is not None:
        cursor.execute(sql, params)
        return
    with connection.cursor() as own_cursor:
        own_cursor.execute(sql, params)


def pageview_record_db(*, visitor, now):
    """Record one page view of ``visitor`` at ``now`` in the database (two statements).

    Each statement is atomic on its own, which is what keeps the counts exact; they share
    one asynchronously committed transaction on PostgreSQL (``core.counters``).
    """
    cutoff = now - conf.visit_timeout()
    table = connection.ops.quote_name(VisitorActivity._meta.db_table)
    with counter_cursor() as cursor:
        cursor.execute(
            counter_sql(_ACTIVITY_UPSERT.format(t=table)),
            [visitor, _dt(now), _dt(now), _dt(now), _dt(cutoff), _dt(cutoff)],
        )
        new_visit, pageviews = cursor.fetchone()
        result = PageviewResult(new_visit=bool(new_visit), new_visitor=pageviews == 1)
        _daily_stat_add(
            day=local_today(now),
            visits=int(result.new_visit),
            pageviews=1,
            visitors=int(result.new_visitor),
            cursor=cursor,
        )
    return result


# --- Redis ------------------------------------------------------------------------------

# KEYS: visitor key, online sorted set, day hash, set of days with counters
# ARGV: now (ms), visit timeout (ms), visitor key ttl (s), online prune before (ms),
#       visitor, day
_RECORD_SCRIPT = """
local now = tonumber(ARGV[1])
local last = redis.call('GET', KEYS[1])
local new_visit = 0
local new_visitor = 0
if not last then
  new_visit = 1
  new_visitor = 1
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
else
  last = tonumber(last)
  if now > last + tonumber(ARGV[2]) then new_visit = 1 end
  if now > last then redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL') end
end
redis.call('ZADD', KEYS[2], 'GT', now, ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
redis.call('HINCRBY', KEYS[3], 'pageviews', 1)
if new_visit == 1 then redis.call('HINCRBY', KEYS[3], 'visits', 1) end
if new_visitor == 1 then redis.call('HINCRBY', KEYS[3], 'visitors', 1) end
redis.call('SADD', KEYS[4], ARGV[6])
return {new_visit, new_visitor}
"""

# Move one day's counters aside under a batch name, atomically with respect to recording.
# KEYS: day hash, set of days, batch hash, set of batches. ARGV: day, batch key name
_DETACH_SCRIPT = """
redis.call('SREM', KEYS[2], ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RENAME', KEYS[1], KEYS[3])
  redis.call('SADD', KEYS[4], ARGV[2])
  return 1
end
return 0
"""


class RedisKeys:
    """Names of the Redis keys, all under ``VISITORS_REDIS_PREFIX``."""

    def __init__(self):
        self.prefix = conf.redis_prefix()
        self.online = f"{self.prefix}online"
        self.days = f"{self.prefix}days"
        self.batches = f"{self.prefix}batches"

    def visitor(self, visitor):
        return f"{self.prefix}v:{visitor}"

    def day(self, day):
        return f"{self.prefix}day:{day.isoformat()}"

    def batch(self, day, token):
        return f"{self.prefix}batch:{day.isoformat()}:{token}"


def _ms(moment):
    return int(moment.timestamp() * 1000)


def pageview_record_redis(*, visitor, now):
    """Record one page view of ``visitor`` at ``now`` in Redis (one atomic round trip)."""
    keys = RedisKeys()
    day = local_today(now)
    prune_before = now - max(conf.online_window(), timedelta(hours=1))
    # The visitor key outlives the day of its hash, so a visitor is counted once a day.
    ttl = int(max(conf.activity_retention(), conf.visit_timeout()).total_seconds())
    client = redis_connection()
    new_visit, new_visitor = redis_script(client, _RECORD_SCRIPT)(
        keys=[keys.visitor(visitor), keys.online, keys.day(day), keys.days],
        args=[
            _ms(now),
            int(conf.visit_timeout().total_seconds() * 1000),
            ttl,
            _ms(prune_before),
            visitor,
            day.isoformat(),
        ],
        client=client,
    )
    return PageviewResult(new_visit=bool(new_visit), new_visitor=bool(new_visitor))


def _decode(value):
    return value.decode() if isinstance(value, bytes) else value


def _counts(raw):
    values = {_decode(k): int(v) for k, v in (raw or {}).items()}
    return {name: values.get(name, 0) for name in ("visits", "pageviews", "visitors")}


def stats_flush_redis(*, now=None):
    """Move the per-day counters from Redis into ``DailyStat``; return the batches moved.

    Idempotent: each batch is detached atomically under a random name, added to the
    database together with a ``RedisFlush`` row in one transaction, then deleted. A flush
    interrupted at any point is completed by the next one, never counted twice.
    """
    keys = RedisKeys()
    client = redis_connection()
    detach = redis_script(client, _DETACH_SCRIPT)
    for raw_day in client.smembers(keys.days):
        day = date.fromisoformat(_decode(raw_day))
        token = uuid.uuid4().hex
        batch = keys.batch(day, token)
        detach(keys=[keys.day(day), keys.days, batch, keys.batches], args=[day.isoformat(), batch])
    moved = 0
    for raw_batch in client.smembers(keys.batches):
        batch = _decode(raw_batch)
        _prefix, day_text, token = batch.rsplit(":", 2)
        day = date.fromisoformat(day_text)
        counts = _counts(client.hgetall(batch))
        with transaction.atomic():
            _flush, created = RedisFlush.objects.get_or_create(token=token, defaults={"day": day})
            if created and counts["pageviews"]:
                _daily_stat_add(day=day, **counts)
        client.delete(batch)
        client.srem(keys.batches, batch)
        moved += int(created)
    return moved


# --- Entry points -----------------------------------------------------------------------


def pageview_record(*, visitor, now=None):
    """Record one page view of ``visitor`` (a ``visitor_id``) at ``now``.

    In Redis mode a Redis failure falls back to the database, so the view is not lost.
    """
    now = now or timezone.now()
    if conf.use_redis():
        try:
            return pageview_record_redis(visitor=visitor, now=now)
        except Exception:
            logger.warning("visitors: Redis unavailable, recording in the database", exc_info=True)
    return pageview_record_db(visitor=visitor, now=now)


def activity_prune(*, now=None):
    """Delete per-visitor activity and daily salts that are no longer needed.

    Returns ``(activities_deleted, salts_deleted)``. Daily aggregates are kept forever.
    """
    now = now or timezone.now()
    with transaction.atomic():
        activities, _ = VisitorActivity.objects.filter(
            last_seen__lt=now - conf.activity_retention()
        ).delete()
        salts, _ = DailySalt.objects.filter(
            day__lt=local_today(now) - conf.salt_retention()
        ).delete()
    return activities, salts


def stats_offset_set(*, total_offset):
    """Set the starting offset added to "Tổng lượt truy cập"."""
    from visitors.models import VisitorStatsSettings

    with transaction.atomic():
        record = VisitorStatsSettings.load()
        record.total_offset = total_offset
        record.full_clean()
        record.save()
    return record
