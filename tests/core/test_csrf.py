"""``core.csrf``: Django's CSRF token with one ``urandom`` call, as strong as Django's own.

Logging in with the token of a cached page is tested in tests/pagecache and tests/portal.
"""

from collections import Counter

import django.http.response
import pytest
from django.http import HttpResponse
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CsrfViewMiddleware,
    _check_token_format,
    _unmask_cipher_token,
)
from django.test import RequestFactory

from core import csrf


def test_a_new_reader_gets_a_secret_and_a_token_that_unmasks_to_it():
    request = RequestFactory().get("/")
    token = csrf.get_token(request)
    secret = request.META["CSRF_COOKIE"]
    _check_token_format(token)  # 64 characters of Django's alphabet, or it raises
    assert len(secret) == 32 and set(secret) <= set(CSRF_ALLOWED_CHARS)
    assert _unmask_cipher_token(token) == secret
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True  # the cookie goes with the page


def test_a_reader_with_the_cookie_keeps_the_secret_and_gets_a_fresh_mask():
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = "a" * 32
    first, second = csrf.get_token(request), csrf.get_token(request)
    assert request.META["CSRF_COOKIE"] == "a" * 32
    assert first != second  # a new mask every time (BREACH)
    assert _unmask_cipher_token(first) == _unmask_cipher_token(second) == "a" * 32


def test_bytes_that_would_bias_the_alphabet_are_skipped(monkeypatch):
    # 248..255 would map onto the first 8 characters twice as often: never used.
    draws = iter([bytes(range(248, 256)) + bytes([0, 61]), bytes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])])
    monkeypatch.setattr(csrf.secrets, "token_bytes", lambda n: next(draws))
    assert csrf.random_string(4) == "a9bc"


def test_characters_are_drawn_uniformly():
    counts = Counter(csrf.random_string(62 * 2000))
    assert set(counts) == set(CSRF_ALLOWED_CHARS)
    # 2 000 expected each; a byte-modulo bias would give the first 8 about 2 250.
    assert max(counts.values()) < 2200 and min(counts.values()) > 1800, counts.most_common(3)


def _django_cookie(request):
    """The response Django's own ``CsrfViewMiddleware.process_response`` gives."""
    response = HttpResponse()
    return CsrfViewMiddleware(lambda r: response).process_response(request, response)


def _ours(request, vary=None):
    response = HttpResponse()
    if vary:
        response["Vary"] = vary
    return csrf.process_response(request, response)


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"CSRF_COOKIE_SECURE": True, "CSRF_COOKIE_DOMAIN": ".caobang.gov.vn"},
        {"CSRF_COOKIE_SAMESITE": "Strict", "CSRF_COOKIE_HTTPONLY": False, "CSRF_COOKIE_PATH": "/a"},
        {"CSRF_COOKIE_AGE": None, "CSRF_COOKIE_NAME": "portal_csrf"},
    ],
)
def test_the_cookie_is_the_one_django_sets(settings, overrides, monkeypatch):
    for name, value in overrides.items():
        setattr(settings, name, value)
    # One clock for both (the "expires" date is to the second).
    monkeypatch.setattr(csrf.time, "time", lambda: 1_790_000_000.25)
    monkeypatch.setattr(django.http.response.time, "time", lambda: 1_790_000_000.25)
    request = RequestFactory().get("/")
    csrf.get_token(request)
    theirs = _django_cookie(request)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    ours = _ours(request)
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is False
    name = settings.CSRF_COOKIE_NAME
    assert ours.cookies[name].output() == theirs.cookies[name].output()
    assert request.META["CSRF_COOKIE"] in ours.cookies[name].output()
    assert ours["Vary"] == theirs["Vary"] == "Cookie"


def test_the_cookie_changes_with_the_reader_and_the_clock(monkeypatch):
    clock = [1_790_000_000.0]
    monkeypatch.setattr(csrf.time, "time", lambda: clock[0])
    first, second = RequestFactory().get("/"), RequestFactory().get("/")
    csrf.get_token(first), csrf.get_token(second)
    one = _ours(first).cookies["csrftoken"]
    clock[0] += 3600
    other = _ours(second).cookies["csrftoken"]
    assert one.value == first.META["CSRF_COOKIE"] != other.value == second.META["CSRF_COOKIE"]
    assert one["expires"] != other["expires"]
    assert csrf._cookie_template().value == ""  # the template itself is never changed


def test_vary_keeps_what_the_page_had_and_names_cookie_once():
    request = RequestFactory().get("/")
    csrf.get_token(request)
    assert _ours(request, vary="Accept-Encoding")["Vary"] == "Accept-Encoding, Cookie"
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert _ours(request, vary="Accept-Encoding, cookie")["Vary"] == "Accept-Encoding, cookie"


def test_no_cookie_when_no_token_was_asked_for():
    response = _ours(RequestFactory().get("/"))
    assert not response.cookies and not response.has_header("Vary")
