"""The staff report of the visitor statistics (shown in the admin, see ``admin.py``)."""

import csv
from datetime import timedelta

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from core.readers import local_today
from core.spreadsheets import spreadsheet_text
from visitors.charts import daily_chart, period_chart
from visitors.selectors import (
    counted_years,
    daily_totals,
    monthly_totals,
    top_articles,
    top_articles_in_month,
    yearly_totals,
)

REPORT_PERIODS = (30, 90, 365)
TOP_MONTHS = 24  # months offered by "top articles per month", the current one first
TOP_LIMIT = 20
TOP_CSV_HEADERS = ["Hạng", "Bài viết", "Địa chỉ", "Lượt xem trong tháng"]
CSV_HEADERS = ["Ngày", "Lượt truy cập", "Lượt xem trang", "Khách"]
# period: (first CSV header, label format of a row, of a chart label)
GROUPINGS = {
    "month": ("Tháng", "%m/%Y", "%m/%Y"),
    "year": ("Năm", "%Y", "%Y"),
}


def _bad_request(message):
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


@staff_member_required
def report(request, extra_context=None):
    """Visits and page views per day over 30, 90 or 365 days: chart, table, CSV, top articles.

    ``?period=month&year=YYYY`` and ``?period=year`` show the sums per month and per year;
    ``?period=articles&month=YYYY-MM`` the articles most viewed in a month.
    """
    period = request.GET.get("period", "day")
    if period in GROUPINGS:
        return _grouped_report(request, period, extra_context)
    if period == "articles":
        return _top_articles_report(request, extra_context)
    if period != "day":
        return _bad_request(
            "Kiểu thống kê không hợp lệ: chỉ chọn theo ngày, tháng, năm "
            "hoặc bài xem nhiều theo tháng."
        )
    raw_days = request.GET.get("days", "30")
    if raw_days not in {str(n) for n in REPORT_PERIODS}:
        return _bad_request("Khoảng thời gian không hợp lệ: chỉ chọn 30, 90 hoặc 365 ngày.")
    days = int(raw_days)
    output = request.GET.get("format", "html")
    if output not in {"html", "csv"}:
        return _bad_request("Định dạng không hợp lệ: chỉ nhận html hoặc csv.")
    end = local_today()
    rows = daily_totals(start=end - timedelta(days=days - 1), end=end)
    if output == "csv":
        filename = f"thong-ke-truy-cap-{days}-ngay-{end:%Y%m%d}.csv"
        return _csv_response(rows, filename=filename, first_header="Ngày", day_format="%d/%m/%Y")
    context = {
        "title": "Thống kê truy cập",
        "days": days,
        "periods": REPORT_PERIODS,
        "rows": list(reversed(rows)),
        "chart": daily_chart(rows),
        "chart_title": f"Lượt truy cập và lượt xem trang theo ngày, {days} ngày gần nhất",
        **_sums(rows),
        "top_articles": top_articles(limit=10),
        **(extra_context or {}),
    }
    return TemplateResponse(request, "visitors/report.html", context)


def _grouped_report(request, period, extra_context):
    """The report's sums per month of one year, or per year."""
    output = request.GET.get("format", "html")
    if output not in {"html", "csv"}:
        return _bad_request("Định dạng không hợp lệ: chỉ nhận html hoặc csv.")
    today = local_today()
    years = counted_years(today=today)
    year = None
    if period == "month":
        raw_year = request.GET.get("year", str(today.year))
        if not (raw_year.isdigit() and int(raw_year) in years):
            return _bad_request(
                "Năm không hợp lệ: chỉ chọn một năm có số liệu ("
                + ", ".join(str(y) for y in years)
                + ")."
            )
        year = int(raw_year)
        rows = monthly_totals(year=year, today=today)
    else:
        rows = yearly_totals(today=today)
    header, row_format, chart_format = GROUPINGS[period]
    if output == "csv":
        suffix = f"theo-thang-{year}" if year else "theo-nam"
        filename = f"thong-ke-truy-cap-{suffix}-{today:%Y%m%d}.csv"
        return _csv_response(rows, filename=filename, first_header=header, day_format=row_format)
    context = {
        "title": "Thống kê truy cập",
        "period": period,
        "period_header": header,
        "row_format": row_format,
        "year": year,
        "years": years,
        "rows": [(row.day.strftime(row_format), row) for row in rows],
        "chart": period_chart(rows, label_format=chart_format),
        "chart_title": "Lượt truy cập và lượt xem trang "
        + (f"theo tháng năm {year}" if period == "month" else "theo năm"),
        **_sums(rows),
        **(extra_context or {}),
    }
    return TemplateResponse(request, "visitors/report_grouped.html", context)


def _sums(rows):
    return {
        "sum_visits": sum(r.visits for r in rows),
        "sum_pageviews": sum(r.pageviews for r in rows),
        "sum_visitors": sum(r.visitors for r in rows),
    }


def _csv_response(rows, *, filename, first_header, day_format):
    """The rows as a spreadsheet-friendly CSV download (first column: the day or period)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    add_never_cache_headers(response)  # staff-only figures: no shared cache keeps a copy
    response.write("\ufeff")  # a byte order mark, so that Excel reads UTF-8
    writer = csv.writer(response)
    writer.writerow([first_header, *CSV_HEADERS[1:]])
    for row in rows:
        writer.writerow([row.day.strftime(day_format), row.visits, row.pageviews, row.visitors])
    return response


def recent_months(today, count=TOP_MONTHS):
    """The first days of the last ``count`` months, the current one first."""
    months, month = [], today.replace(day=1)
    for _ in range(count):
        months.append(month)
        month = (month - timedelta(days=1)).replace(day=1)
    return months


def _top_articles_report(request, extra_context):
    """The articles most viewed in one of the last 24 months: a table and a CSV."""
    output = request.GET.get("format", "html")
    if output not in {"html", "csv"}:
        return _bad_request("Định dạng không hợp lệ: chỉ nhận html hoặc csv.")
    today = local_today()
    months = recent_months(today)
    choices = {f"{m:%Y-%m}": m for m in months}
    raw_month = request.GET.get("month", f"{months[0]:%Y-%m}")
    if raw_month not in choices:
        return _bad_request(
            f"Tháng không hợp lệ: chỉ chọn một trong {TOP_MONTHS} tháng gần nhất, "
            f"từ {months[-1]:%m/%Y} đến {months[0]:%m/%Y} (dạng YYYY-MM)."
        )
    month = choices[raw_month]
    articles = top_articles_in_month(month=month, limit=TOP_LIMIT)
    if output == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"bai-xem-nhieu-thang-{month:%m-%Y}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        add_never_cache_headers(response)  # staff-only figures: no shared cache keeps a copy
        response.write("\ufeff")  # a byte order mark, so that Excel reads UTF-8
        writer = csv.writer(response)
        writer.writerow(TOP_CSV_HEADERS)
        for rank, article in enumerate(articles or [], start=1):
            writer.writerow(
                [
                    rank,
                    spreadsheet_text(str(article)),
                    request.build_absolute_uri(article.get_absolute_url()),
                    article.month_views,
                ]
            )
        return response
    context = {
        "title": "Bài viết xem nhiều theo tháng",
        "period": "articles",
        "month": month,
        "month_value": raw_month,
        "months": [(f"{m:%Y-%m}", f"{m:%m/%Y}") for m in months],
        "articles": articles,
        "has_source": articles is not None,
        "limit": TOP_LIMIT,
        **(extra_context or {}),
    }
    return TemplateResponse(request, "visitors/report_top_articles.html", context)
