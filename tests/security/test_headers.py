"""Security headers, the Content-Security-Policy, and Django's deployment check."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def _directives(header):
    policy = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            policy[words[0]] = set(words[1:])
    return policy


def test_public_page_sends_the_protective_headers(client):
    response = client.get("/gioi-thieu/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Content-Security-Policy" in response


def test_public_pages_allow_only_the_sites_own_scripts_and_styles(client):
    for url in ["/", "/gioi-thieu/", "/lien-he/", "/khong-co-trang-nay/"]:
        response = client.get(url)
        policy = _directives(response["Content-Security-Policy"])
        assert policy["script-src"] == {"'self'"}, url
        assert policy["style-src"] == {"'self'"}, url
        assert policy["default-src"] == {"'self'"}, url
        assert policy["object-src"] == {"'none'"}, url
        assert policy["frame-ancestors"] == {"'none'"}, url
        assert policy["base-uri"] == {"'self'"}, url


def test_public_html_has_no_inline_script_style_or_handlers(client):
    """What the strict policy would block in a browser must not be in the page at all."""
    import re

    for url in ["/", "/gioi-thieu/", "/lien-he/"]:
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"\sstyle\s*=", html), url
        assert not re.search(r"\son[a-z]+\s*=", html), url


def test_policy_is_relaxed_for_the_admin_only(client, staff_user):
    client.force_login(staff_user)
    admin = _directives(client.get("/admin/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in admin["script-src"]
    assert "'unsafe-inline'" in admin["style-src"]
    assert "blob:" in admin["img-src"]
    assert "'unsafe-eval'" not in admin["script-src"]
    assert admin["frame-ancestors"] == {"'none'"}
    public = _directives(client.get("/")["Content-Security-Policy"])
    assert "'unsafe-inline'" not in public["script-src"]
    assert "'unsafe-eval'" not in public["script-src"]
    assert "blob:" not in public["img-src"]


def test_admin_login_page_is_also_relaxed_but_never_frameable(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert _directives(response["Content-Security-Policy"])["frame-ancestors"] == {"'none'"}


def test_editor_upload_answers_may_be_framed_by_the_site_only(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/ckeditor/browse/")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = _directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == {"'self'"}


def test_a_lookalike_path_is_not_relaxed(client):
    response = client.get("/tin-tuc/admin/")
    assert "'unsafe-inline'" not in _directives(response["Content-Security-Policy"])["script-src"]


def test_cookies_are_httponly(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/admin/")
    for name, morsel in response.cookies.items():
        assert morsel["httponly"], name


def _production_env(**extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_SECURE="1",
        DJANGO_ALLOWED_HOSTS="sokhcn.caobang.gov.vn",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://sokhcn.caobang.gov.vn",
    )
    env.update(extra)
    return env


PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps({'hsts': settings.SECURE_HSTS_SECONDS,"
    " 'ssl_redirect': settings.SECURE_SSL_REDIRECT,"
    " 'proxy': getattr(settings, 'SECURE_PROXY_SSL_HEADER', None),"
    " 'session_secure': settings.SESSION_COOKIE_SECURE,"
    " 'csrf_secure': settings.CSRF_COOKIE_SECURE,"
    " 'session_httponly': settings.SESSION_COOKIE_HTTPONLY,"
    " 'csrf_httponly': settings.CSRF_COOKIE_HTTPONLY}))"
)


@pytest.mark.slow
def test_production_settings_pass_the_deployment_check():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_development_settings_fail_the_deployment_check():
    """The check is meaningful: without DJANGO_SECURE it does find problems."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(DJANGO_SECURE="0"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout  # no HSTS


@pytest.mark.slow
def test_hsts_length_and_proxy_header_come_from_the_environment():
    import json

    def probe(**extra):
        result = subprocess.run(
            [sys.executable, "-c", PROBE],
            cwd=ROOT,
            env=_production_env(**extra),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    default = probe()
    assert default["hsts"] == 31536000
    assert default["ssl_redirect"] is True
    assert default["proxy"] is None  # X-Forwarded-Proto is not believed by default
    assert default["session_secure"] and default["csrf_secure"]
    assert default["session_httponly"] and default["csrf_httponly"]
    configured = probe(DJANGO_HSTS_SECONDS="3600", DJANGO_SECURE_PROXY_SSL_HEADER="1")
    assert configured["hsts"] == 3600
    assert configured["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_https_redirect_trusts_forwarded_proto_only_when_configured(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_PROXY_SSL_HEADER = None
    response = client.get("/gioi-thieu/", headers={"x-forwarded-proto": "https"})
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get("/gioi-thieu/", headers={"x-forwarded-proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=3600"
    # The health check is reachable over plain HTTP (load balancers probe it so).
    assert client.get("/healthz").status_code == 200
