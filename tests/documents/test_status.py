"""Điều 4 k1 a: a document's status with dates, what replaces it, its field, the national link."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from documents.models import LegalDocument
from tests.support.documents import legal_document, make_legal_document, replaced_pair
from tests.support.models import assert_refused_by_validation_and_database
from tests.support.pages import assert_found_not_missing

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    new, old = replaced_pair()
    expired = make_legal_document(
        "3/2019/QĐ-UBND",
        issued_on=datetime.date(2019, 1, 2),
        status=LegalDocument.Status.EXPIRED,
        expired_on=datetime.date(2021, 1, 1),
        field="Tiêu chuẩn đo lường chất lượng",
    )
    return new, old, expired


def test_document_page_shows_status_dates_replacement_field_and_national_link(client, chain):
    new, old, _ = chain
    html = client.get(old.get_absolute_url()).content.decode()
    assert "Bị thay thế từ ngày 15/05/2023" in html
    assert f'href="{new.get_absolute_url()}"' in html
    assert "Khoa học và công nghệ" in html
    html = client.get(new.get_absolute_url()).content.decode()
    assert "Còn hiệu lực" in html
    assert "Thay thế văn bản" in html and f'href="{old.get_absolute_url()}"' in html
    assert 'href="https://vbpl.vn/caobang/Pages/vbpq-toanvan.aspx?ItemID=1"' in html


def test_a_hidden_replacing_document_is_not_linked(client, chain):
    new, old, _ = chain
    LegalDocument.objects.filter(pk=new.pk).update(is_public=False)
    html = client.get(old.get_absolute_url()).content.decode()
    assert "Được thay thế bởi" not in html
    assert new.get_absolute_url() not in html


@pytest.mark.parametrize(
    "query,found,missing",
    [
        ("status=con-hieu-luc", "25/2023/QĐ-UBND", "12/2018/QĐ-UBND"),
        ("status=bi-thay-the", "12/2018/QĐ-UBND", "3/2019/QĐ-UBND"),
        ("status=het-hieu-luc", "3/2019/QĐ-UBND", "25/2023/QĐ-UBND"),
        ("field=Tiêu+chuẩn+đo+lường+chất+lượng", "3/2019/QĐ-UBND", "12/2018/QĐ-UBND"),
        ("field=Khoa+học+và+công+nghệ&status=con-hieu-luc", "25/2023/QĐ-UBND", "12/2018/QĐ-UBND"),
    ],
)
def test_list_filters_by_status_and_field(client, chain, query, found, missing):
    assert_found_not_missing(client, f"/van-ban/?{query}", found, missing)


@pytest.mark.parametrize(
    "query,notice",
    [
        ("status=abc", "Tình trạng hiệu lực không hợp lệ"),
        ("field=Không+có", "Lĩnh vực không hợp lệ"),
    ],
)
def test_bad_status_or_field_is_dropped_with_a_notice(client, chain, query, notice):
    response = client.get(f"/van-ban/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert notice in html
    assert ">25/2023/QĐ-UBND</a>" in html and ">3/2019/QĐ-UBND</a>" in html


def test_list_shows_status_column_and_field_options(client, chain):
    html = client.get("/van-ban/").content.decode()
    assert "Tình trạng" in html
    assert "Hết hiệu lực (01/01/2021)" in html
    assert '<option value="Tiêu chuẩn đo lường chất lượng"' in html


def test_expired_or_replaced_needs_an_end_date():
    document = legal_document("1/QĐ", status=LegalDocument.Status.EXPIRED)
    assert_refused_by_validation_and_database(document, "ngày hết hiệu lực")


def test_replaced_by_only_when_status_is_replaced(chain):
    new, _, expired = chain
    expired.replaced_by = new
    assert_refused_by_validation_and_database(expired, "Bị thay thế")


def test_replaced_status_needs_the_replacing_document_and_not_itself(chain):
    new, old, _ = chain
    old.replaced_by = None
    with pytest.raises(ValidationError, match="Hãy chọn văn bản thay thế"):
        old.full_clean()
    old.replaced_by = old
    with pytest.raises(ValidationError, match="chính nó"):
        old.full_clean()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://vbpl.vn/x", "vbpl.vn/x"])
def test_national_link_must_be_http_or_https(chain, url):
    new, _, _ = chain
    new.national_database_url = url
    with pytest.raises(ValidationError) as error:
        new.full_clean()
    assert "national_database_url" in error.value.message_dict


def test_new_kinds_for_reports_and_budget():
    assert LegalDocument.Kind("bao-cao").label == "Báo cáo"
    assert LegalDocument.Kind("cong-khai-ngan-sach").label == "Công khai ngân sách"
