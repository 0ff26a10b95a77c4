"""The sidebar's "Đăng nhập" box and its two endpoints."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-dai-2026"
FAILED = "Tên đăng nhập hoặc mật khẩu không đúng."


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        username="bientap", password=PASSWORD, first_name="Nguyễn Văn", last_name="An"
    )


@pytest.fixture
def staff():
    return get_user_model().objects.create_user(
        username="quantri", password=PASSWORD, is_staff=True
    )


def csrf_token_in(html):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def test_every_page_has_the_login_form_with_labelled_fields(client):
    html = client.get("/gioi-thieu/").content.decode()
    assert 'action="/dang-nhap/"' in html
    assert '<label for="login-username">Tên đăng nhập</label>' in html
    assert '<label for="login-password">Mật khẩu</label>' in html
    assert 'name="next" value="/gioi-thieu/"' in html


def test_wrong_password_shows_the_message_on_the_same_page(client, editor):
    response = client.post(
        "/dang-nhap/",
        {"username": "bientap", "password": "sai", "next": "/lien-he/"},
        follow=True,
    )
    assert response.redirect_chain == [("/lien-he/", 302)]
    html = response.content.decode()
    assert FAILED in html
    assert 'id="dang-nhap"' in html
    assert 'value="bientap"' in html  # the username is kept
    assert 'type="password" autocomplete="current-password" required aria-describedby' in html
    assert "autofocus" in html.split('id="login-password"', 1)[1].split(">", 1)[0]
    assert 'role="alert"' in html
    assert "Xin chào" not in html
    assert "_auth_user_id" not in client.session


def test_success_is_confirmed_once_with_the_admin_link(client, editor):
    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    client.post("/dang-nhap/", {"username": "bientap", "password": PASSWORD, "next": "/"})
    html = client.get("/lien-he/").content.decode()
    assert '<p class="login-done" role="status">Đã đăng nhập với tài khoản bientap.</p>' in html
    assert '<a href="/admin/">Trang quản trị</a>' in html
    assert "Đã đăng nhập" not in client.get("/lien-he/").content.decode()


def test_kept_username_is_escaped_and_never_shown_as_a_message(client, editor):
    client.post("/dang-nhap/", {"username": '"><b>x', "password": "sai", "next": "/"})
    html = client.get("/").content.decode()
    assert 'value="&quot;&gt;&lt;b&gt;x"' in html
    assert "<b>x" not in html


def test_message_is_shown_once(client, editor):
    client.post("/dang-nhap/", {"username": "bientap", "password": "sai", "next": "/"})
    assert FAILED in client.get("/").content.decode()
    assert FAILED not in client.get("/").content.decode()


def test_empty_fields_get_a_message_not_an_error(client):
    response = client.post("/dang-nhap/", {"next": "/"}, follow=True)
    assert response.status_code == 200
    assert "Vui lòng nhập tên đăng nhập và mật khẩu." in response.content.decode()


def test_success_goes_back_to_the_page_and_greets_the_user(client, editor):
    response = client.post(
        "/dang-nhap/",
        {"username": "bientap", "password": PASSWORD, "next": "/gioi-thieu/?a=1"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/gioi-thieu/?a=1"
    html = client.get("/gioi-thieu/").content.decode()
    assert "Xin chào, <strong>Nguyễn Văn An</strong>" in html
    assert 'action="/dang-xuat/"' in html
    assert "Trang quản trị" not in html  # not staff


def test_staff_sees_a_link_to_the_admin(client, staff):
    client.force_login(staff)
    html = client.get("/").content.decode()
    assert 'href="/admin/">Trang quản trị</a>' in html
    assert "Xin chào, <strong>quantri</strong>" in html


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "javascript:alert(1)",
        "http://testserver.evil.example/",
    ],
)
def test_next_to_another_site_is_ignored(client, editor, next_url):
    response = client.post(
        "/dang-nhap/", {"username": "bientap", "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize(
    "referer,location",
    [
        # A failed login does not redirect off the site either.
        ("https://evil.example/phishing", "/"),
        # Without ``next``, the referer on this site is used (without its fragment).
        ("http://testserver/van-ban/#top", "http://testserver/van-ban/"),
    ],
    ids=["off-site-referer-ignored", "on-site-referer-used"],
)
def test_a_failed_login_returns_to_the_referer_only_on_this_site(client, editor, referer, location):
    response = client.post(
        "/dang-nhap/", {"username": "bientap", "password": "sai"}, HTTP_REFERER=referer
    )
    assert response["Location"] == location


def test_logout_is_post_only(client, editor):
    client.force_login(editor)
    assert client.get("/dang-xuat/").status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post("/dang-xuat/", {"next": "/lien-he/"})
    assert response.status_code == 302
    assert response["Location"] == "/lien-he/"
    assert "_auth_user_id" not in client.session
    assert "Đăng nhập</h2>" in client.get("/lien-he/").content.decode()


def test_get_on_the_login_url_is_a_small_login_page(client):
    response = client.get("/dang-nhap/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Đăng nhập</h1>" in html
    assert html.count('id="login-username"') == 1  # the sidebar does not repeat the form


def test_login_from_the_login_page_goes_home(client, editor):
    response = client.post(
        "/dang-nhap/", {"username": "bientap", "password": PASSWORD, "next": "/dang-nhap/"}
    )
    assert response["Location"] == "/"


def test_login_without_csrf_token_is_refused():
    get_user_model().objects.create_user(username="bientap", password=PASSWORD)
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post("/dang-nhap/", {"username": "bientap", "password": PASSWORD})
    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in response.content.decode()
    assert "_auth_user_id" not in csrf_client.session


def test_logout_without_csrf_token_is_refused(editor):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(editor)
    assert csrf_client.post("/dang-xuat/").status_code == 403
    assert "_auth_user_id" in csrf_client.session


@pytest.mark.parametrize("path", ["/", "/gioi-thieu/", "/lien-he/"])
def test_login_works_with_the_token_of_a_page_served_a_second_time(editor, path):
    # The first visitor's request fills any cache; the second visitor must still get a
    # token that matches their own CSRF cookie.
    Client().get(path)
    reader = Client(enforce_csrf_checks=True)
    html = reader.get(path).content.decode()
    assert "csrftoken" in reader.cookies
    response = reader.post(
        "/dang-nhap/",
        {
            "username": "bientap",
            "password": PASSWORD,
            "next": path,
            "csrfmiddlewaretoken": csrf_token_in(html),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == path
    assert "Xin chào" in reader.get(path).content.decode()


def test_logged_in_page_is_not_shared_with_the_next_visitor(client, editor):
    client.force_login(editor)
    assert "Xin chào" in client.get("/").content.decode()
    assert "Xin chào" not in Client().get("/").content.decode()


def test_too_many_failures_lock_the_sidebar_login(client, editor):
    # django-axes sees the attempts because the view passes the request to authenticate().
    responses = [
        client.post("/dang-nhap/", {"username": "bientap", "password": f"sai-{n}", "next": "/"})
        for n in range(6)
    ]
    assert responses[0].status_code == 302
    assert responses[-1].status_code == 429
    assert "Tạm khóa đăng nhập" in responses[-1].content.decode()
    locked = client.post("/dang-nhap/", {"username": "bientap", "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
