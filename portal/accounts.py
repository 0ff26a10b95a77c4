"""The sidebar's "Đăng nhập" box: log in and out through Django's authentication."""

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST


def _next_url(request):
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or "/"
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@require_POST
def login_view(request):
    user = authenticate(
        request,
        username=request.POST.get("username", ""),
        password=request.POST.get("password", ""),
    )
    if user is None:
        messages.error(request, "Tên đăng nhập hoặc mật khẩu không đúng.", extra_tags="login")
    else:
        login(request, user)
    return HttpResponseRedirect(_next_url(request))


@require_POST
def logout_view(request):
    logout(request)
    return HttpResponseRedirect(_next_url(request))
