"""The sidebar widget "Thống kê truy cập" on real pages of the site."""

import re

import pytest
from django.template import Context, Template

from tests.visitors.conftest import BROWSER_UA
from visitors.models import DailyStat
from visitors.services import stats_offset_set

pytestmark = pytest.mark.django_db


def stat(html, name):
    match = re.search(rf'data-stat="{name}">([^<]*)<', html)
    assert match, f"no data-stat={name}"
    return match.group(1)


def test_widget_shows_four_numbers_formatted_the_vietnamese_way(client):
    from core.readers import local_today

    today = local_today()
    DailyStat.objects.create(day=today, slot=0, visits=1_234, pageviews=5_000, visitors=1_000)
    DailyStat.objects.create(day=today, slot=3, visits=1_000, pageviews=1_000, visitors=10)
    stats_offset_set(total_offset=1_232_333)
    response = client.get("/gioi-thieu/", REMOTE_ADDR="198.51.100.5", HTTP_USER_AGENT=BROWSER_UA)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thống kê truy cập" in html
    assert stat(html, "online") == "0"
    assert stat(html, "today") == "2.234"
    assert stat(html, "week") == "2.234"
    assert stat(html, "total") == "1.234.567"


def test_visitors_first_page_view_shows_on_their_next_page(client):
    from django.core.cache import cache

    kwargs = {"REMOTE_ADDR": "198.51.100.6", "HTTP_USER_AGENT": BROWSER_UA}
    first = client.get("/gioi-thieu/", **kwargs).content.decode()
    assert stat(first, "today") == "0"  # rendered before it was recorded
    cache.clear()  # the widget's numbers may be up to five seconds old
    second = client.get("/lien-he/", **kwargs).content.decode()
    assert stat(second, "online") == "1"
    assert stat(second, "today") == "1"
    assert stat(second, "total") == "1"


def test_widget_numbers_are_cached_for_a_few_seconds(client):
    kwargs = {"REMOTE_ADDR": "198.51.100.7", "HTTP_USER_AGENT": BROWSER_UA}
    client.get("/gioi-thieu/", **kwargs)  # caches 0, then records the view
    html = client.get("/lien-he/", **kwargs).content.decode()
    assert stat(html, "today") == "0"


def test_widget_renders_dashes_when_statistics_cannot_be_read(monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr("visitors.templatetags.visitors_tags.read_visitor_stats", broken)
    html = Template("{% load visitors_tags %}{% visitor_stats %}").render(Context())
    assert stat(html, "total") == "–"
