"""Whole-page cache for anonymous readers, with holes filled on every request.

A public page is the same for every anonymous reader but for a few values: the CSRF token
of the sidebar login form, the visitor statistics (which may lag 5 seconds) and, on an
article, its view count (exact, this view included). Those are *holes*: a template writes
``{% hole "name" %}`` once; while the page is rendered for the cache the tag leaves a
marker, otherwise it calls the function registered under that name. The templates, lists
and widgets so run once per page and content version for every server (the cache is Redis
when REDIS_URL is set), while nothing per-reader or per-view is ever cached.

Public API (this package imports no app of the project; apps register with it in their
``AppConfig.ready()``):

* ``register_hole(name, function)``: ``function(request, meta)`` returns the hole's value
  (escaped when inserted); ``meta`` is what the view gave ``set_meta`` (say, an article id).
* ``register_models(*models)``: saving or deleting one of them invalidates every page.
* ``register_prefetch(*keys)``: cache keys read in the page's own round trip on a hit
  (``page_state(request).prefetched``), for holes that read the cache.
* ``register_served_hook(function)``: ``function(request, response)`` runs for a page
  answered from the cache (the stack after the middleware does not run; the visitor
  statistics count the page view here), with the answer's status and headers, before the
  holes are filled: what it defers to Redis (``core.redis.redis_batch``) rides in the
  holes' round trip.
* ``register_served_script(name, function)``: with Redis, ``function(request, page)``
  returns a ``core.redis.Guarded`` script that serving the page costs (the page view, an
  article's view count); it goes in the page's own lookup, one round trip for all, and runs
  only if the content version is still the one under which this process last answered the
  page (``page``, a ``KnownPage``: its meta and headers then). Its answer is
  ``scripted(request, name)`` (``None``: it did not run); the hook or hole it stands for
  then uses it instead of doing its work (also when the page turns out to need rendering).
* ``cached_page``: the decorator of a view whose 200 HTML answers may be cached;
  ``set_meta(request, meta)`` and ``dont_cache(request)`` are how that view speaks to it.
* ``invalidate()``: every page is stale (for services that write with ``QuerySet.update``).
* ``page_state(request)``: the per-request ``PageState`` (``pagecache.state``).

Serving: ``PageCacheMiddleware`` answers a page found in the cache before the rest of the
middleware stack runs. Those middlewares do nothing for an anonymous GET without a session
(no user to load, no form to check, no messages); what they add to a response (the
Content-Security-Policy, X-Frame-Options, Vary) is stored with the page when it is rendered
and replayed. The hit still does what must happen per request: the CSRF cookie and token
(by ``CsrfViewMiddleware``'s own hooks), the holes, and the served hooks (the page view
for the statistics). A page not in the cache goes through the whole stack and the view,
which renders it with holes (``cached_page``); on the way out the middleware stores it.
The key is the scheme, host and full path: a reader behind an HTTPS proxy and one on plain
HTTP never share a page (canonical addresses differ).

Invalidation: a save or delete of a registered model bumps one version number, and bumps
it again when the transaction commits (a page rendered in between from the old rows would
otherwise be stored under the new version); an entry rendered under an older version is
ignored. Entries also expire after ``PAGE_CACHE_SECONDS`` (default 30; at most 5 s when
the cache is per process, without Redis: another worker's save never reaches this worker's
copy, ``core.caching``), which bounds how late a scheduled article appears; when one
expires, the first request renders it again while the others get the expired copy for the
few milliseconds that takes.

A stored entry holds text and hole *names* only (no functions, no import paths), so a
deploy that renames code never breaks a hit. A hole marker cannot be produced by content:
templates escape ``<`` in every value, rich text is sanitized (comments removed) before it
is stored, and the marker carries a token derived from ``SECRET_KEY``.
"""

from pagecache.decorators import cached_page
from pagecache.registry import (
    invalidate,
    register_hole,
    register_models,
    register_prefetch,
    register_served_hook,
    register_served_script,
)
from pagecache.state import KnownPage, PageState, dont_cache, page_state, scripted, set_meta

__all__ = [
    "KnownPage",
    "PageState",
    "cached_page",
    "dont_cache",
    "invalidate",
    "page_state",
    "register_hole",
    "register_models",
    "register_prefetch",
    "register_served_hook",
    "register_served_script",
    "scripted",
    "set_meta",
]
