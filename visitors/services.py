"""Write paths of the visitor statistics (definitions in ``visitors/__init__.py``).

Recording a page view is exact under concurrency and touches no hot row; how, depends on
the counter's back-end (``visitors.backends``: the database, or Redis).
"""

import logging

from django.db import transaction
from django.utils import timezone

from core.readers import local_today
from visitors import conf
from visitors.backends import DatabaseBackend, PageviewResult, counter
from visitors.models import DailySalt, VisitorActivity

logger = logging.getLogger(__name__)


__all__ = [
    "PageviewResult",
    "activity_prune",
    "pageview_guarded",
    "pageview_record",
    "pageview_record_deferred",
    "stats_flush",
    "stats_offset_set",
]


def pageview_record(*, visitor, now=None):
    """Record one page view of ``visitor`` (a ``visitor_id``) at ``now``.

    In Redis mode a Redis failure falls back to the database, so the view is not lost.
    """
    now = now or timezone.now()
    backend = counter()
    if backend.name != DatabaseBackend.name:
        try:
            return backend.record(visitor=visitor, now=now)
        except Exception:
            logger.warning("visitors: Redis unavailable, recording in the database", exc_info=True)
    return DatabaseBackend().record(visitor=visitor, now=now)


def pageview_record_deferred(*, visitor, now=None):
    """Record one page view of ``visitor`` without waiting for the answer.

    In Redis mode it goes with the request's next Redis round trip (inside
    ``core.redis.redis_batch()``: the page cache's, where an article's view count is the
    next one), else at once; a Redis failure records it in the database, so the view is
    not lost. The database back-end does the same on PostgreSQL inside
    ``core.counters.counter_batch()`` (with the next counter statement), else at once.
    """
    now = now or timezone.now()
    backend = counter()
    if backend.name == DatabaseBackend.name:
        backend.record_deferred(visitor=visitor, now=now)
        return

    def in_database(exc):
        logger.warning("visitors: Redis unavailable, recording in the database", exc_info=exc)
        DatabaseBackend().record(visitor=visitor, now=now)

    backend.record_deferred(visitor=visitor, now=now, on_error=in_database)


def pageview_guarded(*, visitor, now):
    """With Redis, the script that records one page view of ``visitor`` at ``now``
    (``core.redis.Guarded``), for the page cache to run in a page's lookup; ``None`` with
    the database back-end."""
    backend = counter()
    if backend.name == DatabaseBackend.name:
        return None
    return backend.guarded(visitor=visitor, now=now)


def stats_flush(*, now=None):
    """Move the counts the back-end holds outside the database into ``DailyStat``;
    returns the batches moved (0 for the database back-end)."""
    return counter().flush(now=now)


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
