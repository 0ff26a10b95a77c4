"""``PageCacheMiddleware``: answers stored pages, and stores the pages views render."""

import functools
import time

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware

from core import csrf
from core.counters import counter_batch
from core.redis import SKIPPED, redis_batch
from pagecache import registry, storage
from pagecache.state import KnownPage, page_state

# The pages this process answered from the cache, by key, as it last answered them
# (``KnownPage``): their served scripts go in the next lookup. Forgotten when full.
KNOWN_PAGES = 4096
_known = {}


def is_cacheable(request):
    """Only anonymous GETs without a session or pending messages share a page."""
    if request.method not in ("GET", "HEAD") or not storage.timeout():
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return len(request.get_full_path()) <= 512


class PageCacheMiddleware:
    """Answer anonymous GETs from the page cache, before the rest of the stack.

    Belongs right after the middlewares every response needs (SecurityMiddleware,
    WhiteNoise, RejectNullCharactersMiddleware) and before SessionMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # It reads the CSRF cookie exactly as for any other page (``core.csrf`` sets it).
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if not is_cacheable(request) or settings.CSRF_USE_SESSIONS:
            return self.get_response(request)
        key = storage.page_key(request)
        prefetch = registry.prefetch_keys()
        state = page_state(request)
        known = _known.get(key)
        # What serving the page costs rides in its lookup, if it is still the page this
        # process answered (``register_served_script``): one round trip.
        scripts = registry.served_scripts(request, known) if known is not None else ()
        found, answers = storage.lookup(
            key,
            prefetch,
            expected_version=known and known.version,
            scripts=[script for _name, script in scripts],
        )
        state.scripted = {
            name: answer
            for (name, _script), answer in zip(scripts, answers, strict=True)
            if answer is not SKIPPED and not isinstance(answer, Exception)
        }
        state.prefetched = {name: found[name] for name in prefetch if name in found}
        version = found.get(storage.VERSION_KEY, 0)
        entry = found.get(key)
        if isinstance(entry, dict) and entry.get("version") == version and "body" in entry:
            if known is None or known.version != version:
                if len(_known) >= KNOWN_PAGES:
                    _known.clear()
                _known[key] = KnownPage(version, entry["meta"], entry["headers"])
            # An expired page is rendered anew by one request; the others meanwhile get
            # it as it was (no stampede of every worker rendering the same page).
            if time.time() < entry.get("fresh_until", 0) or not storage.claim_render(key):
                return self.serve(request, entry)
        # Not cached: the view renders the page with holes (see ``cached_page``).
        state.version = version
        response = self.get_response(request)
        entry = state.entry
        if entry is not None and response.status_code == 200:
            entry["headers"] = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in storage.NOT_STORED
            ]
            entry["fresh_until"] = time.time() + storage.timeout()
            storage.store(key, entry, request.path)
        return response

    def serve(self, request, entry):
        self.csrf.process_request(request)
        page_state(request).meta = entry["meta"]
        parts = entry["body"]
        response = HttpResponse()
        # The stored headers, as ``response[name] = value`` would store each of them (it
        # checks and converts every value, ten times per page): checked once per list.
        response.headers._store = dict(_header_store(tuple(entry["headers"])))
        # The served hooks (the page view) need the answer's status and headers only. Run
        # before the holes, inside one batch, what they send to Redis, or to PostgreSQL
        # without Redis, without waiting for an answer goes in the same round trip as the
        # holes' (an article's view count): one, not two.
        with redis_batch(), counter_batch():
            registry.run_served_hooks(request, response)
            values = registry.hole_values(request, storage.hole_names(parts), entry["meta"])
        response.content = storage.join(parts, values, entry["charset"])
        response["Content-Length"] = str(len(response.content))  # as CommonMiddleware does
        return csrf.process_response(request, response)


@functools.lru_cache(maxsize=256)
def _header_store(headers):
    """``ResponseHeaders._store`` of a response with ``headers`` ((name, value) pairs)."""
    response = HttpResponse()
    response.headers._store.clear()
    for name, value in headers:
        response[name] = value
    return tuple(response.headers._store.items())
