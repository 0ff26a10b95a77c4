"""The sidebar's "Đăng nhập" box: log in and out through Django's authentication.

Both forms post back here and the reader returns to the page they were on (a ``next`` on
this site only, never another host). A failed login leaves a Vietnamese message that the
box shows on that same page. django-axes sees every attempt because ``authenticate`` gets
the request; after too many failures its middleware answers with the lock-out page.
"""

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

LOGIN_FAILED = "Tên đăng nhập hoặc mật khẩu không đúng."
LOGIN_MISSING = "Vui lòng nhập tên đăng nhập và mật khẩu."


def safe_next_url(request, default="/"):
    """The page to go back to: ``next`` (or the Referer) when it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    target = target or request.META.get("HTTP_REFERER", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def login_view(request):
    """POST: log in and go back; GET: a small page with the same form."""
    if request.method != "POST":
        return render(request, "portal/login.html", {"login_next": safe_next_url(request, "/")})
    username = request.POST.get("username", "").strip()
    password = request.POST.get("password", "")
    back = safe_next_url(request)
    if not username or not password:
        messages.error(request, LOGIN_MISSING, extra_tags="login")
        return HttpResponseRedirect(back)
    user = authenticate(request, username=username, password=password)
    if user is None:
        messages.error(request, LOGIN_FAILED, extra_tags="login")
        return HttpResponseRedirect(back)
    login(request, user)
    if back.split("?", 1)[0] == reverse("login"):
        back = "/"
    return HttpResponseRedirect(back)


@require_POST
def logout_view(request):
    """Log out (POST only, CSRF protected) and go back to the page."""
    logout(request)
    return HttpResponseRedirect(safe_next_url(request))
