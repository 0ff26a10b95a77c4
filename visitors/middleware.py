"""Records public page views for "Thống kê truy cập"."""

import logging

from django.utils import timezone

from visitors import conf
from visitors.identity import is_bot, visitor_id
from visitors.services import pageview_record

logger = logging.getLogger(__name__)


def is_page_view(request, response):
    """True when ``response`` is a public HTML page that a person asked for."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if getattr(response, "streaming", False):
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.get("Content-Disposition", "").startswith("attachment"):
        return False  # a download ("Lưu bài"), not a page being read
    if request.path.startswith(conf.excluded_prefixes()):
        return False
    # Browsers prefetching a link the person has not opened yet.
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    if "prefetch" in purpose.lower():
        return False
    if is_bot(request):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_staff and not conf.record_staff())


def record_page_view(request, response):
    """Count ``response`` if it is a page view; never fails (a failure is logged)."""
    try:
        if is_page_view(request, response):
            now = timezone.now()
            pageview_record(visitor=visitor_id(request, now=now), now=now)
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
