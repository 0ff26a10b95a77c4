"""'Tin khác' under an article, paginated like the old site, keeping the reader on it.

Written against the news app's contract: the article at ``/tin-tuc/<slug>/``, a section
headed "Tin khác" under it, its page links ``?page=2``...
"""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def other_news(page):
    return page.locator(
        ":is(section, div, aside, nav):has(> :is(h2, h3, h4):text-is('Tin khác'))"
    ).first


def test_page_two_of_other_news_shows_other_titles_on_the_same_article(
    live_server, page, published_articles
):
    articles = published_articles(30)
    article = articles[-1]
    url = article.get_absolute_url()
    assert re.fullmatch(r"/tin-tuc/[\w-]+/", url)
    page.goto(live_server.url + url)
    section = other_news(page)
    assert section.is_visible()
    first_titles = section.locator("a:not([href*='page='])").all_inner_texts()
    assert first_titles and article.title not in first_titles

    section.locator("a[href*='page=2']").first.click()
    page.wait_for_url(re.compile(re.escape(live_server.url + url) + r"\?page=2(#.*)?$"))
    assert page.get_by_role("heading", level=1).inner_text().strip() == article.title
    second_titles = other_news(page).locator("a:not([href*='page='])").all_inner_texts()
    assert second_titles
    assert not set(first_titles) & set(second_titles)
    current = other_news(page).locator("[aria-current='page']")
    assert current.inner_text().strip() == "2"
