"""The Redis back-end of the visitor counter (``visitors.backends`` has the interface).

Recording a page view is one Lua script (one round trip, atomic) on a per-visitor key, a
sorted set of last-seen times and a per-day hash of counters; nothing is written to the
database on the request path. ``flush`` (``manage.py flush_visitor_stats``, every minute)
moves the per-day counters into ``DailyStat``; until then the readers add the unflushed
counters to the database's. Durability window: the counts since the last flush if Redis
loses its data.
"""

import uuid
from datetime import date, timedelta

from django.db import transaction

from core.readers import local_today
from core.redis import Guarded, defer_script, redis_connection, redis_script
from visitors import conf
from visitors.backends import DayTotals, PageviewResult, daily_stat_add
from visitors.models import RedisFlush

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


def _record_call(*, visitor, now):
    """The keys and arguments of ``_RECORD_SCRIPT`` for one page view."""
    keys = RedisKeys()
    day = local_today(now)
    prune_before = now - max(conf.online_window(), timedelta(hours=1))
    # The visitor key outlives the day of its hash, so a visitor is counted once a day.
    ttl = int(max(conf.activity_retention(), conf.visit_timeout()).total_seconds())
    return {
        "keys": [keys.visitor(visitor), keys.online, keys.day(day), keys.days],
        "args": [
            _ms(now),
            int(conf.visit_timeout().total_seconds() * 1000),
            ttl,
            _ms(prune_before),
            visitor,
            day.isoformat(),
        ],
    }


def _record(*, visitor, now):
    """Record one page view of ``visitor`` at ``now`` in Redis (one atomic round trip)."""
    client = redis_connection()
    new_visit, new_visitor = redis_script(client, _RECORD_SCRIPT)(
        **_record_call(visitor=visitor, now=now), client=client
    )
    return PageviewResult(new_visit=bool(new_visit), new_visitor=bool(new_visitor))


def _record_deferred(*, visitor, now, on_error):
    """Record one page view with the request's next Redis round trip (``core.redis``)."""
    defer_script(
        redis_connection(),
        _RECORD_SCRIPT,
        **_record_call(visitor=visitor, now=now),
        on_error=on_error,
    )


def _guarded(*, visitor, now):
    """One page view as a script for a caller that runs it under its own condition."""
    call = _record_call(visitor=visitor, now=now)
    return Guarded(_RECORD_SCRIPT, call["keys"], call["args"])


def _decode(value):
    return value.decode() if isinstance(value, bytes) else value


def _counts(raw):
    values = {_decode(k): int(v) for k, v in (raw or {}).items()}
    return {name: values.get(name, 0) for name in ("visits", "pageviews", "visitors")}


def _flush(*, now=None):
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
                daily_stat_add(day=day, **counts)
        client.delete(batch)
        client.srem(keys.batches, batch)
        moved += int(created)
    return moved


def _unflushed():
    """``{day: counts}`` recorded in Redis and not yet moved into ``DailyStat``."""
    keys = RedisKeys()
    client = redis_connection()
    days = sorted(_decode(d) for d in client.smembers(keys.days))
    batches = sorted(_decode(b) for b in client.smembers(keys.batches))
    if batches:
        # A batch already committed to the database but not yet deleted is not added twice.
        tokens = {b.rsplit(":", 1)[1]: b for b in batches}
        done = set(RedisFlush.objects.filter(token__in=tokens).values_list("token", flat=True))
        batches = [b for t, b in tokens.items() if t not in done]
    pipe = client.pipeline(transaction=False)
    for day in days:
        pipe.hgetall(keys.day(date.fromisoformat(day)))
    for batch in batches:
        pipe.hgetall(batch)
    results = pipe.execute()
    unflushed = {}
    for name, raw in zip(days + [b.rsplit(":", 2)[1] for b in batches], results, strict=True):
        day = date.fromisoformat(name)
        unflushed.setdefault(day, DayTotals(day)).add(_counts(raw))
    return unflushed


class RedisBackend:
    """Counts in Redis, moved into the database by ``flush``."""

    name = "redis"

    def record(self, *, visitor, now):
        return _record(visitor=visitor, now=now)

    def record_deferred(self, *, visitor, now, on_error):
        """``record`` without its answer, sent with the request's next Redis round trip;
        ``on_error(exception)`` if it fails."""
        _record_deferred(visitor=visitor, now=now, on_error=on_error)

    def guarded(self, *, visitor, now):
        """``record`` as a ``core.redis.Guarded`` script, for the page cache's lookup."""
        return _guarded(visitor=visitor, now=now)

    def unflushed(self):
        return _unflushed()

    def online_since(self, since):
        return redis_connection().zcount(RedisKeys().online, int(since.timestamp() * 1000), "+inf")

    def flush(self, *, now=None):
        return _flush(now=now)
