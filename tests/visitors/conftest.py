"""Fixtures of the visitor statistics tests: database mode by default, Redis on demand
(``redis_mode`` and ``backend`` in tests/conftest.py)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from core.readers import visitor_id
from visitors.services import pageview_record

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
REPORT_URL = "/admin/visitors/dailystat/"
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"


def local(*args):
    """An aware datetime in Asia/Ho_Chi_Minh: ``local(2025, 3, 10, 0, 10)``."""
    return datetime(*args, tzinfo=HCM)


@pytest.fixture(autouse=True)
def _database_mode(settings):
    settings.VISITORS_USE_REDIS = False
    settings.TRUSTED_PROXIES = []


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


@pytest.fixture
def staff_client(client):
    """A staff member without any model permission: the report is for every staff member."""
    client.force_login(get_user_model().objects.create_user("canbo", is_staff=True))
    return client
