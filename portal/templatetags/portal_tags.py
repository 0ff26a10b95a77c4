"""Layout widgets and helpers that belong to no single app."""

from django import template
from django.utils.http import urlencode

from core.csrf import get_token

register = template.Library()


def csrf_hole(request, meta):
    """The ``csrf`` hole: the reader's own CSRF token (``get_token`` also makes sure the
    cookie is sent with the page)."""
    return get_token(request) if request is not None else ""


@register.inclusion_tag("portal/widgets/login_box.html", takes_context=True)
def login_box(context):
    """The sidebar's "Đăng nhập" box (or "Xin chào" once logged in).

    Its CSRF token is the ``csrf`` hole, tied to the reader's own cookie; a logged-in
    reader's box (with their name) is never page-cached.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    login_messages, login_username = [], ""
    if request is not None:
        # Only this box's messages; others stay for whoever displays them.
        for message in context.get("messages") or []:
            tags = (message.tags or "").split()
            if "login-username" in tags:
                login_username = str(message)
            elif "login" in tags:
                login_messages.append(message)
    return {
        "user": user,
        "login_messages": [m for m in login_messages if m.level_tag == "error"],
        "login_done": [m for m in login_messages if m.level_tag == "success"],
        "login_username": login_username,
        "request": request,  # for the ``csrf`` hole
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
