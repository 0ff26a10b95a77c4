"""'In bài': the print style keeps the article and drops the site's furniture."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_printed_article_shows_only_the_article(live_server, page, published_articles):
    article = published_articles(3)[-1]
    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator("aside.site-sidebar").is_visible()
    page.emulate_media(media="print")
    for hidden in ["aside.site-sidebar", "nav.site-nav", "form.site-search", ".other-news"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.get_by_role("heading", level=1).inner_text().strip() == article.title
    assert page.locator("main").is_visible()
    colour = page.locator("body").evaluate("el => getComputedStyle(el).color")
    assert colour == "rgb(0, 0, 0)"


PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
LINK_TARGET = re.compile(rb"/URI\s*\(([^)]*)\)")


def test_short_article_prints_on_one_page_with_its_source_and_no_footer(live_server, page):
    from news.models import Article

    article = Article.objects.create(
        title="Thông báo lịch tiếp công dân tháng 12",
        summary="Lãnh đạo Sở tiếp công dân vào thứ Năm hằng tuần.",
        body="<p>Lãnh đạo Sở tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở Sở.</p>",
        byline="VP",
        status="published",
    )
    url = live_server.url + article.get_absolute_url()
    page.goto(url)
    assert not page.locator(".print-source").is_visible()  # print-only

    pdf = page.pdf(format="A4", print_background=False)
    assert len(PAGE_OBJECT.findall(pdf)) == 1
    links = [target.decode("latin-1") for target in LINK_TARGET.findall(pdf)]
    assert not [link for link in links if link.endswith(("/rss/", "/sitemap.xml", "/lien-he/"))]

    page.emulate_media(media="print")
    text = page.inner_text("body")
    for furniture in ["Sơ đồ trang", "RSS", "Trang chủ", "Tin khác", "Lượt xem", "In bài"]:
        assert furniture not in text, furniture
    assert article.title in text and "VP" in text
    assert f"Nguồn: Sở Khoa học và Công nghệ tỉnh Cao Bằng – {url}" in text
    colour = page.locator(".print-source").evaluate("el => getComputedStyle(el).color")
    assert colour == "rgb(0, 0, 0)"
