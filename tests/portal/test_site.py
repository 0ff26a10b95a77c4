"""The layout, the health check, error pages and the demo loader."""

import pytest
from django.core.management import call_command
from django.db import DatabaseError

from tests.support.errors import break_database, server_error_page
from tests.support.pages import page_html

pytestmark = pytest.mark.django_db


def test_home_page_has_every_layout_region(client):
    _, html = page_html(client, "/")
    assert '<header class="site-header"' in html
    assert "Sở Khoa học và Công nghệ" in html
    for item in [
        "Trang chủ",
        "Giới thiệu",
        "Tin tức - Sự kiện",
        "Điển hình tiên tiến",
        "Văn bản",
        "Liên hệ",
    ]:
        assert f">{item}</a>" in html, item
    assert '<main id="main"' in html
    assert '<aside class="site-sidebar"' in html
    assert '<footer class="site-footer"' in html
    assert "Hoàng Đình Giong" in html
    assert 'href="#main"' in html  # skip link


def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_503_when_database_unreachable(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(self, sql, params=None):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"


def test_unknown_page_gets_the_vietnamese_404_inside_the_layout(client):
    _, html = page_html(client, "/khong-co-trang-nay/", status=404)
    assert "Không tìm thấy trang" in html
    assert '<aside class="site-sidebar"' in html


def test_500_page_renders_without_a_database(rf, monkeypatch):
    break_database(monkeypatch)
    response = server_error_page(rf, RuntimeError("unexpected"))
    assert response.status_code == 500
    assert "Lỗi máy chủ" in response.content.decode()


def test_database_error_gives_the_vietnamese_maintenance_page(rf, monkeypatch):
    break_database(monkeypatch)
    response = server_error_page(rf, DatabaseError("server closed the connection unexpectedly"))
    assert response.status_code == 503
    assert "Hệ thống đang bảo trì" in response.content.decode()
    assert "Traceback" not in response.content.decode()


def _snapshot():
    from django.apps import apps

    counts = {}
    for model in apps.get_models():
        if model._meta.app_label in {"news", "awards", "banners", "auth"}:
            counts[model._meta.label] = model.objects.count()
    return counts


def test_loaddemo_twice_gives_the_same_result():
    call_command("loaddemo", verbosity=0)
    first = _snapshot()
    call_command("loaddemo", verbosity=0)
    assert _snapshot() == first
    assert first["auth.User"] >= 1


def test_media_is_served_with_nosniff_and_unsafe_types_as_downloads(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "evil.html").write_text("<script>alert(1)</script>")
    (tmp_path / "ok.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    response = client.get("/media/evil.html")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/octet-stream"
    assert "attachment" in response["Content-Disposition"]
    response = client.get("/media/ok.png")
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get("/media/../portal/settings.py").status_code == 404


def test_numbers_and_dates_are_formatted_the_vietnamese_way():
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    with translation.override("vi"):
        html = Template(
            "{% load humanize %}{{ n|intcomma }} {{ d|date }} {{ f|floatformat:1 }}"
        ).render(Context({"n": 1234567, "d": datetime.date(2017, 9, 8), "f": 4.5}))
    assert html == "1.234.567 08/09/2017 4,5"


def test_footer_and_contact_page_show_the_same_contact_details(client, settings):
    settings.SITE_CONTACT = {
        "address": "Số 1, đường Thử Nghiệm, tỉnh Cao Bằng",
        "phone": "0206.0000.001",
        "email": "lienhe@example.gov.vn",
    }
    for path in ("/", "/lien-he/"):
        html = client.get(path).content.decode()
        footer = html[html.index('<footer class="site-footer"') :]
        for value in settings.SITE_CONTACT.values():
            assert value in footer, (path, value)
    contact = client.get("/lien-he/").content.decode()
    main = contact[contact.index('<main id="main"') : contact.index("</main>")]
    assert "Số 1, đường Thử Nghiệm, tỉnh Cao Bằng" in main


def test_menu_links_come_from_the_url_names(client):
    html = client.get("/gioi-thieu/").content.decode()
    expected = (
        '<a href="/gioi-thieu/" aria-current="page">Giới thiệu</a>',
        '<a href="/van-ban/">Văn bản</a>',
        'action="/tim-kiem/"',
        'action="/dang-nhap/"',
    )
    assert [fragment for fragment in expected if fragment not in html] == []
