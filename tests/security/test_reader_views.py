"""Only a reader opening a page counts (finding 9): one rule (``core.readers``) for the
visitor statistics and the article's "Lượt xem" alike, whether the page is rendered or
answered from the page cache.

A prefetch (``Sec-Purpose``/``Purpose``) and anything the browser fetches as something
other than a top-level document (``Sec-Fetch-Dest: image`` for an ``<img>`` on another
site, ``iframe`` for an embed) counts neither.
"""

import pytest
from django.test import Client

from core.readers import local_today
from news.services import article_view_count
from tests.security.conftest import published_article
from visitors.selectors import daily_totals

pytestmark = pytest.mark.django_db

READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"
NOT_A_READ = {
    "prefetch": {"HTTP_SEC_PURPOSE": "prefetch"},
    "old-style prefetch": {"HTTP_PURPOSE": "prefetch"},
    "image embed": {"HTTP_SEC_FETCH_DEST": "image", "HTTP_SEC_FETCH_SITE": "cross-site"},
    "iframe embed": {"HTTP_SEC_FETCH_DEST": "iframe", "HTTP_SEC_FETCH_SITE": "cross-site"},
    "script": {"HTTP_SEC_FETCH_DEST": "script"},
}


@pytest.fixture
def article():
    return published_article("Bài được nhúng", "<p>Nội dung.</p>")


def page_views():
    """Today's page views, flushed or still held by the Redis back-end."""
    today = local_today()
    return daily_totals(start=today, end=today)[0].pageviews


@pytest.mark.parametrize("kind", NOT_A_READ)
def test_a_prefetch_or_an_embed_counts_no_page_view_and_no_article_view(article, kind):
    url = article.get_absolute_url()
    for number in range(3):  # rendered, then twice from the page cache
        answer = Client(HTTP_USER_AGENT=READER, REMOTE_ADDR=f"203.0.113.{number + 1}").get(
            url, **NOT_A_READ[kind]
        )
        assert answer.status_code == 200
    assert article_view_count(article=article) == 0
    assert page_views() == 0

    Client(HTTP_USER_AGENT=READER, REMOTE_ADDR="203.0.113.50").get(
        url, HTTP_SEC_FETCH_DEST="document", HTTP_SEC_FETCH_SITE="none"
    )
    assert article_view_count(article=article) == 1
    assert page_views() == 1
