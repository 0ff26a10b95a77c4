"""The middleware records public HTML page views and nothing else, and stores nobody."""

import logging

import pytest
from django.contrib.auth import get_user_model

from tests.visitors.conftest import BROWSER_UA
from visitors.models import DailySalt, DailyStat, RedisFlush, VisitorActivity, VisitorStatsSettings
from visitors.selectors import visitor_stats

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.visitors.urls")]

GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def get(client, url, ip="198.51.100.20", agent=BROWSER_UA, **extra):
    return client.get(url, REMOTE_ADDR=ip, HTTP_USER_AGENT=agent, **extra)


def recorded_pageviews():
    return sum(DailyStat.objects.values_list("pageviews", flat=True))


def test_public_html_page_view_is_recorded(client):
    response = get(client, "/tin-tuc/")
    assert response.status_code == 200
    assert recorded_pageviews() == 1
    assert VisitorActivity.objects.count() == 1
    assert visitor_stats()["today"] == 1


def test_googlebot_is_not_recorded(client):
    response = get(client, "/tin-tuc/", agent=GOOGLEBOT)
    assert response.status_code == 200
    assert not VisitorActivity.objects.exists()
    assert not DailyStat.objects.exists()


def test_request_without_user_agent_is_not_recorded(client):
    client.get("/tin-tuc/", REMOTE_ADDR="198.51.100.20")
    assert recorded_pageviews() == 0


@pytest.mark.parametrize(
    "url",
    [
        "/static/css/site.html",
        "/media/uploads/page.html",
        "/admin/",
        "/admin/login/",
        "/healthz",
        "/rss/",
        "/sitemap.xml",
        "/ckeditor/upload/",
        "/robots.txt",
    ],
)
def test_non_page_paths_are_not_recorded(client, url):
    response = get(client, url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert recorded_pageviews() == 0


def test_post_404_non_html_and_head_are_not_recorded(client):
    assert (
        client.post("/form/", REMOTE_ADDR="1.2.3.4", HTTP_USER_AGENT=BROWSER_UA).status_code == 200
    )
    assert get(client, "/missing/").status_code == 404
    assert get(client, "/json/").status_code == 200
    assert (
        client.head("/tin-tuc/", REMOTE_ADDR="1.2.3.4", HTTP_USER_AGENT=BROWSER_UA).status_code
        == 200
    )
    assert recorded_pageviews() == 0


def test_prefetch_is_not_recorded(client):
    get(client, "/tin-tuc/", HTTP_SEC_PURPOSE="prefetch")
    assert recorded_pageviews() == 0


def test_staff_page_views_are_not_recorded_by_default(client, settings):
    staff = get_user_model().objects.create_user("bientap", is_staff=True)
    client.force_login(staff)
    get(client, "/tin-tuc/")
    assert recorded_pageviews() == 0
    settings.VISITORS_RECORD_STAFF = True
    get(client, "/tin-tuc/")
    assert recorded_pageviews() == 1


def test_logged_in_non_staff_user_is_recorded(client):
    client.force_login(get_user_model().objects.create_user("bandoc"))
    get(client, "/tin-tuc/")
    assert recorded_pageviews() == 1


def _stored_text():
    """Every column of every row the app stores, as text."""
    values = []
    for model in (VisitorActivity, DailyStat, DailySalt, VisitorStatsSettings, RedisFlush):
        for row in model.objects.values_list():
            values.extend(str(value) for value in row)
    return "\n".join(values)


def test_no_ip_address_or_user_agent_is_stored(client, redis_mode_optional):
    get(client, "/tin-tuc/", ip="203.0.113.7", agent="TestBrowser/1.0")
    assert recorded_pageviews() + redis_mode_optional() == 1
    stored = _stored_text()
    if redis_mode_optional.client is not None:
        client_ = redis_mode_optional.client
        for key in client_.scan_iter(match=f"{client_.prefix}:*"):
            stored += "\n" + key.decode()
            kind = client_.type(key).decode()
            if kind == "string":
                stored += "\n" + client_.get(key).decode()
            elif kind == "hash":
                stored += "\n" + str(client_.hgetall(key))
            elif kind == "zset":
                stored += "\n" + str(client_.zrange(key, 0, -1, withscores=True))
            elif kind == "set":
                stored += "\n" + str(client_.smembers(key))
    assert stored
    assert "203.0.113.7" not in stored
    assert "TestBrowser" not in stored


@pytest.fixture(params=["db", "redis"])
def redis_mode_optional(request):
    """Run once per storage; calling it returns the page views recorded in Redis."""
    from visitors.backends import counter

    if request.param == "db":

        def counted():
            return 0

        counted.client = None
        return counted
    client = request.getfixturevalue("redis_mode")

    def counted():
        return sum(day.pageviews for day in counter().unflushed().values())

    counted.client = client
    return counted


def test_forged_x_forwarded_for_is_ignored_without_trusted_proxies(client):
    get(client, "/tin-tuc/", ip="198.51.100.30", HTTP_X_FORWARDED_FOR="192.0.2.1")
    get(client, "/tin-tuc/", ip="198.51.100.30", HTTP_X_FORWARDED_FOR="192.0.2.2")
    # Same REMOTE_ADDR and User-Agent: one visitor, whatever the header claims.
    assert VisitorActivity.objects.count() == 1


def test_x_forwarded_for_is_honoured_from_a_trusted_proxy(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    get(client, "/tin-tuc/", ip="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1")
    get(client, "/tin-tuc/", ip="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.2")
    get(client, "/tin-tuc/", ip="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.2")
    assert VisitorActivity.objects.count() == 2
    assert visitor_stats()["today"] == 2


def test_x_forwarded_for_from_an_untrusted_peer_is_ignored(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    get(client, "/tin-tuc/", ip="198.51.100.40", HTTP_X_FORWARDED_FOR="192.0.2.1")
    get(client, "/tin-tuc/", ip="198.51.100.40", HTTP_X_FORWARDED_FOR="192.0.2.2")
    assert VisitorActivity.objects.count() == 1


def test_a_failure_to_record_never_breaks_the_page(client, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("storage down")

    monkeypatch.setattr("visitors.middleware.pageview_record_deferred", broken)
    with caplog.at_level(logging.ERROR, logger="visitors.middleware"):
        response = get(client, "/tin-tuc/")
    assert response.status_code == 200
    assert "could not record a page view" in caplog.text


def test_redis_down_falls_back_to_the_database(client, settings):
    settings.VISITORS_USE_REDIS = True
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    response = get(client, "/tin-tuc/")
    assert response.status_code == 200
    assert recorded_pageviews() == 1
