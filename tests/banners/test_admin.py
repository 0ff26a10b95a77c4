"""Managing banners in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from banners.models import Banner
from tests.banners.conftest import banner_fields, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("quantri", "qt@example.invalid", "x")
    client.force_login(user)
    return client


def form_data(**overrides):
    data = {
        **banner_fields("Cổng thông tin điện tử tỉnh Cao Bằng", "https://caobang.gov.vn/"),
        "order": "1",
        "is_active": "on",
        "active_from_0": "",
        "active_from_1": "",
        "active_until_0": "",
        "active_until_1": "",
    }
    data.update(overrides)
    return data


def test_admin_adds_a_banner_with_a_reencoded_image(admin_client):
    upload = SimpleUploadedFile("anh.png", png_bytes() + b"<script>alert(1)</script>")
    response = admin_client.post("/admin/banners/banner/add/", {**form_data(), "image": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    banner = Banner.objects.get()
    assert banner.click_count == 0
    with banner.image.open("rb") as stored:
        assert b"<script>" not in stored.read()  # re-encoded: nothing after the pixels


def test_admin_refuses_a_javascript_address_with_a_vietnamese_message(admin_client):
    upload = SimpleUploadedFile("anh.png", png_bytes())
    response = admin_client.post(
        "/admin/banners/banner/add/",
        {**form_data(target_url="javascript:alert(1)"), "image": upload},
    )
    assert response.status_code == 200
    assert not Banner.objects.exists()
    assert "errorlist" in response.content.decode()


def test_click_count_is_read_only_in_the_admin(admin_client, make_banner):
    banner = make_banner()
    html = admin_client.get(f"/admin/banners/banner/{banner.pk}/change/").content.decode()
    assert 'name="click_count"' not in html
    assert "Lượt nhấp" in html or "lượt nhấp" in html


def test_changelist_lists_banners_with_their_clicks(admin_client, make_banner):
    make_banner(title="Bộ Khoa học và Công nghệ")
    response = admin_client.get("/admin/banners/banner/")
    assert response.status_code == 200
    assert "Bộ Khoa học và Công nghệ" in response.content.decode()


def test_switch_actions_say_what_changed_and_why_a_banner_stays_hidden(admin_client, make_banner):
    from datetime import timedelta

    from django.contrib.messages import get_messages
    from django.utils import timezone

    off = make_banner(is_active=False)
    later = make_banner(is_active=False, active_from=timezone.now() + timedelta(days=3))
    on = make_banner(is_active=True)
    response = admin_client.post(
        "/admin/banners/banner/",
        {"action": "switch_on", "_selected_action": [off.pk, later.pk, on.pk]},
        follow=True,
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Đã bật 2 quảng cáo; 1 quảng cáo đã bật từ trước; 1 quảng cáo chưa hiện trên trang "
        "vì ngoài thời gian hiển thị đã đặt."
    ]
    response = admin_client.post(
        "/admin/banners/banner/",
        {"action": "switch_off", "_selected_action": [off.pk]},
        follow=True,
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Đã tắt 1 quảng cáo."]
