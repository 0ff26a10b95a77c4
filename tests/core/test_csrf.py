"""``core.csrf``: Django's CSRF token with one ``urandom`` call, as strong as Django's own.

Logging in with the token of a cached page is tested in tests/pagecache and tests/portal.
"""

from collections import Counter

from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
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
