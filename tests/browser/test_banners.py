"""Clicking an image advertisement in Chromium: the visit is counted, the admin shows it."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from PIL import Image

from banners.models import Banner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def make_banner(target_url):
    output = io.BytesIO()
    Image.new("RGB", (300, 100), (0, 105, 92)).save(output, format="PNG")
    banner = Banner(
        title="Bộ Khoa học và Công nghệ",
        alt_text="Bộ Khoa học và Công nghệ",
        target_url=target_url,
        position="sidebar",
    )
    banner.image.save("banner.png", ContentFile(output.getvalue()), save=False)
    banner.full_clean()
    banner.save()
    return banner


def test_clicking_a_banner_counts_the_click_and_opens_its_address(
    live_server, page, page_problems, media_root
):
    # The target is a page of the live server itself: the tests run offline.
    banner = make_banner(target_url=live_server.url + "/lien-he/")
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Bộ Khoa học và Công nghệ").click()
    page.wait_for_url(live_server.url + "/lien-he/")
    banner.refresh_from_db()
    assert banner.click_count == 1

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Bộ Khoa học và Công nghệ").click()
    page.wait_for_url(live_server.url + "/lien-he/")
    banner.refresh_from_db()
    assert banner.click_count == 2

    get_user_model().objects.create_superuser("quantri", "qt@example.invalid", "mat-khau-2026")
    page.goto(live_server.url + "/")
    box = page.locator("section.widget-login")
    box.get_by_label("Tên đăng nhập").fill("quantri")
    box.get_by_label("Mật khẩu").fill("mat-khau-2026")
    box.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(live_server.url + "/")
    # The admin's pages declare no icon, so Chromium may ask for /favicon.ico.
    page_problems.expect_console("/favicon.ico")
    page.goto(live_server.url + "/admin/banners/banner/")
    row = page.locator("#result_list tbody tr").filter(has_text="Bộ Khoa học và Công nghệ")
    assert row.locator("td.field-click_count").inner_text() == "2"


def test_a_query_parameter_cannot_send_the_reader_elsewhere(live_server, page, media_root):
    banner = make_banner(target_url=live_server.url + "/gioi-thieu/")
    page.goto(f"{live_server.url}/qc/{banner.pk}/?next=https://evil.example/&url=//evil.example")
    assert page.url == live_server.url + "/gioi-thieu/"
