"""/van-ban/: the fields Nghị định 42/2022 asks for, search without accents, bad input."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.awards.conftest import sitemap_text
from tests.support.documents import make_legal_document
from tests.support.pages import assert_found_not_missing

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def documents(db):
    plan = make_legal_document(
        "3617/KH-UBND",
        kind="ke-hoach",
        issued_on=datetime.date(2015, 12, 15),
        effective_on=datetime.date(2015, 12, 20),
        title="Kế hoạch xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2015-2020",
        file=SimpleUploadedFile("kh.pdf", b"%PDF-1.4 test"),
    )
    letter = make_legal_document(
        "1295/SNV-BTĐKH",
        kind="cong-van",
        issuing_body="Sở Nội vụ tỉnh Cao Bằng",
        issued_on=datetime.date(2016, 7, 14),
        title="Về việc tiếp tục giới thiệu các gương điển hình tiên tiến",
    )
    hidden = make_legal_document("9/NB-SKHCN", kind="thong-bao", is_public=False)
    return plan, letter, hidden


def test_document_list_shows_the_fields_the_decree_requires(client, documents):
    html = client.get("/van-ban/").content.decode()
    for text in [
        "Kế hoạch",
        "Ủy ban nhân dân tỉnh Cao Bằng",
        "3617/KH-UBND",
        "15/12/2015",
        "20/12/2015",
        "Kế hoạch xây dựng và nhân rộng điển hình tiên tiến",
        "Tải về",
        "1295/SNV-BTĐKH",
    ]:
        assert text in html, text
    assert "9/NB-SKHCN" not in html


@pytest.mark.parametrize(
    "query,found,missing",
    [
        ("q=3617", "3617/KH-UBND", "1295/SNV-BTĐKH"),
        ("q=gioi+thieu+cac+guong", "1295/SNV-BTĐKH", "3617/KH-UBND"),  # accents ignored
        ("q=GIỚI+THIỆU", "1295/SNV-BTĐKH", "3617/KH-UBND"),
        ("q=btdkh", "1295/SNV-BTĐKH", "3617/KH-UBND"),  # đ folds to d
        ("kind=cong-van", "1295/SNV-BTĐKH", "3617/KH-UBND"),
        ("year=2015", "3617/KH-UBND", "1295/SNV-BTĐKH"),
    ],
)
def test_document_search_and_filters(client, documents, query, found, missing):
    assert_found_not_missing(client, f"/van-ban/?{query}", found, missing)


def test_document_detail_page_and_hidden_document(client, documents):
    plan, _letter, hidden = documents
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "Ngày hiệu lực" in html and "20/12/2015" in html
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_invalid_filters_are_ignored_with_a_vietnamese_notice(client, documents):
    html = client.get("/van-ban/?kind=khong-co&year=abcd").content.decode()
    assert "Loại văn bản không hợp lệ" in html and "Năm ban hành không hợp lệ" in html
    assert "3617/KH-UBND" in html and "1295/SNV-BTĐKH" in html


@pytest.mark.parametrize(
    "url",
    [
        "/van-ban/?q=%00%00",
        "/van-ban/?q=" + "a" * 5000,
        "/van-ban/?q=<script>alert(1)</script>",
        "/van-ban/?year=99999999999999999999",
        "/van-ban/?year=-1&kind[]=x",
        "/van-ban/?page=abc",
        "/van-ban/?page=-5",
        "/van-ban/?page=99999999999999999999",
        "/van-ban/?q=%25%27%22;--",
        "/van-ban/?kind=%00",
        "/van-ban/99999999999999999999/",
    ],
)
def test_hostile_parameters_never_cause_a_server_error(client, documents, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert b"<script>alert(1)" not in response.content


def test_sitemap_lists_public_documents_only(client, documents):
    plan, _letter, hidden = documents
    xml = sitemap_text(client)
    assert plan.get_absolute_url() in xml
    assert "/van-ban/</loc>" in xml
    assert hidden.get_absolute_url() not in xml


def test_list_paginates_with_the_shared_include_keeping_the_search(client, db):
    for n in range(45):
        make_legal_document(f"{n}/TB-SKHCN", kind="thong-bao")
    html = client.get("/van-ban/?kind=thong-bao&page=2").content.decode()
    assert 'class="pagination-nav"' in html
    assert "kind=thong-bao" in html and "page=3" in html
    assert 'aria-current="page"' in html
