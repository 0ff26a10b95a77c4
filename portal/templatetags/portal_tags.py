"""Layout widgets and helpers that belong to no single app."""

from django import template
from django.middleware.csrf import get_token
from django.utils.http import urlencode

from portal.pagecache import hole, holes_active

register = template.Library()


def _csrf_token(request):
    if request is None:
        return ""
    if holes_active(request):  # a page rendered for the shared cache: filled per request
        return hole("csrf")
    return get_token(request)


@register.inclusion_tag("portal/widgets/login_box.html", takes_context=True)
def login_box(context):
    """The sidebar's "Đăng nhập" box (or "Xin chào" once logged in).

    Rendered for each request, never cached: it holds the reader's name and a CSRF token
    tied to their own cookie. ``get_token`` makes sure that cookie is sent with the page.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    login_messages = []
    if request is not None:
        # Only this box's messages; others stay for whoever displays them.
        login_messages = [
            message
            for message in context.get("messages") or []
            if "login" in (message.tags or "").split()
        ]
    return {
        "user": user,
        "login_messages": login_messages,
        # Not "csrf_token": Django's inclusion tags overwrite that name with the page's.
        "login_csrf": _csrf_token(request),
        "next": context.get("login_next")
        or (request.get_full_path() if request is not None else "/"),
    }


@register.simple_tag(takes_context=True)
def page_url(context, number, param="page", anchor=""):
    """``?<param>=<number>`` keeping the other query parameters (search words, filters)."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else {}
    if hasattr(query, "setlist"):
        query[param] = str(number)
        encoded = query.urlencode()
    else:
        encoded = urlencode({param: number})
    return f"?{encoded}" + (f"#{anchor}" if anchor else "")


@register.simple_tag
def page_window(page_obj, size=5):
    """Page numbers around the current page, with ``None`` where pages are left out.

    Page 1 of 20 gives ``[1, 2, 3, 4, 5, None]`` ("1 2 3 4 5 ... »" as on the old site);
    page 10 gives ``[1, None, 8, 9, 10, 11, 12, None]``.
    """
    total = page_obj.paginator.num_pages
    current = page_obj.number
    start = max(1, min(current - size // 2, total - size + 1))
    end = min(total, start + size - 1)
    window = list(range(start, end + 1))
    if start > 1:
        window = [1, None, *window] if start > 2 else [1, *window]
    if end < total:
        window.append(None)
    return window
