"""Whole-page cache for anonymous readers, with holes filled on every request.

A public page is the same for every anonymous reader but for a few values: the CSRF token
of the sidebar login form, the visitor statistics (which may lag 5 seconds) and, on an
article, its view count (exact, this view included). Those are rendered as *holes*
(``<!--hole:NAME-->``) and filled on each request, so that the templates, lists and widgets
run once per page and content version for every server (the cache is Redis when REDIS_URL
is set), while nothing per-reader or per-view is ever cached.

Serving: ``PageCacheMiddleware`` answers a page found in the cache before the rest of the
middleware stack runs. Those middlewares do nothing for an anonymous GET without a session
(no user to load, no form to check, no messages); what they add to a response (the
Content-Security-Policy, X-Frame-Options, Vary) is stored with the page when it is rendered
and replayed. The hit still does what must happen per request: the CSRF cookie and token
(by ``CsrfViewMiddleware``'s own hooks), the page view for the statistics and the
article's view count. A page not in the cache goes through the whole stack and the view,
which renders it with holes (``cached_page``); on the way out the middleware stores it.

Invalidation: every save or delete of content (news, awards, banners, agency) bumps one version
number; an entry rendered under an older version is ignored. Entries also expire after
``PAGE_CACHE_SECONDS`` (default 30), which bounds how late a scheduled article appears;
when one expires, the first request renders it again while the others get the expired
copy for the few milliseconds that takes.

A hole marker cannot be produced by content: templates escape ``<`` in every value, and
rich text is sanitized (comments removed) before it is stored.
"""

import functools
import hashlib
import logging
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.module_loading import import_string
from django.utils.safestring import SafeString

from visitors.middleware import record_page_view
from visitors.selectors import STATS_CACHE_KEY

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
CONTENT_APPS = {"news", "awards", "banners", "agency"}
# Models whose rows change with traffic, not with content.
TRAFFIC_MODELS = {"news.articleviewer"}


def timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 30)


def hole(name):
    """The marker of a value filled per request (safe: it never reaches a reader)."""
    return SafeString(f"<!--hole:{name}-->")


def holes_active(request):
    """True while a page is being rendered for the cache: per-reader values become holes."""
    return getattr(request, "_page_holes", False)


def is_cacheable(request):
    """Only anonymous GETs without a session or pending messages share a page."""
    if request.method not in ("GET", "HEAD") or not timeout():
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return len(request.get_full_path()) <= 512


def bump_version(**_kwargs):
    """Invalidate every cached page (content changed somewhere)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or evicted): any new value invalidates
        cache.set(VERSION_KEY, 1, None)


def _on_content_change(sender, **kwargs):
    meta = sender._meta
    if meta.app_label in CONTENT_APPS and meta.label_lower not in TRAFFIC_MODELS:
        bump_version()


post_save.connect(_on_content_change, dispatch_uid="portal.pagecache.save")
post_delete.connect(_on_content_change, dispatch_uid="portal.pagecache.delete")


def _page_key(request):
    raw = f"{request.get_host()}|{request.get_full_path()}".encode("utf-8", "surrogatepass")
    return "pagecache:page:" + hashlib.sha256(raw).hexdigest()


_HOLE = re.compile(r"<!--hole:([a-z_]+)-->")
# How long an expired page may still be served while one request renders it again (at
# most: the claim to render lapses after this long if that request dies).
STALE_SECONDS = 10
RENDERING = ":rendering"
# Headers never replayed from a stored page: computed for each response.
_NOT_STORED = {"content-length", "set-cookie"}


def _split(html):
    """``html`` as [text, hole name, text, hole name, ..., text], split once when stored."""
    return _HOLE.split(html)


def _join(parts, values):
    """The page with every hole filled (an unknown hole is left empty)."""
    filled = parts[:]
    for index in range(1, len(filled), 2):
        filled[index] = str(values.get(filled[index], ""))
    return "".join(filled)


@functools.cache
def _fill_function(path):
    return import_string(path) if path else None


def _fill_path(fill):
    return f"{fill.__module__}.{fill.__qualname__}" if fill is not None else ""


def _hole_values(request, fill, meta, stats=None):
    """Every hole's value for this request: the common ones, then the page's own."""
    from visitors.templatetags.visitors_tags import formatted_stats

    values = {"csrf": get_token(request), **formatted_stats(stats)}
    if fill is not None and meta:
        values.update(fill(request, meta))
    return values


def _claim_render(key):
    """True for the one request that renders an expired page again."""
    try:
        return cache.add(key + RENDERING, 1, STALE_SECONDS)
    except Exception:
        return True


def _lookup(key):
    try:
        return cache.get_many([VERSION_KEY, key, STATS_CACHE_KEY])
    except Exception:  # a cache outage must not take pages down
        logger.warning("pagecache: cache unavailable", exc_info=True)
        return {}


class PageCacheMiddleware:
    """Answer anonymous GETs from the page cache, before the rest of the stack.

    Belongs right after the middlewares every response needs (SecurityMiddleware,
    WhiteNoise, RejectNullCharactersMiddleware) and before SessionMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # Its hooks read and set the CSRF cookie exactly as for any other page.
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if not is_cacheable(request) or settings.CSRF_USE_SESSIONS:
            return self.get_response(request)
        key = _page_key(request)
        found = _lookup(key)
        version = found.get(VERSION_KEY, 0)
        entry = found.get(key)
        if isinstance(entry, dict) and entry.get("version") == version and "parts" in entry:
            # An expired page is rendered anew by one request; the others meanwhile get
            # it as it was (no stampede of every worker rendering the same page).
            if time.time() < entry.get("fresh_until", 0) or not _claim_render(key):
                return self.serve(request, entry, found.get(STATS_CACHE_KEY))
        # Not cached: the view renders the page with holes (see ``cached_page``).
        request._page_cache_version = version
        response = self.get_response(request)
        entry = getattr(response, "page_cache_entry", None)
        if entry is not None and response.status_code == 200:
            entry["headers"] = [
                (name, value) for name, value in response.items() if name.lower() not in _NOT_STORED
            ]
            entry["fresh_until"] = time.time() + timeout()
            try:
                cache.set(key, entry, timeout() + STALE_SECONDS)
                cache.delete(key + RENDERING)
            except Exception:
                logger.warning("pagecache: could not store %s", request.path, exc_info=True)
        return response

    def serve(self, request, entry, stats):
        self.csrf.process_request(request)
        values = _hole_values(request, _fill_function(entry["fill"]), entry["meta"], stats)
        response = HttpResponse(_join(entry["parts"], values))
        for name, value in entry["headers"]:
            response[name] = value
        response["Content-Length"] = str(len(response.content))  # as CommonMiddleware does
        response = self.csrf.process_response(request, response)
        record_page_view(request, response)
        return response


def cached_page(fill=None):
    """Let ``PageCacheMiddleware`` cache the decorated view's 200 HTML responses.

    Only requests the middleware could not answer from the cache are rendered for it, with
    per-request values as holes. ``fill(request, meta)`` returns the page's own hole
    values; ``meta`` is what the view put in ``response.page_cache_meta`` (say, the
    article's id). A view that must not be cached for this request sets
    ``response.page_cache_meta = None``.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            version = getattr(request, "_page_cache_version", None)
            if version is None:  # not cacheable (or no PageCacheMiddleware)
                return view(request, *args, **kwargs)
            request._page_holes = True
            try:
                response = view(request, *args, **kwargs)
            finally:
                request._page_holes = False
            meta = getattr(response, "page_cache_meta", {})
            if not _is_html(response):
                return response
            parts = _split(response.content.decode(response.charset))
            if response.status_code == 200 and meta is not None:
                response.page_cache_entry = {
                    "version": version,
                    "parts": parts,
                    "meta": meta,
                    "fill": _fill_path(fill),
                }
            response.content = _join(parts, _hole_values(request, fill, meta or {}))
            return response

        return wrapper

    return decorator


def _is_html(response):
    return not getattr(response, "streaming", False) and response.get(
        "Content-Type", ""
    ).startswith("text/html")
