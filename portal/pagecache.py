"""Whole-page cache for anonymous readers, with holes filled on every request.

A public page is the same for every anonymous reader but for a few values: the CSRF token
of the sidebar login form, the visitor statistics (which may lag 5 seconds) and, on an
article, its view count (exact, this view included). Those are rendered as *holes*
(``<!--hole:NAME-->``) and filled on each request, so that the templates, lists and widgets
run once per page and content version for every server (the cache is Redis when REDIS_URL
is set), while nothing per-reader or per-view is ever cached.

Invalidation: every save or delete of content (news, awards, banners) bumps one version
number; an entry rendered under an older version is ignored. Entries also expire after
``PAGE_CACHE_SECONDS`` (default 30), which bounds how late a scheduled article appears.

A hole marker cannot be produced by content: templates escape ``<`` in every value, and
rich text is sanitized (comments removed) before it is stored.
"""

import functools
import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.safestring import SafeString

from visitors.selectors import STATS_CACHE_KEY

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
CONTENT_APPS = {"news", "awards", "banners"}
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


def _hole_values(request, fill, meta, stats=None):
    """Every hole's value for this request: the common ones, then the page's own."""
    from visitors.templatetags.visitors_tags import formatted_stats

    values = {"csrf": get_token(request), **formatted_stats(stats)}
    if fill is not None and meta:
        values.update(fill(request, meta))
    return values


def _fill(html, values):
    for name, value in values.items():
        html = html.replace(f"<!--hole:{name}-->", str(value))
    return html


def cached_page(fill=None):
    """Cache the decorated view's 200 HTML responses for anonymous readers.

    ``fill(request, meta)`` returns the page's own hole values; ``meta`` is what the view
    put in ``response.page_cache_meta`` (say, the article's id). A view that must not be
    cached for this request sets ``response.page_cache_meta = None``.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not is_cacheable(request):
                return view(request, *args, **kwargs)
            key = _page_key(request)
            try:
                found = cache.get_many([VERSION_KEY, key, STATS_CACHE_KEY])
            except Exception:  # a cache outage must not take pages down
                logger.warning("pagecache: cache unavailable", exc_info=True)
                found = {}
            version = found.get(VERSION_KEY, 0)
            entry = found.get(key)
            if entry is None or entry["version"] != version:
                request._page_holes = True
                try:
                    response = view(request, *args, **kwargs)
                finally:
                    request._page_holes = False
                meta = getattr(response, "page_cache_meta", {})
                if (
                    response.status_code != 200
                    or meta is None
                    or getattr(response, "streaming", False)
                    or not response.get("Content-Type", "").startswith("text/html")
                ):
                    return _filled_response(request, response, fill, meta or {})
                entry = {
                    "version": version,
                    "html": response.content.decode(response.charset),
                    "content_type": response["Content-Type"],
                    "meta": meta,
                }
                try:
                    cache.set(key, entry, timeout())
                except Exception:
                    logger.warning("pagecache: could not store %s", request.path, exc_info=True)
            values = _hole_values(request, fill, entry["meta"], found.get(STATS_CACHE_KEY))
            return HttpResponse(_fill(entry["html"], values), content_type=entry["content_type"])

        return wrapper

    return decorator


def _filled_response(request, response, fill, meta):
    """A response rendered with holes but not cached: fill it in place."""
    if getattr(response, "streaming", False) or not response.get("Content-Type", "").startswith(
        "text/html"
    ):
        return response
    values = _hole_values(request, fill, meta)
    response.content = _fill(response.content.decode(response.charset), values)
    return response
