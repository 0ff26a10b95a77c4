"""The public agency pages answer an inspector's questions (Nghị định 42/2022, Điều 4 k1)."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from agency.models import Disclosure, Official, OrgUnit
from tests.sitemaps import sitemap_locations

pytestmark = pytest.mark.django_db


def test_about_page_has_functions_chart_leaders_and_every_unit(client, agency_demo):
    html = client.get("/gioi-thieu/").content.decode()
    assert "Chức năng, nhiệm vụ" in html
    assert "cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Cao Bằng" in html
    chart = html.split("data-chart", 1)[1].split("</div>", 1)[0]
    for unit in OrgUnit.objects.filter(parent__isnull=False):
        assert unit.name in chart
        assert unit.get_absolute_url() in chart
    assert "Lãnh đạo Sở" in html
    for leader in Official.objects.filter(is_leader=True):
        assert leader.full_name in html
    assert "(dữ liệu mẫu)" in html  # invented people say so


def test_each_unit_has_its_own_page_with_its_tasks(client, agency_demo):
    for unit in OrgUnit.objects.filter(parent__isnull=False):
        html = client.get(unit.get_absolute_url()).content.decode()
        assert f"<h1>{unit.name}</h1>" in html
        assert unit.function_paragraphs()[0] in html
    assert client.get("/gioi-thieu/khong-co-don-vi-nay/").status_code == 404


def test_contact_page_shows_the_five_fields_and_every_units_phone(client, agency_demo):
    html = client.get("/lien-he/").content.decode()
    contact = Official.objects.get(is_contact_point=True)
    card = html.split(f'data-official="{contact.pk}"', 1)[1].split("</dl>", 1)[0]
    for value in [contact.full_name, contact.position, contact.unit.name, contact.phone]:
        assert value in card
    assert f'href="mailto:{contact.email}"' in card
    assert 'href="tel:+842063852649"' in card
    for unit in OrgUnit.objects.filter(parent__isnull=False):
        row = html.split(f'data-unit="{unit.slug}"', 1)[1].split("</tr>", 1)[0]
        assert unit.phone in row and f'href="mailto:{unit.email}"' in row
        assert 'href="tel:+84' in row


def test_procedures_are_grouped_by_field_and_link_the_portal(client, agency_demo):
    html = client.get("/thu-tuc-hanh-chinh/").content.decode()
    assert "<h2" in html and "Hoạt động khoa học và công nghệ</h2>" in html
    assert "Tiêu chuẩn, đo lường, chất lượng</h2>" in html
    assert html.count('href="https://dichvucong.gov.vn/"') == 7
    assert "Toàn trình" in html and "Một phần" in html


def test_disclosures_are_listed_by_year_with_their_files(client, agency_demo):
    html = client.get("/cong-khai/").content.decode()
    assert html.index("Năm 2026") < html.index("Năm 2025")
    for label in ["Kế hoạch năm", "Báo cáo tài chính năm", "Công khai ngân sách", "Thống kê"]:
        assert label in html
    item = Disclosure.objects.get(title="Báo cáo tài chính năm 2025")
    assert f'href="{item.file.url}"' in html
    with item.file.open("rb") as stored:
        assert stored.read(4) == b"%PDF"


def test_disclosure_file_must_really_be_a_document(agency_demo):
    from django.core.exceptions import ValidationError

    item = Disclosure(kind="thong_ke", year=2024, title="Thống kê 2024")
    item.file = SimpleUploadedFile("bao-cao.pdf", b"<html><script>alert(1)</script>")
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "không đúng định dạng PDF" in str(error.value)


def test_footer_contact_comes_from_the_department_record(client, agency_demo):
    department = OrgUnit.objects.get(parent__isnull=True)
    department.phone = "0206.3999.111"
    department.save()
    html = client.get("/").content.decode()
    footer = html.split('<footer class="site-footer"', 1)[1]
    assert "0206.3999.111" in footer and 'href="tel:+842063999111"' in footer
    assert "0206.3852.648" not in footer


def test_footer_falls_back_without_agency_data(client, db):
    html = client.get("/lien-he/").content.decode()
    assert "Hoàng Đình Giong" in html.split('<footer class="site-footer"', 1)[1]
    assert "Chưa cập nhật." in html


def test_vietnamese_pages_link_to_english_and_stay_vietnamese(client, agency_demo):
    html = client.get("/gioi-thieu/").content.decode()
    assert '<html lang="vi">' in html
    assert re.search(r'<a class="site-language" href="/en/"[^>]*>English</a>', html)
    assert "Trang chủ" in html and "Đăng nhập" in html


def test_sitemap_lists_the_agency_pages_and_each_unit(client, agency_demo):
    paths = {urlsplit(location).path for location in sitemap_locations(client)}
    for path in ["/gioi-thieu/", "/lien-he/", "/thu-tuc-hanh-chinh/", "/cong-khai/", "/en/"]:
        assert path in paths, path
    for unit in OrgUnit.objects.filter(parent__isnull=False):
        assert unit.get_absolute_url() in paths


def test_error_pages_without_a_database_keep_the_footer_contact(rf):
    from portal import views

    response = views._render_without_database("503.html", 503)
    html = response.content.decode()
    assert "Hoàng Đình Giong" in html and "0206.3852.648" in html
