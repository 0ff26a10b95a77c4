"""Django's CSRF token, minted with one ``urandom`` call instead of sixty-four.

``django.middleware.csrf.get_token`` draws the cookie's secret and the token's mask with
``get_random_string``: ``secrets.choice`` per character, one ``os.urandom`` call each, 64
for a reader without the cookie (about 75 µs, a tenth of a cached page's time in the
server). ``get_token`` here does exactly what Django 5.2's does (same ``request.META``
protocol, so ``CsrfViewMiddleware`` sets the cookie and checks the form as usual; same
masking against BREACH) with a random string of the same strength: the same alphabet and
length, uniform (bytes above the largest multiple of 62 are drawn again, no modulo bias),
from the same source (``secrets.token_bytes``, the operating system's CSPRNG).
"""

import operator
import secrets
import time

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date

from core.settings_cache import per_settings

_CHARS = CSRF_ALLOWED_CHARS
_SIZE = len(_CHARS)
# Bytes at or above ``_LIMIT`` would make some characters likelier: they are dropped.
_LIMIT = 256 - 256 % _SIZE
_DROP = bytes(range(_LIMIT, 256))
# byte -> character (``byte % 62``), index of a character, and (index + index) -> character:
# whole strings are mapped by ``bytes.translate`` in C, not character by character.
_TO_CHAR = bytes(ord(_CHARS[byte % _SIZE]) for byte in range(256))
_TO_INDEX = bytes(_CHARS.index(chr(byte)) if chr(byte) in _CHARS else 0 for byte in range(256))
_SUM_TO_CHAR = _TO_CHAR  # a sum of two indices is below 124, and (a + b) % 62 is its char


def random_string(length):
    """``length`` characters drawn uniformly from Django's CSRF alphabet (62 characters)."""
    drawn = b""
    while len(drawn) < length:
        drawn += secrets.token_bytes(length + 8).translate(_TO_CHAR, _DROP)
    return drawn[:length].decode("ascii")


def mask_secret(secret):
    """The token for ``secret``: a fresh mask, then the secret shifted by it (Django's
    ``_mask_cipher_secret``: character ``(secret[i] + mask[i]) % 62``)."""
    mask = random_string(CSRF_SECRET_LENGTH)
    sums = map(
        operator.add,
        secret.encode("ascii").translate(_TO_INDEX),
        mask.encode("ascii").translate(_TO_INDEX),
    )
    return mask + bytes(sums).translate(_SUM_TO_CHAR).decode("ascii")


def get_token(request):
    """The CSRF token of a form for ``request``; creates the secret (and so the cookie)
    when the request has none, as ``django.middleware.csrf.get_token`` does."""
    if "CSRF_COOKIE" in request.META:
        secret = request.META["CSRF_COOKIE"]
    else:
        secret = random_string(CSRF_SECRET_LENGTH)
        request.META["CSRF_COOKIE"] = secret
    # Send the cookie with the answer (a new one, or the reader's renewed).
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    return mask_secret(secret)


@per_settings
def _cookie_template():
    """The CSRF cookie as ``CsrfViewMiddleware`` sets it (``HttpResponse.set_cookie`` with
    the ``CSRF_COOKIE_*`` settings), built once per settings state: a ``Morsel``."""
    response = HttpResponse()
    response.set_cookie(
        settings.CSRF_COOKIE_NAME,
        "",
        max_age=settings.CSRF_COOKIE_AGE,
        domain=settings.CSRF_COOKIE_DOMAIN,
        path=settings.CSRF_COOKIE_PATH,
        secure=settings.CSRF_COOKIE_SECURE,
        httponly=settings.CSRF_COOKIE_HTTPONLY,
        samesite=settings.CSRF_COOKIE_SAMESITE,
    )
    return response.cookies[settings.CSRF_COOKIE_NAME]


_expires = (0, "")  # (second, its "expires" text): one per second, not one per request


def set_cookie(response, secret):
    """Set the CSRF cookie holding ``secret`` on ``response`` exactly as Django's
    ``CsrfViewMiddleware`` does (same attributes, same ``expires``, ``Vary: Cookie``),
    from a cookie built once rather than by ``set_cookie`` on each of the page cache's
    answers (about 20 µs each). ``secret`` comes from ``get_token`` or a cookie that
    ``CsrfViewMiddleware`` checked: letters and digits only, never quoted."""
    global _expires
    template = _cookie_template()
    morsel = template.copy()
    morsel.set(template.key, secret, secret)
    if settings.CSRF_COOKIE_AGE is not None:
        second = int(time.time())
        if _expires[0] != second:
            _expires = (second, http_date(second + settings.CSRF_COOKIE_AGE))
        morsel["expires"] = _expires[1]
    response.cookies[template.key] = morsel
    # A stored page already says ``Vary: Cookie`` (its render set the cookie): skip
    # ``patch_vary_headers``, which would parse and rebuild the header to change nothing.
    if "cookie" not in (name.strip().lower() for name in response.get("Vary", "").split(",")):
        patch_vary_headers(response, ("Cookie",))


def process_response(request, response):
    """``CsrfViewMiddleware.process_response`` with ``set_cookie`` above (cookie-based
    CSRF only: ``CSRF_USE_SESSIONS`` off)."""
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        set_cookie(response, request.META["CSRF_COOKIE"])
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
    return response
