"""Template tags of the visitor statistics."""

import logging

from django import template

from visitors.selectors import visitor_stats as read_visitor_stats

logger = logging.getLogger(__name__)
register = template.Library()


@register.inclusion_tag("visitors/widgets/visitor_stats.html")
def visitor_stats():
    """ "Thống kê truy cập": online now, today, this week, total (cached up to 5 seconds)."""
    try:
        stats = read_visitor_stats()
    except Exception:
        # A sidebar widget must never take the page down with it.
        logger.exception("visitors: could not read the statistics")
        stats = None
    return {"stats": stats}
