"""Records public page views for "Thống kê truy cập"."""

import logging

from django.utils import timezone

from core.readers import counts_as_page_view, visitor_id
from pagecache import scripted
from visitors import conf
from visitors.services import pageview_guarded, pageview_record_deferred

# The name of ``pageview_script`` among the page cache's served scripts.
PAGEVIEW_SCRIPT = "visitors.pageview"

logger = logging.getLogger(__name__)


def is_page_view(request, response):
    """True when ``response`` is a public HTML page that a person asked for (the one rule
    of ``core.readers``, with this app's excluded paths and staff setting)."""
    return counts_as_page_view(
        request,
        response,
        excluded_prefixes=conf.excluded_prefixes(),
        count_staff=conf.record_staff(),
    )


def pageview_script(request, page):
    """The page cache's served script (``pagecache.register_served_script``): the page
    view of ``page`` answered from the cache, in the page's own lookup (Redis only)."""
    if not conf.use_redis() or not is_page_view(request, page):
        return None
    now = timezone.now()
    return pageview_guarded(visitor=visitor_id(request, now=now), now=now)


def record_page_view(request, response):
    """Count ``response`` if it is a page view; never fails (a failure is logged). A page
    view the page cache's lookup already recorded (``pageview_script``) is not recorded
    again, whether the page was then answered from the cache or rendered."""
    if scripted(request, PAGEVIEW_SCRIPT) is not None:
        return
    try:
        if is_page_view(request, response):
            now = timezone.now()
            # Its answer is not needed: with Redis it rides with the request's next round
            # trip (a cached article's view count), see ``core.redis.redis_batch``.
            pageview_record_deferred(visitor=visitor_id(request, now=now), now=now)
    except Exception:
        logger.exception("visitors: could not record a page view of %s", request.path)


class VisitorMiddleware:
    """Count each public page view after it has been answered.

    The decision is cheap and the write is one service call; any failure here is logged
    and the page is served as if statistics did not exist. Pages answered from the page
    cache never reach this middleware: ``record_page_view`` is the page cache's served
    hook (``visitors.apps``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        record_page_view(request, response)
        return response
