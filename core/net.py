"""The client's IP address, believing X-Forwarded-For only from trusted proxies."""

import functools
import ipaddress

from django.conf import settings

from core.settings_cache import per_settings


@per_settings
def trusted_proxies():
    return frozenset(getattr(settings, "TRUSTED_PROXIES", []) or [])


@functools.lru_cache(maxsize=4096)
def _valid_ip(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    """Return the address of the client that sent ``request``.

    ``REMOTE_ADDR`` is the peer of the TCP connection. When that peer is one of
    ``settings.TRUSTED_PROXIES``, the X-Forwarded-For chain is walked from the right,
    skipping trusted proxies, and the first untrusted address is the client. Without
    trusted proxies the header is ignored: anybody can write it.
    """
    remote = _valid_ip(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"
    trusted = trusted_proxies()
    if not trusted or remote not in trusted:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [ip for ip in (_valid_ip(part) for part in forwarded.split(",")) if ip]
    for hop in reversed(hops):
        if hop not in trusted:
            return hop
    return remote


def axes_username(request, credentials=None):
    """The username django-axes records: the one tried, cut to what a username can be.

    A 10 000-character "username" would not fit django-axes' columns (PostgreSQL refuses
    it); no account has a name longer than ``User.username`` allows anyway.
    """
    from django.contrib.auth import get_user_model

    field = getattr(settings, "AXES_USERNAME_FORM_FIELD", "username")
    if credentials:
        username = credentials.get(field)
    else:
        username = request.POST.get(field) if request is not None else None
    if not isinstance(username, str):
        return username
    max_length = get_user_model()._meta.get_field(get_user_model().USERNAME_FIELD).max_length
    return username[: max_length or 150]
