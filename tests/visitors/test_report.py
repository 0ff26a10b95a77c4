"""The staff report (admin) and the starting offset setting."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model

from core.readers import local_today
from visitors.models import DailyStat, VisitorStatsSettings

from .conftest import REPORT_URL

pytestmark = pytest.mark.django_db


@pytest.fixture
def some_days():
    today = local_today()
    DailyStat.objects.create(day=today, slot=0, visits=3, pageviews=10, visitors=2)
    DailyStat.objects.create(day=today, slot=5, visits=1, pageviews=2, visitors=1)
    DailyStat.objects.create(day=today - timedelta(days=40), slot=1, visits=7, pageviews=9)
    return today


def test_anonymous_is_redirected_to_login(client):
    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_non_staff_user_is_redirected_to_login(client):
    client.force_login(get_user_model().objects.create_user("bandoc"))
    response = client.get(REPORT_URL)
    assert response.status_code == 302


def test_staff_sees_days_summed_over_slots_with_an_svg_chart(staff_client, some_days):
    response = staff_client.get(REPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert 'role="img"' in html and '<title id="visitors-chart-title">' in html
    row = f'<th scope="row">{some_days:%d/%m/%Y}</th><td>4</td><td>12</td><td>3</td>'
    assert row in html
    assert 'data-sum="visits">4<' in html  # the day 40 days ago is outside 30 days
    assert html.count('<th scope="row">') == 30


def test_report_over_90_days_includes_older_days(staff_client, some_days):
    html = staff_client.get(REPORT_URL, {"days": "90"}).content.decode()
    assert html.count('<th scope="row">') == 90
    assert 'data-sum="visits">11<' in html


def test_report_over_365_days(staff_client, some_days):
    assert staff_client.get(REPORT_URL, {"days": "365"}).status_code == 200


@pytest.mark.parametrize("days", ["7", "abc", "-30", "1000000"])
def test_invalid_period_is_a_400_with_a_vietnamese_message(staff_client, days):
    response = staff_client.get(REPORT_URL, {"days": days})
    assert response.status_code == 400
    assert "30, 90 hoặc 365" in response.content.decode()


def test_csv_download_parses_with_vietnamese_headers(staff_client, some_days):
    response = staff_client.get(REPORT_URL, {"days": "30", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Ngày", "Lượt truy cập", "Lượt xem trang", "Khách"]
    assert len(rows) == 31
    assert rows[-1] == [f"{some_days:%d/%m/%Y}", "4", "12", "3"]


def test_report_lists_most_viewed_articles_when_news_counts_views(staff_client):
    from django.apps import apps

    try:
        article = apps.get_model("news", "Article")
        article._meta.get_field("view_count")
    except Exception:
        pytest.skip("news.Article has no view_count yet")
    html = staff_client.get(REPORT_URL).content.decode()
    assert "Bài viết được xem nhiều nhất (từ trước đến nay)" in html
    assert "Tổng lượt xem của mỗi bài từ khi đăng" in html


def test_daily_stats_cannot_be_added_changed_or_deleted(rf, admin_user):
    from django.contrib import admin

    model_admin = admin.site._registry[DailyStat]
    request = rf.get("/admin/")
    request.user = admin_user  # even a superuser
    stat = DailyStat.objects.create(day=local_today(), slot=0, visits=1, pageviews=1)
    assert model_admin.has_view_permission(request) is True
    assert model_admin.has_add_permission(request) is False
    assert model_admin.has_change_permission(request, stat) is False
    assert model_admin.has_delete_permission(request, stat) is False
    assert model_admin.has_view_permission(request, stat) is False  # no raw rows either


def test_admin_index_links_to_the_report(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert REPORT_URL in html


def test_superuser_sets_the_starting_offset_in_the_admin(admin_client):
    response = admin_client.get("/admin/visitors/visitorstatssettings/")
    assert response.status_code == 302
    change_url = response["Location"]
    response = admin_client.post(change_url, {"total_offset": "250000"})
    assert response.status_code == 302
    assert VisitorStatsSettings.load().total_offset == 250_000
    from visitors.selectors import visitor_stats

    assert visitor_stats()["total"] == 250_000


def test_negative_offset_is_refused(admin_client):
    change_url = admin_client.get("/admin/visitors/visitorstatssettings/")["Location"]
    response = admin_client.post(change_url, {"total_offset": "-5"})
    assert response.status_code == 200
    assert VisitorStatsSettings.load().total_offset == 0


def test_the_csv_report_is_never_cached(staff_client, some_days):
    response = staff_client.get(REPORT_URL, {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
