"""Logging out ends the session on every worker, also without Redis.

Two gunicorn workers share only the database. The staff member logs in, browses the admin
so that both workers have seen the session, and logs out; the old ``sessionid`` replayed
many times (so that both workers answer) must get the login page every time.
"""

import http.client
import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from tests.support.servers import hold_a_worker, one_server_without_redis

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PASSWORD = "Mat-khau-rat-dai-2026!"  # noqa: S105 - test fixture


class Browser:
    """A tiny cookie-keeping HTTP client that does not follow redirects."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, form=None, cookies=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        jar = self.cookies if cookies is None else cookies
        headers = {"User-Agent": "Mozilla/5.0", "Connection": "close"}
        if jar:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        if cookies is None:
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
        conn.close()
        return response.status, response.headers, text


def test_a_logged_out_cookie_opens_nothing_on_any_worker(django_user_model, tmp_path, settings):
    # The server checks the password with the project's own hashers, not the tests' MD5.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    django_user_model.objects.create_superuser(
        username="bientap", email="bientap@example.invalid", password=PASSWORD
    )
    with one_server_without_redis(tmp_path, secret_key="sessions-test-" + "k" * 40) as server:
        browser = Browser(server.port)
        status, _headers, page = browser.request("GET", "/admin/login/?next=/admin/")
        assert status == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, headers, _page = browser.request(
            "POST",
            "/admin/login/?next=/admin/",
            {"csrfmiddlewaretoken": token, "username": "bientap", "password": PASSWORD},
        )
        assert status == 302 and headers["Location"] == "/admin/", (status, _page[:300])
        stolen = dict(browser.cookies)
        assert "sessionid" in stolen

        # Worker 1 is held: worker 2 loads (and, with a per-process cache, keeps) the session.
        first = hold_a_worker(server.port)
        assert browser.request("GET", "/admin/news/article/")[0] == 200
        second = hold_a_worker(server.port)  # worker 2, the only one free
        first.close()
        assert browser.request("GET", "/admin/news/article/")[0] == 200  # worker 1
        # Logged out on worker 1 while worker 2 is held.
        status, _headers, _page = browser.request(
            "POST", "/admin/logout/", {"csrfmiddlewaretoken": browser.cookies["csrftoken"]}
        )
        assert status in {200, 302}, status
        assert browser.request("GET", "/admin/news/article/")[0] == 302
        # The stolen cookie replayed on worker 2, which never saw the logout.
        first = hold_a_worker(server.port)  # worker 1
        second.close()
        answers = [browser.request("GET", "/admin/news/article/", cookies=stolen)]
        first.close()
        answers += [
            browser.request("GET", "/admin/news/article/", cookies=stolen) for _ in range(4)
        ]
        for status, headers, _page in answers:
            assert status == 302, status
            assert headers["Location"].startswith("/admin/login/")
        assert "Traceback" not in server.log(tail=None)
