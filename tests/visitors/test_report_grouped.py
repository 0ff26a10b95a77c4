"""The staff report by month and by year: sums of ``DailyStat``, unflushed Redis counts, CSV."""

import csv
import io
from datetime import date

import pytest

from core.readers import local_today
from visitors.models import DailyStat
from visitors.selectors import monthly_totals, yearly_totals

from .conftest import REPORT_URL, local

pytestmark = pytest.mark.django_db


@pytest.fixture
def history():
    """Counts in two months of last year and in January of this year (two slots a day)."""
    this_year = local_today().year
    last = this_year - 1
    for day, slot, v, p, u in [
        (date(last, 3, 1), 0, 2, 5, 2),
        (date(last, 3, 31), 3, 4, 6, 3),
        (date(last, 11, 15), 0, 10, 30, 8),
        (date(this_year, 1, 2), 0, 1, 1, 1),
        (date(this_year, 1, 2), 1, 1, 2, 1),
    ]:
        DailyStat.objects.create(day=day, slot=slot, visits=v, pageviews=p, visitors=u)
    return this_year, last


def test_months_of_a_past_year_are_summed_over_days_and_slots(history):
    _, last = history
    rows = monthly_totals(year=last)
    assert len(rows) == 12
    march, november = rows[2], rows[10]
    assert (march.visits, march.pageviews, march.visitors) == (6, 11, 5)
    assert (november.visits, november.pageviews, november.visitors) == (10, 30, 8)
    assert rows[0].visits == 0


def test_months_after_the_current_one_are_left_out():
    assert len(monthly_totals(year=2025, today=date(2025, 4, 20))) == 4


def test_years_from_the_first_counted_to_now(history):
    this_year, last = history
    rows = yearly_totals()
    assert [r.day.year for r in rows] == [last, this_year]
    assert (rows[0].visits, rows[0].pageviews) == (16, 41)
    assert (rows[1].visits, rows[1].pageviews, rows[1].visitors) == (2, 3, 2)


def test_unflushed_redis_counts_are_added(redis_mode, make_visitor):
    today = local_today()
    DailyStat.objects.create(day=today, slot=0, visits=5, pageviews=5, visitors=5)
    now = local(today.year, today.month, today.day, 12, 0)
    make_visitor().view(now)
    make_visitor(ip="198.51.100.2").view(now)
    month = monthly_totals(year=today.year)[today.month - 1]
    assert month.visits == 7
    assert yearly_totals()[-1].visits == 7


def test_month_page_shows_table_chart_and_year_choice(staff_client, history):
    _, last = history
    response = staff_client.get(REPORT_URL, {"period": "month", "year": str(last)})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<th scope="row">03/{last}</th><td>6</td><td>11</td><td>5</td>' in html
    assert html.count('<th scope="row">') == 12
    assert "<rect" in html and f"03/{last}: 6 lượt truy cập" in html
    assert 'data-sum="visits">16<' in html
    assert "lượt xem bài viết chỉ được đếm tổng từ khi đăng" in html


def test_year_page_shows_each_year(staff_client, history):
    this_year, last = history
    html = staff_client.get(REPORT_URL, {"period": "year"}).content.decode()
    assert f'<th scope="row">{last}</th><td>16</td><td>41</td><td>13</td>' in html
    assert f'<th scope="row">{this_year}</th><td>2</td><td>3</td><td>2</td>' in html


def test_daily_page_links_the_month_and_year_views(staff_client):
    html = staff_client.get(REPORT_URL).content.decode()
    assert 'href="?period=month"' in html and 'href="?period=year"' in html


@pytest.mark.parametrize(
    "params,expected_header,expected_last",
    [
        ({"period": "month", "format": "csv"}, "Tháng", None),
        ({"period": "year", "format": "csv"}, "Năm", None),
    ],
)
def test_csv_of_months_and_years_agrees_with_the_table(
    staff_client, history, params, expected_header, expected_last
):
    this_year, last = history
    response = staff_client.get(REPORT_URL, params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]  # staff-only figures: no shared copy
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [expected_header, "Lượt truy cập", "Lượt xem trang", "Khách"]
    if expected_header == "Năm":
        assert rows[1:] == [[str(last), "16", "41", "13"], [str(this_year), "2", "3", "2"]]
    else:
        assert rows[1] == [f"01/{this_year}", "2", "3", "2"]


@pytest.mark.parametrize(
    "params,message",
    [
        ({"period": "week"}, "Kiểu thống kê không hợp lệ"),
        ({"period": "month", "year": "1990"}, "Năm không hợp lệ"),
        ({"period": "month", "year": "abc"}, "Năm không hợp lệ"),
        ({"period": "year", "format": "xls"}, "Định dạng không hợp lệ"),
    ],
)
def test_bad_parameters_are_a_400_with_a_vietnamese_message(staff_client, history, params, message):
    response = staff_client.get(REPORT_URL, params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_anonymous_cannot_see_the_month_view(client):
    response = client.get(REPORT_URL, {"period": "month"})
    assert response.status_code == 302
