"""The home page in Chromium: layout regions, the four sidebar widgets, the skip link."""

import pytest

from banners import demo as banners_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIDEBAR_TITLES = ["Thông tin mới nhất", "Thống kê truy cập", "Đăng nhập", "Liên kết"]


def test_home_page_shows_every_sidebar_widget_in_order(live_server, page, media_root):
    banners_demo.load()
    page.goto(live_server.url + "/")
    sidebar = page.get_by_role("complementary", name="Tiện ích")
    # Widget titles are uppercased by CSS; compare the text as written.
    titles = sidebar.locator("h2.widget-title").evaluate_all("els => els.map(e => e.textContent)")
    assert [title.strip() for title in titles] == SIDEBAR_TITLES
    for stat in ["online", "today", "week", "total"]:
        assert sidebar.locator(f"[data-stat='{stat}']").is_visible(), stat
    banner_images = sidebar.locator(".banner-list img")
    assert banner_images.count() == 4
    for index in range(4):
        image = banner_images.nth(index)
        assert image.get_attribute("alt")
        image.scroll_into_view_if_needed()
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")


def test_page_has_the_landmarks(live_server, page):
    page.goto(live_server.url + "/")
    assert page.get_by_role("banner").count() == 1
    assert page.get_by_role("navigation", name="Menu chính").is_visible()
    assert page.get_by_role("main").count() == 1
    assert page.get_by_role("complementary", name="Tiện ích").is_visible()
    assert page.get_by_role("contentinfo").count() == 1
    assert page.get_by_role("search").is_visible()


def test_skip_link_is_the_first_stop_and_jumps_to_the_content(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box and box["x"] >= 0  # shown on screen once focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_focused_links_get_a_visible_outline(live_server, page):
    page.goto(live_server.url + "/")
    link = page.get_by_role("navigation", name="Menu chính").get_by_role("link").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = link.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"


def test_every_image_and_form_field_is_labelled(live_server, page, media_root):
    banners_demo.load()
    page.goto(live_server.url + "/")
    missing_alt = page.locator("img:not([alt])").count()
    assert missing_alt == 0
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
              .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
              .map(el => el.name)"""
    )
    assert unlabelled == []
