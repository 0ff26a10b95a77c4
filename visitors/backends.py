"""The visitor counter: one interface, two back-ends chosen by settings.

``counter()`` returns the database back-end, or the Redis one (``visitors.redis_backend``)
when ``VISITORS_USE_REDIS`` is on (default: when ``REDIS_URL`` is set). Both give exactly
the same numbers; tests/visitors runs every definition against both (the Redis run when a
Redis server answers). The interface:

* ``record(*, visitor, now)`` -> ``PageviewResult``: one page view, exact under concurrency.
* ``unflushed()`` -> ``{day: DayTotals}``: counts held outside the database, which readers
  add to ``DailyStat``'s.
* ``online_since(since)`` -> the visitors seen since then that the database does not know.
* ``flush(*, now=None)`` -> how many batches were moved into the database.

Database (default): one upsert on ``VisitorActivity`` decides, from the row as locked and
updated by the database, whether the page view starts a visit; one upsert adds to one of
the day's ``DailyStat`` slots picked at random (``core.counters``: on PostgreSQL both are
one statement, one round trip, committed without waiting for a disk flush). Nothing is
held elsewhere, nothing to flush.
"""

import random
from dataclasses import dataclass
from datetime import date

from django.db import connection

from core.counters import counter_sql, defer_counter, prepared
from core.readers import local_today
from visitors import conf
from visitors.models import DailyStat, VisitorActivity


@dataclass(frozen=True)
class PageviewResult:
    new_visit: bool
    new_visitor: bool


@dataclass
class DayTotals:
    day: date
    visits: int = 0
    pageviews: int = 0
    visitors: int = 0

    def add(self, counts):
        self.visits += counts.get("visits", 0)
        self.pageviews += counts.get("pageviews", 0)
        self.visitors += counts.get("visitors", 0)


_ACTIVITY_WRITE = """
INSERT INTO {t} (visitor, first_seen, last_seen, visit_started_at, pageviews, new_visit)
VALUES (%s, %s, %s, %s, 1, TRUE)
ON CONFLICT (visitor) DO UPDATE SET
    new_visit = ({t}.last_seen < %s),
    visit_started_at = CASE WHEN {t}.last_seen < %s
        THEN excluded.last_seen ELSE {t}.visit_started_at END,
    last_seen = CASE WHEN excluded.last_seen > {t}.last_seen
        THEN excluded.last_seen ELSE {t}.last_seen END,
    pageviews = {t}.pageviews + 1
"""
_ACTIVITY_UPSERT = _ACTIVITY_WRITE + "RETURNING new_visit, pageviews\n"

# The day's slot gains the counts of ``{rows}`` (``VALUES`` or a ``SELECT``).
_DAY_ADD = """
INSERT INTO {t} (day, slot, visits, pageviews, visitors)
{rows}
ON CONFLICT (day, slot) DO UPDATE SET
    visits = {t}.visits + excluded.visits,
    pageviews = {t}.pageviews + excluded.pageviews,
    visitors = {t}.visitors + excluded.visitors
"""

_DAILY_UPSERT = _DAY_ADD.replace("{rows}", "VALUES (%s, %s, %s, %s, %s)")

# PostgreSQL: the visitor's row and the day's slot in one statement (one round trip).
_ACTIVITY_AND_DAY_UPSERT = (
    "WITH activity AS ({activity})"
    + _DAY_ADD.replace(
        "{rows}",
        "SELECT %s, %s, CASE WHEN new_visit THEN 1 ELSE 0 END, 1,\n"
        "    CASE WHEN pageviews = 1 THEN 1 ELSE 0 END\nFROM activity",
    )
    + "RETURNING (SELECT new_visit FROM activity), (SELECT pageviews FROM activity)\n"
)


# SQLite (no data-modifying ``WITH``): the day's slot gains the page view just recorded in
# the visitor's row, read back in the same transaction (no other writer in between).
_DAY_ADD_FROM_ROW = _DAY_ADD.replace(
    "{rows}",
    "SELECT %s, %s, CASE WHEN new_visit THEN 1 ELSE 0 END, 1,\n"
    "    CASE WHEN pageviews = 1 THEN 1 ELSE 0 END\nFROM {a} WHERE visitor = %s",
)


def _slot():
    return random.randrange(conf.daily_shards())  # noqa: S311 - spreading load only


def _dt(value):
    # Raw SQL bypasses the field adapters: SQLite stores naive UTC text, PostgreSQL aware.
    return connection.ops.adapt_datetimefield_value(value)


def _activity_params(visitor, now):
    at, cutoff = _dt(now), _dt(now - conf.visit_timeout())
    return [visitor, at, at, at, cutoff, cutoff]


def _postgresql_pageview(*, visitor, now, prefixed):
    """PostgreSQL: the visitor's row and the day's slot in one statement, and its
    parameters; ``prefixed``: with ``counter_sql``'s asynchronous commit."""
    # Planned once per connection (``core.counters.prepared``).
    sql = prepared(
        _ACTIVITY_AND_DAY_UPSERT.format(
            activity=_ACTIVITY_UPSERT.format(
                t=connection.ops.quote_name(VisitorActivity._meta.db_table)
            ),
            t=connection.ops.quote_name(DailyStat._meta.db_table),
        )
    )
    params = [
        *_activity_params(visitor, now),
        connection.ops.adapt_datefield_value(local_today(now)),
        _slot(),
    ]
    return (counter_sql(sql) if prefixed else sql), params


def _sqlite_pageview(*, visitor, now):
    """SQLite: the visitor's row, then the day's slot from it; two statements that must
    run in one transaction (``core.counters.defer_counter``)."""
    activity = connection.ops.quote_name(VisitorActivity._meta.db_table)
    upsert = _ACTIVITY_WRITE.format(t=activity)  # nothing returned: nobody waits for it
    day_add = _DAY_ADD_FROM_ROW.format(
        t=connection.ops.quote_name(DailyStat._meta.db_table), a=activity
    )
    day = connection.ops.adapt_datefield_value(local_today(now))
    return (upsert, _activity_params(visitor, now)), (day_add, [day, _slot(), visitor])


def daily_stat_add(*, day, visits, pageviews, visitors, slot=None, cursor=None):
    if slot is None:
        slot = _slot()
    sql = _DAILY_UPSERT.format(t=connection.ops.quote_name(DailyStat._meta.db_table))
    params = [connection.ops.adapt_datefield_value(day), slot, visits, pageviews, visitors]
    if cursor is not None:
        cursor.execute(sql, params)
        return
    with connection.cursor() as own_cursor:
        own_cursor.execute(sql, params)


class DatabaseBackend:
    """Every count in the database, written on the request path."""

    name = "database"

    def record(self, *, visitor, now):
        """Record one page view of ``visitor`` at ``now`` in the database.

        Each statement is atomic on its own, which is what keeps the counts exact. On
        PostgreSQL the visitor's row and the day's slot are one statement (a data-modifying
        ``WITH``), committed asynchronously in one round trip (``core.counters``); SQLite
        has no data-modifying ``WITH``: two statements.
        """
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(*_postgresql_pageview(visitor=visitor, now=now, prefixed=True))
                new_visit, pageviews = cursor.fetchone()
                return PageviewResult(new_visit=bool(new_visit), new_visitor=pageviews == 1)
            table = connection.ops.quote_name(VisitorActivity._meta.db_table)
            cursor.execute(
                counter_sql(_ACTIVITY_UPSERT.format(t=table)), _activity_params(visitor, now)
            )
            new_visit, pageviews = cursor.fetchone()
            result = PageviewResult(new_visit=bool(new_visit), new_visitor=pageviews == 1)
            daily_stat_add(
                day=local_today(now),
                visits=int(result.new_visit),
                pageviews=1,
                visitors=int(result.new_visitor),
                cursor=cursor,
            )
        return result

    def record_deferred(self, *, visitor, now):
        """``record`` whose answer is not needed: inside ``core.counters.counter_batch()``
        sent with the request's next counter statement (an article's view count), in one
        transaction (on PostgreSQL one round trip); else at once."""
        if connection.vendor == "postgresql":
            defer_counter(_postgresql_pageview(visitor=visitor, now=now, prefixed=False))
            return
        defer_counter(*_sqlite_pageview(visitor=visitor, now=now))

    def unflushed(self):
        return {}

    def online_since(self, since):
        return 0

    def flush(self, *, now=None):
        return 0


def counter():
    """The back-end the settings choose (read at call time, so tests can switch)."""
    if conf.use_redis():
        from visitors.redis_backend import RedisBackend

        return RedisBackend()
    return DatabaseBackend()
