"""The report's "top articles per month": a chosen month of the last 24, the 20 articles
with the most views counted in it, in order, linked; a CSV that agrees; staff only."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.readers import local_today
from news.models import Article, ArticleMonthlyViews

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/visitors/dailystat/"


@pytest.fixture
def staff_client(client):
    # Staff without any model permission, as for the rest of the report.
    client.force_login(get_user_model().objects.create_user("canbo", is_staff=True))
    return client


def top_table(html):
    start = html.index('id="visitors-top-articles"')
    return html[start : html.index("</table>", start)]


def _article(title, **fields):
    fields.setdefault("status", Article.Status.PUBLISHED)
    fields.setdefault("published_at", timezone.now() - timedelta(days=90))
    return Article.objects.create(title=title, body="<p>Nội dung.</p>", **fields)


@pytest.fixture
def months():
    """Views this month and last month; the most viewed this month is not the most viewed
    of all time; a draft's views are not listed."""
    this_month = local_today().replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    a = _article("Hội thảo khoa học công nghệ", view_count=900)
    b = _article("Cao Bằng công bố sáng kiến", view_count=30)
    c = _article('=HYPERLINK("http://x")', view_count=40)  # a title that looks like a formula
    draft = _article("Bản nháp", status=Article.Status.DRAFT)
    for article, month, views in [
        (a, this_month, 3),
        (b, this_month, 12),
        (c, this_month, 7),
        (draft, this_month, 50),
        (a, last_month, 80),
    ]:
        ArticleMonthlyViews.objects.create(article=article, month=month, views=views)
    return this_month, last_month, (a, b, c)


def test_current_month_is_the_default_and_lists_articles_by_views(staff_client, months):
    this_month, _last, (a, b, c) = months
    response = staff_client.get(REPORT_URL, {"period": "articles"})
    assert response.status_code == 200
    html = response.content.decode()
    table = top_table(html)
    positions = [table.index(f'href="{x.get_absolute_url()}"') for x in (b, c, a)]
    assert positions == sorted(positions)
    assert "Bản nháp" not in table
    assert f"tháng {this_month:%m/%Y}" in html
    assert f'<option value="{this_month:%Y-%m}" selected>{this_month:%m/%Y}</option>' in html
    assert html.count("<option ") == 24


def test_an_earlier_month_is_chosen_by_the_select(staff_client, months):
    _this, last_month, (a, b, _c) = months
    html = staff_client.get(REPORT_URL, {"period": "articles", "month": f"{last_month:%Y-%m}"})
    html = html.content.decode()
    table = top_table(html)
    assert a.get_absolute_url() in table and b.get_absolute_url() not in table
    assert "<td data-month-views>80</td>" in table


def test_only_the_top_20_are_listed(staff_client):
    this_month = local_today().replace(day=1)
    for n in range(25):
        article = _article(f"Bài số {n}")
        ArticleMonthlyViews.objects.create(article=article, month=this_month, views=n + 1)
    html = staff_client.get(REPORT_URL, {"period": "articles"}).content.decode()
    assert html.count("data-month-views") == 20
    assert "Bài số 24" in html and "Bài số 4<" not in html


def test_a_month_without_views_says_so(staff_client, months):
    _this, last_month, _articles = months
    older = (last_month - timedelta(days=1)).replace(day=1)
    html = staff_client.get(REPORT_URL, {"period": "articles", "month": f"{older:%Y-%m}"})
    assert "Chưa có lượt xem bài viết nào được đếm trong tháng" in html.content.decode()


def test_csv_agrees_with_the_table_and_defuses_formulas(staff_client, months):
    this_month, _last, (a, b, c) = months
    response = staff_client.get(REPORT_URL, {"period": "articles", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "no-cache" in response["Cache-Control"]
    assert f"bai-xem-nhieu-thang-{this_month:%m-%Y}.csv" in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Hạng", "Bài viết", "Địa chỉ", "Lượt xem trong tháng"]
    assert rows[1] == ["1", b.title, f"http://testserver{b.get_absolute_url()}", "12"]
    assert rows[2] == ["2", "'" + c.title, f"http://testserver{c.get_absolute_url()}", "7"]
    assert rows[3] == ["3", a.title, f"http://testserver{a.get_absolute_url()}", "3"]
    assert len(rows) == 4


@pytest.mark.parametrize(
    "params",
    [
        {"period": "articles", "month": "1990-01"},
        {"period": "articles", "month": "abc"},
        {"period": "articles", "month": "2999-01"},
    ],
)
def test_a_month_outside_the_last_24_is_a_400_in_vietnamese(staff_client, params):
    response = staff_client.get(REPORT_URL, params)
    assert response.status_code == 400
    assert "Tháng không hợp lệ" in response.content.decode()


def test_a_month_24_months_back_is_offered_and_25_is_not(staff_client):
    month = local_today().replace(day=1)
    for _ in range(23):
        month = (month - timedelta(days=1)).replace(day=1)
    assert (
        staff_client.get(REPORT_URL, {"period": "articles", "month": f"{month:%Y-%m}"}).status_code
        == 200
    )
    month = (month - timedelta(days=1)).replace(day=1)
    assert (
        staff_client.get(REPORT_URL, {"period": "articles", "month": f"{month:%Y-%m}"}).status_code
        == 400
    )


def test_bad_format_is_a_400(staff_client):
    response = staff_client.get(REPORT_URL, {"period": "articles", "format": "xls"})
    assert response.status_code == 400
    assert "Định dạng không hợp lệ" in response.content.decode()


def test_the_day_and_month_views_link_it(staff_client):
    assert 'href="?period=articles"' in staff_client.get(REPORT_URL).content.decode()
    html = staff_client.get(REPORT_URL, {"period": "year"}).content.decode()
    assert 'href="?period=articles"' in html


@pytest.mark.parametrize("output", ["html", "csv"])
def test_anonymous_and_non_staff_are_sent_to_the_login(client, months, output):
    params = {"period": "articles", "format": output}
    response = client.get(REPORT_URL, params)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    client.force_login(get_user_model().objects.create_user("bandoc"))
    response = client.get(REPORT_URL, params)
    assert response.status_code == 302
    assert "Hội thảo".encode() not in response.content
