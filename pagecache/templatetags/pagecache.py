"""``{% hole "name" %}``: a per-request value, written once for cached and uncached pages."""

from django import template

from pagecache import registry, storage
from pagecache.state import page_state

register = template.Library()


@register.simple_tag(takes_context=True)
def hole(context, name):
    """The value of the registered hole ``name``, or its marker while the page is being
    rendered for the cache (the middleware then fills it on every request)."""
    request = getattr(context, "request", None) or context.get("request")
    if request is None:  # a template rendered without a request (an e-mail, a test)
        return registry.hole_value(None, name, {})
    state = page_state(request)
    if state.rendering:
        return storage.marker(name)
    return registry.hole_value(request, name, state.meta)
