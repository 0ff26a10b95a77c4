"""Template tags of the visitor statistics."""

import functools
import logging

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import get_language

from portal.pagecache import hole, holes_active
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
    return _formatted(get_language(), tuple(stats[name] for name in STAT_NAMES))


@functools.lru_cache(maxsize=64)
def _formatted(language, numbers):
    # The numbers change every few seconds; every page view in between shows the same.
    return {
        f"stat_{name}": intcomma(number) for name, number in zip(STAT_NAMES, numbers, strict=True)
    }


@register.inclusion_tag("visitors/widgets/visitor_stats.html", takes_context=True)
def visitor_stats(context):
    """ "Thống kê truy cập": online now, today, this week, total (cached up to 5 seconds).

    On a page rendered for the page cache the numbers are holes, filled per request.
    """
    request = context.get("request")
    if request is not None and holes_active(request):
        values = {name: hole(f"stat_{name}") for name in STAT_NAMES}
    else:
        formatted = formatted_stats()
        values = {name: formatted[f"stat_{name}"] for name in STAT_NAMES}
    return {"display": values}
