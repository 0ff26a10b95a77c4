"""Error pages: a dead database gives the Vietnamese maintenance page (503) on every path
through the stack, and an error page never fails itself."""

import pytest
from django.db import DatabaseError, InterfaceError, OperationalError
from django.test import Client

from portal import views
from tests.support.errors import break_database, server_error_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/", "/tin-tuc/", "/dien-hinh-tien-tien/", "/tim-kiem/?q=abc", "/khong-co/"]
)
def test_dead_database_gives_the_maintenance_page_through_the_whole_stack(path, monkeypatch):
    client = Client(raise_request_exception=False)
    client.get("/gioi-thieu/")  # a session cookie and a visitor, as a returning reader has
    from django.core.cache import cache

    cache.clear()
    break_database(monkeypatch)
    response = client.get(path)
    assert response.status_code == 503
    html = response.content.decode()
    assert "bảo trì" in html
    assert "Traceback" not in html
    assert response["Retry-After"] == "30"


def test_dead_database_for_a_logged_in_user_gives_503(monkeypatch, staff_user):
    client = Client(raise_request_exception=False)
    client.force_login(staff_user)
    from django.core.cache import cache

    cache.clear()  # sessions are cached_db: the cache must not hide the outage
    break_database(monkeypatch)
    response = client.get("/admin/")
    assert response.status_code == 503
    assert "bảo trì" in response.content.decode()


def test_healthz_is_json_503_when_the_database_is_dead(monkeypatch):
    break_database(monkeypatch)
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error"}


@pytest.mark.parametrize(
    "exc",
    [
        OperationalError("server closed the connection unexpectedly"),
        InterfaceError("connection already closed"),
        DatabaseError("terminating connection due to administrator command"),
    ],
)
def test_every_database_error_is_a_maintenance_page(rf, exc):
    response = server_error_page(rf, exc)
    assert response.status_code == 503


def test_a_database_error_behind_another_exception_is_still_maintenance(rf):
    try:
        try:
            raise OperationalError("connection refused")
        except OperationalError as inner:
            raise RuntimeError("template tag failed") from inner
    except RuntimeError:
        response = views.server_error(rf.get("/"))
    assert response.status_code == 503


def test_error_page_that_cannot_render_falls_back_to_plain_vietnamese(rf, monkeypatch):
    def broken_template(name, *args, **kwargs):
        raise OperationalError("a template tag needed the database")

    monkeypatch.setattr(views.loader, "get_template", broken_template)
    response = server_error_page(rf, OperationalError("connection refused"))
    assert response.status_code == 503
    assert "Hệ thống đang bảo trì" in response.content.decode()
    response = server_error_page(rf, ValueError("bug"))
    assert response.status_code == 500
    assert "Lỗi máy chủ" in response.content.decode()


def test_lockout_page_falls_back_when_its_template_fails(rf, monkeypatch):
    def broken_template(name, *args, **kwargs):
        raise OperationalError("no database")

    monkeypatch.setattr(views.loader, "get_template", broken_template)
    response = views.lockout(rf.post("/dang-nhap/"))
    assert response.status_code == 429
    assert "Bạn đã nhập sai mật khẩu quá nhiều lần" in response.content.decode()


def test_favicon_ico_points_at_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("favicon.png")


@pytest.mark.parametrize(
    "request_args",
    [
        {"path": "/media/anh%00.png"},
        {"path": "/tin-tuc/bai%00viet/"},
        {"path": "/", "HTTP_COOKIE": "sessionid=abc\x00def"},
    ],
    ids=["media-path", "path", "cookie"],
)
def test_nul_characters_get_a_400_page_not_a_database_error(client, request_args):
    response = client.get(**request_args)
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_nul_character_in_a_login_form_gets_a_400(client):
    response = client.post("/dang-nhap/", {"username": "admin\x00", "password": "x"})
    assert response.status_code == 400


def test_axes_records_at_most_a_usernames_length(rf):
    from core.net import axes_username

    assert axes_username(None, {"username": "a" * 10_000}) == "a" * 150
    assert axes_username(rf.post("/", {"username": "bientap"}), None) == "bientap"
