"""How long a cached copy of content may live, given where the cache lives.

With Redis (``REDIS_URL``) every worker and server reads one cache, and a change empties it
for all of them at once. Without it the cache is per process (``LocMemCache``): a save
empties only the cache of the worker that saved, and every other worker keeps its copy
until it expires. So a copy of content (whole pages, article lists, banner lists) lives at
most ``UNSHARED_MAX_SECONDS`` in a per-process cache: a change reaches every worker within
that time (issue #15, finding 5).
"""

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache

UNSHARED_MAX_SECONDS = 5


def cache_is_shared(alias="default"):
    """True when every process reads the same cache (not a per-process memory cache)."""
    return not isinstance(caches[alias], LocMemCache | DummyCache)


def content_cache_seconds(seconds, alias="default"):
    """``seconds``, capped at ``UNSHARED_MAX_SECONDS`` when the cache is per process."""
    if cache_is_shared(alias):
        return seconds
    return min(seconds, UNSHARED_MAX_SECONDS)
