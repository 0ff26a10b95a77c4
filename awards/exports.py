"""Exports for the council: nominations and decisions as Excel (.xlsx) and CSV.

Headers are Vietnamese, the Excel header row is bold, frozen and has an auto-filter, column
widths fit the content, and dates are real dates (shown dd/mm/yyyy) that sort and filter;
the CSV writes them dd/mm/yyyy. A cell that starts like a formula (= + - @, also after
leading spaces, and their full-width forms ＝ ＋ － ＠ that spreadsheets read as the same)
is written as text, so an export opened in a spreadsheet never runs something typed into a
name or a summary. File names carry the period and the day of the export. Exports hold
personal data: every answer says ``Cache-Control: no-store`` (no proxy or browser cache
keeps a copy).
"""

import csv
import datetime
import io

from django.db.models import Count
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from awards.models import Stage
from core.spreadsheets import spreadsheet_text

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_COLUMN_WIDTH = 60


def _date(value):
    return value or None


def _datetime(value):
    """A naive local datetime: spreadsheets have no time zones."""
    return timezone.localtime(value).replace(tzinfo=None) if value else None


def today_suffix():
    return f"{timezone.localdate():%Y-%m-%d}"


NOMINATION_HEADERS = [
    "STT",
    "Giai đoạn",
    "Năm xét",
    "Loại đối tượng",
    "Tập thể / cá nhân",
    "Chức vụ",
    "Đơn vị",
    "Khối thi đua",
    "Hình thức khen thưởng",
    "Bước",
    "Ngày đăng ký",
    "Ngày giới thiệu",
    "Ngày bình xét",
    "Số quyết định",
    "Ngày quyết định",
    "Số tờ trình",
    "Lý do không được chọn",
    "Tóm tắt thành tích",
    "Phiếu đồng ý",
    "Phiếu không đồng ý",
    "Ý kiến văn bản đồng ý",
    "Ý kiến văn bản không đồng ý",
    "Số thành viên Hội đồng",
]

DECISION_HEADERS = [
    "STT",
    "Số quyết định",
    "Ngày ký",
    "Cấp quyết định",
    "Người, cơ quan quyết định",
    "Người ký",
    "Chức vụ",
    "Hình thức khen thưởng",
    "Số tập thể",
    "Số cá nhân",
    "Danh sách được khen thưởng",
]


def nomination_rows(nominations):
    nominations = nominations.select_related(
        "period", "award_form", "unit__block", "collective", "individual", "decision", "proposal"
    ).prefetch_related("conclusions__meeting")
    for index, n in enumerate(nominations, start=1):
        conclusion = max(n.conclusions.all(), key=lambda c: c.meeting.held_on, default=None)
        votes = (
            [
                conclusion.votes_for,
                conclusion.votes_against,
                conclusion.written_for,
                conclusion.written_against,
                conclusion.meeting.members_total,
            ]
            if conclusion
            else [None] * 5
        )
        yield [
            index,
            n.period.name,
            n.year,
            n.get_candidate_kind_display(),
            str(n.candidate),
            n.individual.position if n.individual_id else "",
            n.unit.name,
            n.unit.block.name,
            n.award_form.name,
            Stage(n.stage).label,
            _datetime(n.registered_at),
            _datetime(n.introduced_at),
            _datetime(n.reviewed_at),
            n.decision.number if n.decision_id else "",
            _date(n.decision.signed_on) if n.decision_id else "",
            n.proposal.number if n.proposal_id else "",
            n.rejection_reason,
            n.achievements,
            *votes,
        ]


def decision_rows(decisions):
    decisions = decisions.prefetch_related(
        "nominations__collective", "nominations__individual", "nominations__award_form"
    )
    for index, d in enumerate(decisions, start=1):
        honoured = list(d.nominations.all())
        collectives = [n for n in honoured if n.collective_id]
        individuals = [n for n in honoured if n.individual_id]
        yield [
            index,
            d.number,
            _date(d.signed_on),
            d.get_issuing_level_display(),
            d.issuing_body,
            d.signer,
            d.signer_position,
            "; ".join(sorted({n.award_form.name for n in honoured})),
            len(collectives),
            len(individuals),
            "; ".join(str(n.candidate) for n in collectives + individuals),
        ]


def _safe(value):
    """Plain text a spreadsheet shows as typed: no formula, no control characters."""
    return spreadsheet_text(value)


def statistics_rows(nominations):
    """Honoured rows counted per year × award form × unit, the period page's statistics."""
    counts = (
        nominations.filter(stage=Stage.HONOURED)
        .values("year", "award_form__name", "award_form__order", "unit__name", "unit__order")
        .annotate(n=Count("pk"))
        .order_by("year", "award_form__order", "unit__order", "unit__name")
    )
    for row in counts:
        yield [row["year"], row["award_form__name"], row["unit__name"], row["n"]]


STATISTICS_HEADERS = ["Năm", "Hình thức khen thưởng", "Đơn vị", "Số được khen thưởng"]


def _fill_sheet(sheet, headers, rows):
    sheet.append(headers)
    widths = [len(h) for h in headers]
    for row in rows:
        row = [_safe(v) for v in row]
        sheet.append(row)
        for i, value in enumerate(row):
            if isinstance(value, datetime.datetime):
                sheet.cell(row=sheet.max_row, column=i + 1).number_format = "DD/MM/YYYY HH:MM"
                longest = 16
            elif isinstance(value, datetime.date):
                sheet.cell(row=sheet.max_row, column=i + 1).number_format = "DD/MM/YYYY"
                longest = 10
            else:
                longest = max((len(line) for line in str(value).splitlines()), default=0)
            widths[i] = max(widths[i], longest)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(width + 2, MAX_COLUMN_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def xlsx_response(*, headers, rows, title, filename, extra_sheets=()):
    """An .xlsx answer; ``extra_sheets``: (title, headers, rows) of further sheets."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    _fill_sheet(sheet, headers, rows)
    for extra_title, extra_headers, extra_rows in extra_sheets:
        _fill_sheet(workbook.create_sheet(extra_title[:31]), extra_headers, extra_rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    add_never_cache_headers(response)  # personal data: no cache keeps a copy
    return response


def _csv_value(value):
    if isinstance(value, datetime.datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    return value


def csv_response(*, headers, rows, filename):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # BOM: spreadsheet programs then read the file as UTF-8
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_value(_safe(v)) for v in row])
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    add_never_cache_headers(response)  # personal data: no cache keeps a copy
    return response


def _export(fmt, *, headers, rows, title, filename, extra_sheets=()):
    """An .xlsx (``fmt == "xlsx"``) or .csv download of ``rows`` under ``headers``."""
    if fmt == "xlsx":
        return xlsx_response(
            headers=headers,
            rows=rows,
            title=title,
            filename=f"{filename}.xlsx",
            extra_sheets=extra_sheets,
        )
    return csv_response(headers=headers, rows=rows, filename=f"{filename}.csv")


def _exporter(*, headers, rows, title, stem, extra_sheets=None):
    """An export ``(records, fmt, *, filename=None)``: ``rows(records)`` under ``headers``,
    named ``filename`` or ``<stem>-<today>``; an .xlsx adds ``extra_sheets(records)``."""

    def export(records, fmt, *, filename=None):
        return _export(
            fmt,
            headers=headers,
            rows=rows(records),
            title=title,
            filename=filename or f"{stem}-{today_suffix()}",
            extra_sheets=extra_sheets(records) if extra_sheets and fmt == "xlsx" else (),
        )

    return export


nominations_export = _exporter(
    headers=NOMINATION_HEADERS,
    rows=nomination_rows,
    title="Hồ sơ đề nghị",
    stem="ho-so-de-nghi",
    extra_sheets=lambda nominations: [
        ("Thống kê", STATISTICS_HEADERS, statistics_rows(nominations))
    ],
)
decisions_export = _exporter(
    headers=DECISION_HEADERS,
    rows=decision_rows,
    title="Quyết định khen thưởng",
    stem="quyet-dinh-khen-thuong",
)
