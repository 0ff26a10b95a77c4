"""'In bài': the print style keeps the article and drops the site's furniture."""

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
