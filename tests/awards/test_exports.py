"""Exports for the council: Excel files opened back with openpyxl, CSV with a BOM."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from awards import services
from awards.exports import DECISION_HEADERS, NOMINATION_HEADERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(honoured, register, make_individual, make_collective, secretary):
    decision, honoured_rows = honoured(
        make_individual("Hoàng Văn Hùng"), make_collective("Phòng Quản lý khoa học")
    )
    waiting = register(make_individual("Nông Thị Thu Hương"))
    rejected = register(make_individual('=HYPERLINK("http://x")'))
    services.nomination_reject(nomination=rejected, reason="Không đủ điều kiện", by=secretary)
    return decision, honoured_rows, waiting, rejected


def open_xlsx(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "attachment" in response["Content-Disposition"]
    return load_workbook(io.BytesIO(response.content)).active


def _shown(value):
    """A cell as the spreadsheet shows it: dates as dd/mm/yyyy (hh:mm)."""
    if isinstance(value, datetime.datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    return str(value or "")


def test_nominations_xlsx_has_vietnamese_headers_fitting_widths_and_every_row(
    secretary_client, records, period
):
    sheet = open_xlsx(
        secretary_client.get(f"/dien-hinh-tien-tien/xuat/de-cu.xlsx?period={period.pk}")
    )
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == NOMINATION_HEADERS
    assert "Tóm tắt thành tích" in rows[0] and "Số quyết định" in rows[0]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert len(rows) == 1 + 4
    names = [row[4] for row in rows[1:]]
    assert "Hoàng Văn Hùng" in names and "Nông Thị Thu Hương" in names
    honoured_row = next(row for row in rows[1:] if row[4] == "Hoàng Văn Hùng")
    assert honoured_row[13] == "45/QĐ-SKHCN"
    assert honoured_row[14] == datetime.datetime(2017, 9, 8)  # a real date, shown dd/mm/yyyy
    # Each column is at least as wide as its longest value (capped for long summaries).
    for index, header in enumerate(rows[0], start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        longest = max(len(_shown(row[index - 1])) for row in rows)
        assert sheet.column_dimensions[letter].width >= min(longest, 60), header


def test_a_formula_typed_into_a_name_is_exported_as_text(secretary_client, records):
    sheet = open_xlsx(secretary_client.get("/dien-hinh-tien-tien/xuat/de-cu.xlsx"))
    cells = [c for row in sheet.iter_rows() for c in row if "HYPERLINK" in str(c.value)]
    assert cells and all(c.data_type == "s" and c.value.startswith("'=") for c in cells)


def test_nominations_export_filters_by_stage(secretary_client, records, period):
    sheet = open_xlsx(
        secretary_client.get(
            f"/dien-hinh-tien-tien/xuat/de-cu.xlsx?period={period.pk}&stage=honoured"
        )
    )
    rows = list(sheet.iter_rows(values_only=True))[1:]
    assert len(rows) == 2
    assert {row[9] for row in rows} == {"Đã được tôn vinh, khen thưởng"}


def test_nominations_csv_is_utf8_with_bom(secretary_client, records):
    response = secretary_client.get("/dien-hinh-tien-tien/xuat/de-cu.csv?stage=rejected")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == NOMINATION_HEADERS
    assert len(rows) == 2 and rows[1][16] == "Không đủ điều kiện"


def test_decisions_export_lists_who_each_decision_honoured(secretary_client, records):
    sheet = open_xlsx(secretary_client.get("/dien-hinh-tien-tien/xuat/quyet-dinh.xlsx"))
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == DECISION_HEADERS
    assert rows[1][1] == "45/QĐ-SKHCN" and rows[1][2] == datetime.datetime(2017, 9, 8)
    row = dict(zip(DECISION_HEADERS, rows[1], strict=True))
    assert row["Số tập thể"] == 1 and row["Số cá nhân"] == 1
    assert "Hoàng Văn Hùng" in row["Danh sách được khen thưởng"]
    assert row["Người, cơ quan quyết định"] == "Giám đốc Sở Khoa học và Công nghệ tỉnh Cao Bằng"
    csv_rows = list(
        csv.reader(
            io.StringIO(
                secretary_client.get("/dien-hinh-tien-tien/xuat/quyet-dinh.csv").content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert csv_rows[1][1] == "45/QĐ-SKHCN"


@pytest.mark.parametrize(
    "query", ["?stage=khong-co", "?period=abc", "?period=999999", "?period=%00"]
)
def test_invalid_export_filters_get_a_400(secretary_client, records, query):
    response = secretary_client.get(f"/dien-hinh-tien-tien/xuat/de-cu.xlsx{query}")
    assert response.status_code == 400


def test_exports_are_for_council_staff_only(client, records, django_user_model):
    url = "/dien-hinh-tien-tien/xuat/de-cu.xlsx"
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(django_user_model.objects.create_user("khach"))
    assert client.get(url).status_code == 403
    client.force_login(django_user_model.objects.create_user("nhanvien", is_staff=True))
    assert client.get(url).status_code == 403
    assert client.get("/dien-hinh-tien-tien/xuat/quyet-dinh.csv").status_code == 403


def test_unknown_export_format_is_not_found(secretary_client):
    assert secretary_client.get("/dien-hinh-tien-tien/xuat/de-cu.html").status_code == 404


def test_admin_action_exports_the_selected_nominations(secretary_client, records):
    _decision, honoured_rows, _waiting, _rejected = records
    response = secretary_client.post(
        "/admin/awards/nomination/",
        {"action": "export_xlsx", "_selected_action": [n.pk for n in honoured_rows]},
    )
    rows = list(open_xlsx(response).iter_rows(values_only=True))
    assert len(rows) == 3


def test_exports_have_real_dates_an_auto_filter_votes_and_a_dated_file_name(
    secretary_client, records, period
):
    response = secretary_client.get(f"/dien-hinh-tien-tien/xuat/de-cu.xlsx?period={period.pk}")
    today = timezone.localdate()
    assert (
        f'filename="ho-so-de-nghi-{period.slug}-{today:%Y-%m-%d}.xlsx"'
        in (response["Content-Disposition"])
    )
    sheet = open_xlsx(response)
    assert sheet.auto_filter.ref == sheet.dimensions
    header = [c.value for c in sheet[1]]
    date_cell = sheet.cell(row=2, column=header.index("Ngày đăng ký") + 1)
    assert date_cell.is_date and date_cell.number_format == "DD/MM/YYYY HH:MM"
    rows = [
        dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    honoured_row = next(r for r in rows if r["Tập thể / cá nhân"] == "Hoàng Văn Hùng")
    assert honoured_row["Phiếu đồng ý"] == 8 and honoured_row["Số thành viên Hội đồng"] == 9
    csv_text = secretary_client.get(
        "/dien-hinh-tien-tien/xuat/de-cu.csv?stage=honoured"
    ).content.decode("utf-8-sig")
    assert "08/09/2017" in csv_text


def test_the_excel_export_counts_honoured_rows_per_year_form_and_unit(
    secretary_client, records, period
):
    response = secretary_client.get(f"/dien-hinh-tien-tien/xuat/de-cu.xlsx?period={period.pk}")
    sheet = load_workbook(io.BytesIO(response.content))["Thống kê"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Năm", "Hình thức khen thưởng", "Đơn vị", "Số được khen thưởng")
    assert rows[1:] == [(2017, "Giấy khen của Giám đốc Sở", "Phòng Quản lý khoa học", 2)]


@pytest.mark.parametrize(
    "typed",
    [
        " =1+2",
        "  +4455667",
        "\n-7766554",
        "\u3000@SUM(A1)",
        "＝1+2",
        "＋9988776",
        "－6677889",
        "＠SUM(B2)",
        " ＝3*3",
    ],
)
def test_a_formula_behind_spaces_or_in_full_width_signs_is_exported_as_text(
    secretary_client, records, typed
):
    _decision, _rows, waiting, _rejected = records
    waiting.individual.full_name = typed
    waiting.individual.save()
    sheet = open_xlsx(secretary_client.get("/dien-hinh-tien-tien/xuat/de-cu.xlsx"))
    cells = [
        c for row in sheet.iter_rows() for c in row if c.value and typed.strip() in str(c.value)
    ]
    assert cells and all(c.data_type == "s" and c.value.startswith("'") for c in cells)
    text = secretary_client.get("/dien-hinh-tien-tien/xuat/de-cu.csv").content.decode("utf-8-sig")
    values = [v for row in csv.reader(io.StringIO(text)) for v in row if typed.strip() in v]
    assert values and all(v.startswith("'") for v in values)


@pytest.mark.parametrize(
    "url",
    [
        f"/dien-hinh-tien-tien/xuat/{export}.{fmt}"
        for export in ("de-cu", "quyet-dinh")
        for fmt in ("xlsx", "csv")
    ],
)
def test_exports_of_personal_data_are_never_cached(secretary_client, records, url):
    response = secretary_client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_admin_export_action_is_never_cached(secretary_client, records):
    _decision, _rows, waiting, _rejected = records
    response = secretary_client.post(
        "/admin/awards/nomination/",
        {"action": "export_csv", "_selected_action": [waiting.pk]},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
