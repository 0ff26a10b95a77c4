"""Template tags of the visitor statistics."""

import logging

from django import template

from core.text import grouped
from pagecache import page_state
from visitors.selectors import STATS_CACHE_KEY
from visitors.selectors import visitor_stats as read_visitor_stats

logger = logging.getLogger(__name__)
register = template.Library()

STAT_NAMES = ("online", "today", "week", "total")


def formatted_stats(stats=None):
    """The four numbers as shown (1.234.567), keyed ``stat_<name>``; "–" if unreadable.

    ``stats`` may be numbers already read from the cache (the page cache fetches them in
    the same round trip as the page).
    """
    try:
        stats = stats or read_visitor_stats()
    except Exception:
        # A sidebar widget must never take the page down with it.
        logger.exception("visitors: could not read the statistics")
        return {f"stat_{name}": "–" for name in STAT_NAMES}
    return {f"stat_{name}": grouped(stats[name]) for name in STAT_NAMES}


def stat_hole(name):
    """The hole function of one of the four numbers (``stat_<name>``): the four holes of a
    page share one reading, from the cache value fetched with the page when there is one."""

    def fill(request, meta):
        if request is None:
            return formatted_stats()[f"stat_{name}"]
        state = page_state(request)
        formatted = state.once(
            STATS_CACHE_KEY, lambda: formatted_stats(state.prefetched.get(STATS_CACHE_KEY))
        )
        return formatted[f"stat_{name}"]

    return fill


@register.inclusion_tag("visitors/widgets/visitor_stats.html", takes_context=True)
def visitor_stats(context):
    """ "Thống kê truy cập": online now, today, this week, total (cached up to 5 seconds).

    The numbers are holes (``visitors.apps``): filled per request, on cached pages too.
    """
    return {"request": context.get("request")}
