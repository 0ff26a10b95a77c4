"""Fixtures of the visitor statistics tests: database mode by default, Redis DB 12 on demand."""

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory

from core.readers import visitor_id
from visitors.services import pageview_record

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
REDIS_TEST_URL = "redis://127.0.0.1:6379/12"
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"


def local(*args):
    """An aware datetime in Asia/Ho_Chi_Minh: ``local(2025, 3, 10, 0, 10)``."""
    return datetime(*args, tzinfo=HCM)


@pytest.fixture(autouse=True)
def _database_mode(settings):
    settings.VISITORS_USE_REDIS = False
    settings.TRUSTED_PROXIES = []


def redis_available():
    try:
        import redis

        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=0.5).ping()
    except Exception:
        return False
    return True


@pytest.fixture
def redis_mode(settings):
    """Record in Redis DB 12 under a prefix of this test's own (parallel test runs share the
    database, so nothing is flushed wholesale); skipped when Redis is down."""
    if not redis_available():
        pytest.skip("Redis is not reachable on 127.0.0.1:6379")
    prefix = f"test-{uuid.uuid4().hex}"
    settings.REDIS_URL = REDIS_TEST_URL
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": f"{prefix}:cache",
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    settings.VISITORS_USE_REDIS = True
    settings.VISITORS_REDIS_PREFIX = f"{prefix}:visitors:"
    from core.redis import redis_connection

    client = redis_connection()
    client.prefix = prefix
    yield client
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


@pytest.fixture(params=["db", "redis"])
def backend(request):
    """Run a test once with database storage and once with Redis storage."""
    if request.param == "redis":
        request.getfixturevalue("redis_mode")
    return request.param


class Visitor:
    """A browser at an IP address; ``view(now)`` records a page view as the middleware does."""

    def __init__(self, ip="198.51.100.1", agent=BROWSER_UA):
        self.ip, self.agent = ip, agent

    def view(self, now):
        request = RequestFactory().get("/", REMOTE_ADDR=self.ip, HTTP_USER_AGENT=self.agent)
        return pageview_record(visitor=visitor_id(request, now=now), now=now)


@pytest.fixture
def make_visitor():
    counter = iter(range(1, 10_000))

    def make(ip=None, agent=BROWSER_UA):
        n = next(counter)
        return Visitor(ip or f"10.{n // 250}.{n % 250}.1", agent)

    return make
