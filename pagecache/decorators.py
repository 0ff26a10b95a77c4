"""``cached_page``: how a view lets the middleware store its page."""

import functools

from pagecache import registry, storage
from pagecache.state import page_state


def cached_page(view):
    """Let ``PageCacheMiddleware`` cache the decorated view's 200 HTML responses.

    Only requests the middleware could not answer from the cache are rendered for it, with
    the holes as markers; the response this request gets has them filled. The view may
    call ``set_meta(request, meta)`` (given to the page's holes, stored with the page) or
    ``dont_cache(request)``.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        state = page_state(request)
        if state.version is None:  # not cacheable (or no PageCacheMiddleware)
            return view(request, *args, **kwargs)
        state.rendering = True
        try:
            response = view(request, *args, **kwargs)
        finally:
            state.rendering = False
        if not _is_html(response):
            return response
        charset = response.charset
        parts = storage.split(response.content.decode(charset), charset)
        if response.status_code == 200 and state.cache:
            state.entry = {
                "version": state.version,
                "body": parts,
                "charset": charset,
                "meta": state.meta,
            }
        values = registry.hole_values(request, storage.hole_names(parts), state.meta)
        response.content = storage.join(parts, values, charset)
        return response

    return wrapper


def _is_html(response):
    return not getattr(response, "streaming", False) and response.get(
        "Content-Type", ""
    ).startswith("text/html")
