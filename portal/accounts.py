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
LOGIN_DONE = "Đã đăng nhập với tài khoản %(username)s."


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
        return _login_failed(request, back, LOGIN_MISSING, username)
    user = authenticate(request, username=username, password=password)
    if user is None:
        return _login_failed(request, back, LOGIN_FAILED, username)
    login(request, user)
    messages.success(request, LOGIN_DONE % {"username": user.get_username()}, extra_tags="login")
    if back.split("?", 1)[0] == reverse("login"):
        back = "/"
    return HttpResponseRedirect(back)


def _login_failed(request, back, message, username):
    """Back to the page, the error shown, the username kept and the password field focused.

    The ``autofocus`` of the box's field scrolls the browser to it, 3 000 px down on a phone.
    (No ``#dang-nhap`` fragment: browsers skip ``autofocus`` when the address targets an id.)

    The username travels as a message of its own (tag ``login-username``, never displayed)
    so it needs no session and stays out of the address bar and the server's logs.
    """
    messages.error(request, message, extra_tags="login")
    if username:
        messages.info(request, username[:150], extra_tags="login login-username")
    return HttpResponseRedirect(back.split("#", 1)[0])


@require_POST
def logout_view(request):
    """Log out (POST only, CSRF protected) and go back to the page."""
    logout(request)
    return HttpResponseRedirect(safe_next_url(request))
