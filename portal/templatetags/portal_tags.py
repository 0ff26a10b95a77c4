"""Layout widgets that belong to no single app."""

from django import template

register = template.Library()


@register.inclusion_tag("portal/widgets/login_box.html", takes_context=True)
def login_box(context):
    """The sidebar's "Đăng nhập" box (or "Xin chào" once logged in)."""
    request = context.get("request")
    return {
        "request": request,
        "user": getattr(request, "user", None),
        "messages": context.get("messages"),
        "csrf_token": context.get("csrf_token"),
        "next": request.get_full_path() if request else "/",
    }
