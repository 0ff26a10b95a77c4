"""Where cached pages live (Django's default cache) and how a page is stored.

An entry is ``{"version", "body", "charset", "meta", "headers", "fresh_until"}``:
``body`` is the page split once around its holes, ``[bytes, hole name, bytes, ...,
bytes]``, the text already encoded in ``charset``, so a hit only encodes its few hole
values and joins bytes (no page-sized decode when the entry is read, no page-sized encode
when it is sent). Nothing in an entry names code.
"""

import functools
import hashlib
import logging
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.safestring import SafeString

from core.caching import content_cache_seconds
from core.redis import SKIPPED, cache_get_many_guarded
from core.settings_cache import per_settings

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
HOLE_NAME = re.compile(r"[a-z_]+")
# How long an expired page may still be served while one request renders it again (at
# most: the claim to render lapses after this long if that request dies).
STALE_SECONDS = 10
RENDERING = ":rendering"
# Headers never replayed from a stored page: computed for each response.
NOT_STORED = {"content-length", "set-cookie"}


@per_settings
def timeout():
    """How long a stored page is fresh: ``PAGE_CACHE_SECONDS`` (30), at most 5 s when the
    cache is per process (another worker's save does not reach this one's copy)."""
    return content_cache_seconds(getattr(settings, "PAGE_CACHE_SECONDS", 30))


@functools.lru_cache(maxsize=4)
def _marker_token(secret):
    # Per deployment and unguessable: stored content cannot spell a marker that is filled.
    return salted_hmac("pagecache.hole", "marker", secret=secret).hexdigest()[:16]


@functools.lru_cache(maxsize=4)
def _marker_pattern(token):
    return re.compile(rf"<!--hole:{token}:([a-z_]+)-->")


def marker(name):
    """The marker of hole ``name`` in a page rendered for the cache."""
    return SafeString(f"<!--hole:{_marker_token(settings.SECRET_KEY)}:{name}-->")


def split(html, charset="utf-8"):
    """``html`` as [bytes, hole name, bytes, hole name, ..., bytes]: the text around the
    holes encoded in ``charset``."""
    parts = _marker_pattern(_marker_token(settings.SECRET_KEY)).split(html)
    parts[::2] = [text.encode(charset) for text in parts[::2]]
    return parts


def join(parts, values, charset="utf-8"):
    """The page (bytes) with every hole filled (a hole without a value is left empty)."""
    filled = parts[:]
    for index in range(1, len(filled), 2):
        filled[index] = str(values.get(filled[index], "")).encode(charset)
    return b"".join(filled)


def hole_names(parts):
    return parts[1::2]


def page_key(request):
    raw = f"{request.scheme}|{request.get_host()}|{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def bump_version():
    """Invalidate every cached page."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        # No version yet (or evicted, or the cache emptied): a new epoch that no earlier
        # version reached, the time in milliseconds, so that a version never names two
        # contents (a process remembers what it served under one: ``KnownPage``).
        cache.set(VERSION_KEY, time.time_ns() // 1_000_000, None)


def lookup(key, extra_keys=(), *, expected_version=None, scripts=()):
    """``({key: value}, answers)``: the version, the page and ``extra_keys``, in one round
    trip (with Redis, on the thread's own connection), and the answers of ``scripts``
    (``core.redis.Guarded``), which ride in the same round trip and run only if the
    content version is still ``expected_version`` (``core.redis.cache_get_many_guarded``;
    none without scripts)."""
    try:
        return cache_get_many_guarded(
            cache,
            [VERSION_KEY, key, *extra_keys],
            # No version key (Redis restarted, nothing changed since) reads as version 0,
            # as in the middleware: the scripts still ride along.
            guard=(VERSION_KEY, str(expected_version) if expected_version else ""),
            scripts=scripts,
        )
    except Exception:  # a cache outage must not take pages down (no script ran)
        logger.warning("pagecache: cache unavailable", exc_info=True)
        return {}, [SKIPPED] * len(scripts)


def claim_render(key):
    """True for the one request that renders an expired page again."""
    try:
        return cache.add(key + RENDERING, 1, STALE_SECONDS)
    except Exception:
        return True


def store(key, entry, path):
    try:
        cache.set(key, entry, timeout() + STALE_SECONDS)
        cache.delete(key + RENDERING)
    except Exception:
        logger.warning("pagecache: could not store %s", path, exc_info=True)
