"""Logging in and out through the sidebar's "Đăng nhập" box, in Chromium."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-dai-2026"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user(
        username="bientap", password=PASSWORD, first_name="Bích", last_name="Ngọc", is_staff=True
    )


def login_box(page):
    return page.locator("section.widget-login")


def sidebar_login(page, url, password):
    """Open ``url``, sign in as "bientap" with ``password`` through the sidebar box and wait
    to be back on ``url``; returns the box."""
    page.goto(url)
    box = login_box(page)
    box.get_by_label("Tên đăng nhập").fill("bientap")
    box.get_by_label("Mật khẩu").fill(password)
    box.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(url)
    return box


def test_log_in_and_out_through_the_sidebar(live_server, page, editor):
    box = sidebar_login(page, live_server.url + "/gioi-thieu/", PASSWORD)
    assert "Xin chào, Ngọc Bích" in box.inner_text() or "Xin chào, Bích Ngọc" in box.inner_text()
    assert box.get_by_role("link", name="Trang quản trị").get_attribute("href") == "/admin/"

    box.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url(live_server.url + "/gioi-thieu/")
    assert "Xin chào" not in box.inner_text()
    assert box.get_by_role("button", name="Đăng nhập").is_visible()


def test_wrong_password_shows_the_message_in_the_box(live_server, page, editor):
    box = sidebar_login(page, live_server.url + "/lien-he/", "khong-dung")
    alert = box.get_by_role("alert")
    assert alert.inner_text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert "Xin chào" not in box.inner_text()
    # Reloading drops the message: it was for that one attempt.
    page.reload()
    assert box.get_by_role("alert").count() == 0


def test_failed_login_on_a_phone_lands_on_the_box_with_the_username_kept(
    live_server, phone_page, editor
):
    """On a 375 px phone the box is far down the page: after a failure the reader is taken
    to it, the error is in view, the username is still there and the password has focus."""
    page = phone_page
    box = sidebar_login(page, live_server.url + "/lien-he/", "khong-dung")
    page.locator("#login-password:focus").wait_for()
    alert = box.get_by_role("alert")
    assert alert.inner_text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    top = alert.evaluate("el => el.getBoundingClientRect().top")
    assert page.evaluate("window.scrollY") > 500  # the box is far down on a phone
    assert 0 <= top < 740, f"the error is outside the screen (top {top}px)"
    assert box.get_by_label("Tên đăng nhập").input_value() == "bientap"
    assert page.evaluate("document.activeElement.id") == "login-password"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    box.get_by_label("Mật khẩu").fill(PASSWORD)
    box.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(live_server.url + "/lien-he/")
    assert box.get_by_role("status").inner_text() == "Đã đăng nhập với tài khoản bientap."
    assert box.get_by_role("link", name="Trang quản trị").get_attribute("href") == "/admin/"
