"""One rule for "a reader's page view", shared by the statistics and the article counter."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import Client, RequestFactory

from core.readers import counts_as_page_view, is_reader_request
from news.services import article_view_count

READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"
BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def request(method="get", **headers):
    headers.setdefault("HTTP_USER_AGENT", READER)
    made = getattr(RequestFactory(), method)("/tin-tuc/", **headers)
    made.user = AnonymousUser()
    return made


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (lambda: request(), True),
        (lambda: request(HTTP_SEC_FETCH_DEST="document"), True),
        (lambda: request("head"), False),
        (lambda: request(HTTP_SEC_PURPOSE="prefetch;prerender"), False),
        (lambda: request(HTTP_PURPOSE="prefetch"), False),
        (lambda: request(HTTP_SEC_FETCH_DEST="iframe"), False),
        (lambda: request(HTTP_USER_AGENT=BOT), False),
    ],
)
def test_is_reader_request(made, expected):
    assert is_reader_request(made()) is expected


def test_a_download_or_an_excluded_path_is_no_page_view():
    download = HttpResponse("<p>bài</p>")
    download["Content-Disposition"] = 'attachment; filename="bai.html"'
    assert counts_as_page_view(request(), HttpResponse("<p>trang</p>"))
    assert not counts_as_page_view(request(), download)
    assert not counts_as_page_view(request(), HttpResponse("x"), excluded_prefixes=("/tin-",))


@pytest.mark.django_db
def test_a_prefetched_article_counts_no_view(make_article):
    article = make_article()
    url = article.get_absolute_url()
    Client(HTTP_USER_AGENT=READER, REMOTE_ADDR="203.0.113.7").get(url, HTTP_SEC_PURPOSE="prefetch")
    assert article_view_count(article=article) == 0

    Client(HTTP_USER_AGENT=READER, REMOTE_ADDR="203.0.113.8").get(url)  # cached page now
    Client(HTTP_USER_AGENT=READER, REMOTE_ADDR="203.0.113.9").get(url, HTTP_PURPOSE="prefetch")
    assert article_view_count(article=article) == 1
