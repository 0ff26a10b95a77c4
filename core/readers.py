"""Who is reading, without storing who they are, and what counts as their page view.

A *visitor* is ``sha256(daily salt | client IP | User-Agent)``: stable for one day on every
server, unlinkable once the day's salt is deleted. No raw IP or User-Agent is stored.
Bots and crawlers that say who they are (crawlerdetect's maintained list) are not readers.

The daily salt must be shared by every process and server, so it is stored; the store
belongs to the visitor statistics (``visitors.DailySalt``), and this package imports no
app. The app that owns the store therefore registers it here in its ``AppConfig.ready()``
(``register_salt_source``), the same inversion the page cache uses for holes.

"Counts as a reader's page view" is one rule, used by the visitor statistics and by the
article view counter alike: ``is_reader_request`` (the request) and ``counts_as_page_view``
(the request and its answer).
"""

import functools
import hashlib
import zoneinfo

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from core.bots import is_crawler
from core.net import client_ip
from core.settings_cache import per_settings

_salt_source = None
# The per-request cache of ``visitor_id`` (hashing twice per request would be waste).
_VISITOR_ATTRIBUTE = "reader_visitor_id"


def register_salt_source(function):
    """``function(day)`` returns the salt of ``day``, the same in every process."""
    global _salt_source
    _salt_source = function


@per_settings
def site_zone():
    """The site's time zone (``TIME_ZONE``, Asia/Ho_Chi_Minh)."""
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def local_today(now=None):
    """Today's date in the site's time zone (``TIME_ZONE``, Asia/Ho_Chi_Minh), whatever
    time zone a request may have activated: one calendar for every statistic."""
    return (now or timezone.now()).astimezone(site_zone()).date()


def user_agent(request):
    return request.META.get("HTTP_USER_AGENT", "")[:512]


@functools.lru_cache(maxsize=4096)
def is_bot_user_agent(agent):
    """True for an empty User-Agent or one on crawlerdetect's list of bots and crawlers
    (its verdict, searched by RE2: ``core.bots``)."""
    if not agent.strip():
        return True
    return is_crawler(agent)


def is_bot(request):
    return is_bot_user_agent(user_agent(request))


def visitor_id(request, now=None):
    """The anonymous, daily-rotating identifier of the client behind ``request``."""
    cached = getattr(request, _VISITOR_ATTRIBUTE, None)
    if cached is not None:
        return cached
    if _salt_source is None:
        raise ImproperlyConfigured("core.readers: no daily salt source is registered")
    salt = _salt_source(local_today(now))
    digest = hashlib.sha256(
        f"{salt}|{client_ip(request)}|{user_agent(request)}".encode("utf-8", "surrogatepass")
    ).hexdigest()
    setattr(request, _VISITOR_ATTRIBUTE, digest)
    return digest


def is_staff(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_active and user.is_staff)


def is_reader_request(request, *, count_staff=False):
    """True when ``request`` is a person opening a page: a GET (HEAD is a link checker),
    not a prefetch, a top-level document when the browser says so, not a bot, not staff
    (unless ``count_staff``)."""
    if request.method != "GET":
        return False
    # ``request.META``, not ``request.headers``: that mapping is built from every header
    # on first use, and this runs for every page a cache answers.
    meta = request.META
    # Browsers prefetching a link the person has not opened yet.
    purpose = meta.get("HTTP_SEC_PURPOSE", "") or meta.get("HTTP_PURPOSE", "")
    if "prefetch" in purpose.lower():
        return False
    destination = meta.get("HTTP_SEC_FETCH_DEST")
    if destination is not None and destination != "document":
        return False
    if is_bot(request):
        return False
    return count_staff or not is_staff(request)


def counts_as_page_view(request, response, *, excluded_prefixes=(), count_staff=False):
    """True when ``response`` is a public HTML page that a person asked for: 200, HTML, not
    a download, outside ``excluded_prefixes``, and ``is_reader_request``."""
    if response.status_code != 200 or getattr(response, "streaming", False):
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.get("Content-Disposition", "").startswith("attachment"):
        return False  # a download ("Lưu bài"), not a page being read
    if request.path.startswith(tuple(excluded_prefixes)):
        return False
    return is_reader_request(request, count_staff=count_staff)
