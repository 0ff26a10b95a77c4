"""What one request knows about its page: the one object the middleware, the decorator,
the view and the ``{% hole %}`` tag share (``request.page_cache``)."""

from dataclasses import dataclass, field

ATTRIBUTE = "page_cache"


@dataclass
class PageState:
    """The page cache's state for one request.

    ``version``: the content version the page is rendered under, set by the middleware
    when the page may be stored (``None``: it will not be). ``rendering``: true while the
    view renders for the cache (holes become markers). ``meta``: given to the page's hole
    functions (``set_meta``); ``cache``: false once the view said ``dont_cache``.
    ``prefetched``: cache values read with the page (``register_prefetch``); ``memo``: for
    holes that share one computation within a request. ``entry``: what the decorator
    hands the middleware to store. ``scripted``: the answers of the served scripts that
    ran in the page's lookup (``register_served_script``), by name.
    """

    version: int | None = None
    rendering: bool = False
    meta: dict = field(default_factory=dict)
    cache: bool = True
    prefetched: dict = field(default_factory=dict)
    memo: dict = field(default_factory=dict)
    entry: dict | None = None
    scripted: dict = field(default_factory=dict)

    def once(self, key, compute):
        """``compute()`` at most once per request (holes sharing one reading)."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]


class KnownPage:
    """A page as this process last answered it from the cache: the content version it was
    stored under, its meta and its headers; answers ``status_code``, ``streaming`` and
    ``get(header)`` as the response did (a stored page is a 200)."""

    __slots__ = ("version", "meta", "headers")
    status_code = 200
    streaming = False

    def __init__(self, version, meta, headers):
        self.version = version
        self.meta = meta
        self.headers = {name.lower(): value for name, value in headers}

    def get(self, name, default=None):
        return self.headers.get(name.lower(), default)


def page_state(request):
    """The request's ``PageState``, created on first use (also without the middleware)."""
    state = getattr(request, ATTRIBUTE, None)
    if state is None:
        state = PageState()
        setattr(request, ATTRIBUTE, state)
    return state


def scripted(request, name):
    """The answer of served script ``name`` for ``request`` (``register_served_script``),
    or ``None`` when it did not run (then do as without it)."""
    state = getattr(request, ATTRIBUTE, None)
    return None if state is None else state.scripted.get(name)


def set_meta(request, meta):
    """The page's metadata, given to its hole functions (stored with a cached page, so
    JSON-like values only: ids, not model instances)."""
    page_state(request).meta = dict(meta)


def dont_cache(request):
    """This response must not be stored (a preview, a page with per-reader content)."""
    page_state(request).cache = False
