"""The layout on a 375 px phone: one column, sidebar after the content, no sideways scroll."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


def test_home_on_a_phone_is_one_column_with_the_sidebar_after_the_content(
    live_server, phone_page, media_root
):
    from banners import demo as banners_demo

    banners_demo.load()
    phone_page.goto(live_server.url + "/")
    assert phone_page.evaluate(NO_SIDEWAYS_SCROLL)
    main = phone_page.locator("main").bounding_box()
    sidebar = phone_page.locator("aside.site-sidebar").bounding_box()
    assert sidebar["y"] >= main["y"] + main["height"]
    assert sidebar["width"] == pytest.approx(main["width"], abs=2)
    # The menu wraps onto several lines instead of running off the screen.
    menu_links = phone_page.locator(".site-menu a")
    for index in range(menu_links.count()):
        box = menu_links.nth(index).bounding_box()
        assert box["x"] + box["width"] <= 375 + 0.5


@pytest.mark.parametrize("path", ["/gioi-thieu/", "/lien-he/", "/dang-nhap/"])
def test_site_pages_on_a_phone_have_no_sideways_scroll(live_server, phone_page, path):
    phone_page.goto(live_server.url + path)
    assert phone_page.evaluate(NO_SIDEWAYS_SCROLL)


def test_article_on_a_phone_has_no_sideways_scroll(
    live_server, phone_page, media_root, published_articles
):
    articles = published_articles(3)
    article = articles[-1]
    article.body = (
        "<p>Một đoạn văn rất dài với địa chỉ https://sokhcn.caobang.gov.vn/"
        "tin-tuc/mot-duong-dan-rat-dai-khong-co-khoang-trang-nao-ca-de-thu-xuong-dong</p>"
        "<table><tr>" + "<td>Cột dữ liệu số liệu thống kê</td>" * 8 + "</tr></table>"
    )
    article.save()
    response = phone_page.goto(live_server.url + article.get_absolute_url())
    assert response.status == 200
    assert phone_page.evaluate(NO_SIDEWAYS_SCROLL)


def test_desktop_has_the_sidebar_to_the_right(live_server, page):
    page.goto(live_server.url + "/")
    main = page.locator("main").bounding_box()
    sidebar = page.locator("aside.site-sidebar").bounding_box()
    assert sidebar["x"] >= main["x"] + main["width"]
    assert sidebar["y"] == pytest.approx(main["y"], abs=2)


@pytest.mark.parametrize("path", ["/lien-he/", "/thu-tuc-hanh-chinh/", "/en/contact/"])
def test_agency_tables_on_a_phone_are_cards_without_cut_off(
    live_server, phone_page, media_root, path
):
    """The units' contacts and the procedures are tables: on a phone, label: value cards."""
    from agency import demo as agency_demo
    from tests.browser.checkers import layout_problems

    agency_demo.load()  # the agency's part of `loaddemo`: these pages show nothing else

    response = phone_page.goto(live_server.url + path)
    assert response.status == 200
    assert layout_problems(phone_page) == []
    cell = phone_page.locator(".card-table td[data-label]").first
    label = cell.evaluate("el => getComputedStyle(el, '::before').content")
    assert label.strip('"').endswith(": ")
