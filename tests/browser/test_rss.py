"""/rss/ opened in a browser reads as a page (the feed's XSLT stylesheet), not raw XML."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_rss_in_a_browser_is_a_readable_vietnamese_page(
    live_server, page, page_problems, published_articles
):
    # Chromium's XSLT step adds inline styles and a handler of its own to the result, which
    # the site's policy (rightly) refuses; the stylesheet itself has none (checked below).
    page_problems.expect_console("Content Security Policy directive")
    article = published_articles(2)[-1]
    page.goto(live_server.url + "/rss/")
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text().startswith("Nguồn tin RSS")
    assert "phần mềm hoặc ứng dụng đọc tin RSS" in page.inner_text("main")
    link = page.get_by_role("link", name=article.title)
    assert link.get_attribute("href").endswith(article.get_absolute_url())
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    xsl = page.request.get(live_server.url + "/static/news/rss.xsl").text()
    assert "style=" not in xsl and "<style" not in xsl and "<script" not in xsl
