"""Read paths of the visitor statistics: the widget's four numbers and the report's days.

Every number comes from shared storage (the database, plus what the counter's back-end
holds outside it: Redis counters not yet flushed), so every process and every server shows
the same figures.
"""

import logging
from datetime import date, timedelta

from django.core.cache import cache
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear
from django.utils import timezone

from core.readers import local_today
from visitors import conf
from visitors.backends import DayTotals, counter
from visitors.models import DailyStat, VisitorActivity, VisitorStatsSettings

logger = logging.getLogger(__name__)

STATS_CACHE_KEY = "visitors:stats:v1"


def _unflushed_or_empty():
    """Counts the back-end holds outside the database (none for the database back-end)."""
    try:
        return counter().unflushed()
    except Exception:
        logger.warning("visitors: counter unavailable, showing database counts", exc_info=True)
        return {}


def daily_totals(*, start, end):
    """A ``DayTotals`` for every day from ``start`` to ``end`` (inclusive), oldest first."""
    totals = {start + timedelta(days=n): None for n in range((end - start).days + 1)}
    for day in totals:
        totals[day] = DayTotals(day)
    rows = (
        DailyStat.objects.filter(day__gte=start, day__lte=end)
        .values("day")
        .annotate(v=Sum("visits"), p=Sum("pageviews"), u=Sum("visitors"))
        .order_by()
    )
    for row in rows:
        totals[row["day"]].add({"visits": row["v"], "pageviews": row["p"], "visitors": row["u"]})
    for day, counts in _unflushed_or_empty().items():
        if day in totals:
            totals[day].add(counts.__dict__)
    return list(totals.values())


def monthly_totals(*, year, today=None):
    """A ``DayTotals`` per month of ``year`` (``day`` is the month's first day), January first.

    Months after ``today``'s are left out. ``visitors`` is the sum of each day's distinct
    visitors (a visitor is counted again on every day they come back).
    """
    today = today or local_today()
    last_month = 12 if year < today.year else today.month if year == today.year else 0
    totals = {month: DayTotals(date(year, month, 1)) for month in range(1, last_month + 1)}
    rows = (
        DailyStat.objects.filter(day__year=year)
        .annotate(month=ExtractMonth("day"))
        .values("month")
        .annotate(v=Sum("visits"), p=Sum("pageviews"), u=Sum("visitors"))
        .order_by()
    )
    for row in rows:
        if row["month"] in totals:
            totals[row["month"]].add(
                {"visits": row["v"], "pageviews": row["p"], "visitors": row["u"]}
            )
    for day, counts in _unflushed_or_empty().items():
        if day.year == year and day.month in totals:
            totals[day.month].add(counts.__dict__)
    return list(totals.values())


def yearly_totals(*, today=None):
    """A ``DayTotals`` per year (``day`` is 1 January) from the first counted year to now."""
    today = today or local_today()
    rows = list(
        DailyStat.objects.annotate(year=ExtractYear("day"))
        .values("year")
        .annotate(v=Sum("visits"), p=Sum("pageviews"), u=Sum("visitors"))
        .order_by()
    )
    unflushed = _unflushed_or_empty()
    first = min([r["year"] for r in rows] + [d.year for d in unflushed] + [today.year])
    totals = {year: DayTotals(date(year, 1, 1)) for year in range(first, today.year + 1)}
    for row in rows:
        if row["year"] in totals:
            totals[row["year"]].add(
                {"visits": row["v"], "pageviews": row["p"], "visitors": row["u"]}
            )
    for day, counts in unflushed.items():
        if day.year in totals:
            totals[day.year].add(counts.__dict__)
    return list(totals.values())


def counted_years(*, today=None):
    """The years the report offers for the monthly view, newest first."""
    return [row.day.year for row in reversed(yearly_totals(today=today))]


def online_count(*, now=None):
    """Distinct visitors with a page view in the last ``VISITORS_ONLINE_MINUTES``."""
    now = now or timezone.now()
    since = now - conf.online_window()
    count = VisitorActivity.objects.filter(last_seen__gte=since).count()
    try:
        count += counter().online_since(since)
    except Exception:
        logger.warning("visitors: counter unavailable, online from the database", exc_info=True)
    return count


def total_offset():
    """The starting offset of "Tổng lượt truy cập" (0 until staff set one)."""
    offset = (
        VisitorStatsSettings.objects.filter(pk=VisitorStatsSettings.SINGLETON_ID)
        .values_list("total_offset", flat=True)
        .first()
    )
    return offset or 0


def visitor_stats(*, now=None):
    """The widget's numbers: ``{"online", "today", "week", "total"}``.

    Without ``now`` the result is cached for ``VISITORS_CACHE_SECONDS`` (at most 5).
    """
    if now is None:
        cached = cache.get(STATS_CACHE_KEY)
        if cached is not None:
            return cached
    moment = now or timezone.now()
    today = local_today(moment)
    monday = today - timedelta(days=today.weekday())
    zero = Coalesce(Sum("visits"), 0)
    sums = DailyStat.objects.aggregate(
        total=zero,
        week=Coalesce(Sum("visits", filter=Q(day__gte=monday, day__lte=today)), 0),
        today=Coalesce(Sum("visits", filter=Q(day=today)), 0),
    )
    stats = {
        "online": online_count(now=moment),
        "today": sums["today"],
        "week": sums["week"],
        "total": sums["total"] + total_offset(),
    }
    for day, counts in _unflushed_or_empty().items():
        stats["total"] += counts.visits
        if monday <= day <= today:
            stats["week"] += counts.visits
        if day == today:
            stats["today"] += counts.visits
    if now is None and conf.cache_seconds():
        cache.set(STATS_CACHE_KEY, stats, conf.cache_seconds())
    return stats


# The report's article lists come from sources the project registers (``portal.apps``):
# this app knows no content app. Each source returns objects with ``__str__`` and
# ``get_absolute_url()``; MOST_VIEWED is called as ``function(limit=...)`` and its objects
# carry ``view_count``; MOST_VIEWED_IN_MONTH as ``function(month=..., limit=...)`` (``month``:
# the first day of the month) and its objects carry ``month_views``.
MOST_VIEWED = "most_viewed"
MOST_VIEWED_IN_MONTH = "most_viewed_in_month"

_article_sources = {}


def register_article_source(name, function):
    """Make ``function`` the source of the report's article list ``name``."""
    _article_sources[name] = function


def _read_article_source(name, **kwargs):
    """The list the source ``name`` returns for ``kwargs``, ``None`` without a source."""
    function = _article_sources.get(name)
    if function is None:
        return None
    return list(function(**kwargs))


def top_articles(*, limit=10):
    """The most-viewed articles of the registered source, or ``[]`` without one (or when
    it fails: the report's other figures still show)."""
    try:
        return _read_article_source(MOST_VIEWED, limit=limit) or []
    except Exception:
        logger.warning("visitors: could not read article view counts", exc_info=True)
        return []


def top_articles_in_month(*, month, limit=20):
    """The articles most viewed in ``month`` from the registered source, ``None`` without
    one (the report then says so)."""
    return _read_article_source(MOST_VIEWED_IN_MONTH, month=month, limit=limit)
