"""The page cache's middleware: a cached page is answered before the rest of the stack,
yet carries every header, cookie and count that the full stack gives it."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from news import selectors
from news.models import Article
from news.services import article_view_count
from visitors.models import VisitorStatsSettings
from visitors.selectors import visitor_stats

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-dai-2026"
READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"
REPLAYED = (
    "Content-Type",
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def article(make_article):
    return make_article(title="Hội thảo khoa học về giống lúa mới")


def reader_client(**kwargs):
    return Client(HTTP_USER_AGENT=READER, **kwargs)


def form_token(response):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
    assert match, "no CSRF token in the page"
    return match.group(1)


def broken(*_args, **_kwargs):
    raise AssertionError("the view ran for a page that is in the cache")


def test_a_cached_page_is_answered_without_running_the_view(monkeypatch, article):
    first = reader_client().get("/")
    assert first.status_code == 200
    monkeypatch.setattr(selectors, "latest_articles", broken)
    monkeypatch.setattr(selectors, "featured_articles", broken)

    again = reader_client().get("/")

    assert again.status_code == 200
    assert article.title in again.content.decode()


def test_a_hit_carries_the_headers_of_a_fully_rendered_page(article):
    first = reader_client().get("/")
    hit = reader_client().get("/")

    for name in REPLAYED:
        assert hit.headers.get(name), f"{name} missing from the cached page"
        assert hit.headers[name] == first.headers[name], name
    assert "Cookie" in hit.headers["Vary"]
    assert hit.headers["Content-Length"] == str(len(hit.content))
    assert "Content-Language" not in hit.headers


def test_a_hit_gives_a_new_reader_a_csrf_cookie_that_logs_in(article):
    get_user_model().objects.create_user(username="quantri", password=PASSWORD, is_staff=True)
    reader_client().get("/")  # fills the cache
    client = reader_client(enforce_csrf_checks=True)

    hit = client.get("/")
    assert "csrftoken" in hit.cookies

    response = client.post(
        "/dang-nhap/",
        {
            "username": "quantri",
            "password": PASSWORD,
            "next": "/",
            "csrfmiddlewaretoken": form_token(hit),
        },
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_a_hit_keeps_the_csrf_secret_the_reader_already_has(article):
    client = reader_client(enforce_csrf_checks=True)
    first = client.get("/")
    secret = first.cookies["csrftoken"].value

    hit = client.get("/")

    assert client.cookies["csrftoken"].value == secret
    assert form_token(hit) != form_token(first)  # masked anew for every response
    response = client.post(
        "/dang-nhap/",
        {
            "username": "nobody",
            "password": "sai",
            "next": "/",
            "csrfmiddlewaretoken": form_token(hit),
        },
    )
    assert response.status_code == 302  # a failed login, not a CSRF refusal (403)


def test_hits_count_page_views_and_article_views_exactly(article):
    url = article.get_absolute_url()
    before = visitor_stats(now=article.published_at)["total"]
    for number in range(5):
        response = Client(HTTP_USER_AGENT=READER.replace("124.0", f"124.{number}")).get(url)
        assert response.status_code == 200
        assert f'data-stat="views">{number + 1}<' in response.content.decode()

    assert article_view_count(article=article) == 5  # Redis counts included
    assert visitor_stats(now=timezone.now())["total"] - before == 5


def test_a_logged_in_reader_is_never_served_the_shared_page(article, client):
    user = get_user_model().objects.create_user(username="bientap", password=PASSWORD)
    reader_client().get("/")  # the anonymous page is cached
    client.force_login(user)

    html = client.get("/").content.decode()

    assert "Xin chào" in html
    assert 'action="/dang-nhap/"' not in html


def test_english_browsers_get_the_vietnamese_number_format(article):
    record = VisitorStatsSettings.load()
    record.total_offset = 1234567
    record.save()
    Client(HTTP_USER_AGENT=READER, HTTP_ACCEPT_LANGUAGE="en").get("/")  # cached under "en"

    for language in ("en", "vi", "en-US,en;q=0.9"):
        response = Client(HTTP_USER_AGENT=READER, HTTP_ACCEPT_LANGUAGE=language).get("/")
        html = response.content.decode()
        assert re.search(r'data-stat="total"[^>]*>\s*1\.234\.5\d\d\s*<', html), language
        assert "Content-Language" not in response.headers


def test_a_saved_article_replaces_the_cached_page_at_once(article):
    reader_client().get("/")
    Article.objects.filter(pk=article.pk).update(title="Không đổi qua save()")  # no signal
    article.title = "Tiêu đề mới sau khi sửa"
    article.save()

    assert "Tiêu đề mới sau khi sửa" in reader_client().get("/").content.decode()


def test_head_requests_count_no_view(article):
    url = article.get_absolute_url()
    reader_client().get(url)  # cached, and one view
    for _ in range(3):
        assert reader_client().head(url).status_code == 200

    assert article_view_count(article=article) == 1


def test_an_expired_page_is_rendered_again_by_one_request_while_others_get_the_old_one(
    article, rf, monkeypatch
):
    from django.core.cache import cache

    from pagecache import storage

    reader_client().get("/")
    key = storage.page_key(rf.get("/"))
    entry = cache.get(key)
    entry["fresh_until"] = 0  # expired
    cache.set(key, entry)
    renders = []
    latest = selectors.latest_articles
    monkeypatch.setattr(
        selectors, "latest_articles", lambda **kw: renders.append(1) or latest(**kw)
    )

    # Another worker is rendering it: this reader gets the expired page at once.
    assert cache.add(key + storage.RENDERING, 1)
    assert article.title in reader_client().get("/").content.decode()
    assert renders == []

    # Nobody is: this request renders it, stores it fresh and releases the claim.
    cache.delete(key + storage.RENDERING)
    assert article.title in reader_client().get("/").content.decode()
    assert renders == [1]
    assert cache.get(key)["fresh_until"] > entry["fresh_until"]
    assert cache.get(key + storage.RENDERING) is None
    reader_client().get("/")
    assert renders == [1]  # fresh again: served from the cache
