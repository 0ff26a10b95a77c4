"""The open-data API: only what the public pages show, JSON and CSV agreeing, CORS, ETag,
throttling, filters with Vietnamese 400s, and a valid OpenAPI schema."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from agency.models import Official, OrgUnit
from documents.models import LegalDocument
from news.models import Article
from tests.support.documents import NATIONAL_LINK, make_legal_document, replaced_pair
from visitors.models import DailyStat

pytestmark = pytest.mark.django_db


def results(response):
    assert response.status_code == 200, response.content[:300]
    return response.json()["results"]


def csv_rows(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


# --- articles -----------------------------------------------------------------------------


def test_articles_never_include_a_draft_or_a_scheduled_article(client, make_article, category):
    shown = make_article(title="Bài đã đăng", category=category)
    make_article(title="Bài nháp", status=Article.Status.DRAFT)
    make_article(title="Bài hẹn giờ", published_at=timezone.now() + timedelta(days=2))
    rows = results(client.get("/api/v1/articles/"))
    assert [r["title"] for r in rows] == ["Bài đã đăng"]
    assert rows[0]["url"].endswith(shown.get_absolute_url())
    assert rows[0]["category"] == "Tin hoạt động"
    assert "body" not in rows[0] and "view_count" not in rows[0]
    draft = Article.objects.get(title="Bài nháp")
    assert client.get(f"/api/v1/articles/{draft.pk}/").status_code == 404


def test_article_filters_by_category_and_dates(client, make_article, category):
    old = make_article(title="Cũ", published_at=timezone.now() - timedelta(days=100))
    make_article(title="Mới", category=category, published_at=timezone.now() - timedelta(days=1))
    assert [
        r["title"] for r in results(client.get("/api/v1/articles/?category=tin-hoat-dong"))
    ] == ["Mới"]
    until = (old.published_at + timedelta(days=1)).date().isoformat()
    assert [r["title"] for r in results(client.get(f"/api/v1/articles/?to={until}"))] == ["Cũ"]
    bad = client.get("/api/v1/articles/?from=2024-02-30")
    assert bad.status_code == 400
    assert "Ngày không hợp lệ" in bad.json()["from"]


def test_articles_json_and_csv_agree(client, make_article, category):
    for _ in range(3):
        make_article(category=category)
    data = results(client.get("/api/v1/articles/"))
    rows = csv_rows(client.get("/api/v1/articles/?format=csv"))
    assert [r["id"] for r in rows] == [str(r["id"]) for r in data]
    assert [r["title"] for r in rows] == [r["title"] for r in data]


def test_csv_cells_never_start_like_a_formula(client, make_article):
    make_article(title='=HYPERLINK("http://evil.example","x")')
    rows = csv_rows(client.get("/api/v1/articles/?format=csv"))
    assert rows[0]["title"] == '\'=HYPERLINK("http://evil.example","x")'


def test_articles_carry_etag_last_modified_cors_and_answer_304(client, make_article):
    make_article()
    first = client.get("/api/v1/articles/")
    assert first["Access-Control-Allow-Origin"] == "*"
    assert first["ETag"] and first["Last-Modified"]
    again = client.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    make_article(title="Bài mới hơn")
    assert client.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_the_api_refuses_writes(client):
    response = client.post("/api/v1/articles/", {"title": "x"})
    assert response.status_code == 405
    assert response.json()["detail"] == "Dịch vụ dữ liệu mở chỉ cho phép đọc (GET)."
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "url,headers,status,message",
    [
        ("/api/v1/articles/?page=abc", {}, 404, "Trang không hợp lệ."),
        ("/api/v1/articles/999999/", {}, 404, "Không tìm thấy dữ liệu yêu cầu."),
        ("/api/v1/articles/", {"HTTP_ACCEPT": "application/xml"}, 406, "chỉ nhận JSON hoặc CSV"),
    ],
)
def test_refusals_are_in_vietnamese(client, url, headers, status, message):
    response = client.get(url, **headers)
    assert response.status_code == status
    assert message in response.json()["detail"]


# --- documents ----------------------------------------------------------------------------


@pytest.fixture
def documents():
    new, old = replaced_pair(old_field="")  # the field filter must leave the old one out
    hidden = make_legal_document("9/NB", kind="thong-bao", is_public=False)
    return new, old, hidden


def test_documents_never_include_a_non_public_one(client, documents):
    new, old, hidden = documents
    rows = results(client.get("/api/v1/documents/"))
    assert {r["number"] for r in rows} == {new.number, old.number}
    by_number = {r["number"]: r for r in rows}
    assert by_number[old.number]["replaced_by"] == new.pk
    assert by_number[old.number]["status_label"] == "Bị thay thế"
    assert by_number[new.number]["national_database_url"] == NATIONAL_LINK
    assert client.get(f"/api/v1/documents/{hidden.pk}/").status_code == 404


def test_a_hidden_replacement_is_not_revealed(client, documents):
    new, old, _ = documents
    LegalDocument.objects.filter(pk=new.pk).update(is_public=False)
    assert results(client.get("/api/v1/documents/"))[0]["replaced_by"] is None


@pytest.mark.parametrize(
    "query,numbers",
    [
        ("status=con-hieu-luc", {"25/2023/QĐ-UBND"}),
        ("year=2018", {"12/2018/QĐ-UBND"}),
        ("field=Khoa học và công nghệ", {"25/2023/QĐ-UBND"}),
        ("kind=thong-bao", set()),
        ("from=2020-01-01&to=2024-01-01", {"25/2023/QĐ-UBND"}),
    ],
)
def test_document_filters(client, documents, query, numbers):
    assert {r["number"] for r in results(client.get(f"/api/v1/documents/?{query}"))} == numbers


@pytest.mark.parametrize(
    "query,key,message",
    [
        ("status=abc", "status", "Tình trạng hiệu lực không hợp lệ"),
        ("kind=abc", "kind", "Loại văn bản không hợp lệ"),
        ("year=20x4", "year", "Năm không hợp lệ"),
    ],
)
def test_bad_document_filter_is_a_400_in_vietnamese(client, documents, query, key, message):
    response = client.get(f"/api/v1/documents/?{query}")
    assert response.status_code == 400
    assert message in response.json()[key]


def test_documents_csv_agrees_with_json(client, documents):
    data = results(client.get("/api/v1/documents/"))
    rows = csv_rows(client.get("/api/v1/documents/?format=csv"))
    assert [(r["number"], r["status"]) for r in rows] == [(d["number"], d["status"]) for d in data]


# --- units and officials ------------------------------------------------------------------


@pytest.fixture
def agency():
    dept = OrgUnit.objects.create(name="Sở Khoa học và Công nghệ", slug="so", functions="Tham mưu.")
    office = OrgUnit.objects.create(
        name="Văn phòng Sở", slug="van-phong", parent=dept, phone="0206 3852 123"
    )
    official = Official.objects.create(
        full_name="Nông Thị Thử",
        position="Chánh Văn phòng",
        position_en="Chief of Office",
        unit=office,
        phone="0206 3852 124",
        email="thu@caobang.gov.vn",
        is_contact_point=True,
    )
    return dept, office, official


def test_units_list_the_departments_structure(client, agency):
    dept, office, _ = agency
    rows = results(client.get("/api/v1/units/"))
    assert {r["slug"]: r["parent"] for r in rows} == {"so": None, "van-phong": dept.pk}
    assert rows[1]["phone"] == "0206 3852 123" or rows[0]["phone"] == "0206 3852 123"


def test_officials_give_public_fields_only(client, agency):
    _, office, official = agency
    rows = results(client.get("/api/v1/officials/"))
    assert len(rows) == 1
    # Every column of an official but the photo (never published) and the display order,
    # plus the unit's name: a column added to the model must be decided on here.
    columns = {field.name for field in Official._meta.concrete_fields}
    assert {"photo", "order"} <= columns
    assert set(rows[0]) == (columns - {"photo", "order"}) | {"unit_name"}
    assert rows[0]["unit_name"] == "Văn phòng Sở"
    assert results(client.get(f"/api/v1/officials/?unit={office.pk + 100}")) == []
    assert client.get("/api/v1/officials/?unit=x").status_code == 400


# --- honours ------------------------------------------------------------------------------


def test_honours_show_only_honoured_awards_of_public_periods(
    client, honoured, reviewed, make_individual, make_collective, period
):
    decision, nominations = honoured(
        make_individual("Hoàng Văn Vinh"), make_collective("Tổ Đo lường")
    )
    reviewed(make_individual("Chưa Có Quyết Định"))
    rows = results(client.get("/api/v1/honours/"))
    assert {r["name"] for r in rows} == {"Hoàng Văn Vinh", "Tổ Đo lường"}
    row = next(r for r in rows if r["name"] == "Hoàng Văn Vinh")
    vinh = next(n for n in nominations if str(n.candidate) == "Hoàng Văn Vinh")
    # The public fields and nothing else, each with the honoured nomination's value.
    assert row == {
        "id": vinh.pk,
        "name": "Hoàng Văn Vinh",
        "kind": vinh.candidate_kind,
        "unit": vinh.unit.name,
        "award_form": vinh.award_form.name,
        "year": vinh.year,
        "period": vinh.period.name,
        "decision_number": decision.number,
        "decision_signed_on": decision.signed_on.isoformat(),
        "decision_issuing_body": decision.issuing_body,
    }
    assert row["decision_number"] == decision.number and row["year"] == 2017
    collectives = results(client.get("/api/v1/honours/?kind=collective"))
    assert [r["name"] for r in collectives] == ["Tổ Đo lường"]
    assert results(client.get("/api/v1/honours/?year=2016")) == []
    period.is_public = False
    period.save()
    assert results(client.get("/api/v1/honours/")) == []


# --- statistics ---------------------------------------------------------------------------


def test_statistics_give_daily_sums_and_csv_agrees(client):
    from core.readers import local_today

    today = local_today()
    DailyStat.objects.create(day=today, slot=0, visits=3, pageviews=7, visitors=2)
    DailyStat.objects.create(day=today, slot=1, visits=1, pageviews=1, visitors=1)
    data = client.get("/api/v1/statistics/").json()
    assert len(data) == 30
    assert data[-1] == {"day": today.isoformat(), "visits": 4, "pageviews": 8}
    rows = csv_rows(client.get("/api/v1/statistics/?format=csv"))
    assert rows[-1] == {"day": today.isoformat(), "visits": "4", "pageviews": "8"}
    assert "visitors" not in data[-1]


@pytest.mark.parametrize(
    "query,message",
    [
        ("from=2020-01-01&to=2024-01-01", "tối đa 366 ngày"),
        ("from=2024-02-01&to=2024-01-01", "phải trước"),
        ("to=hôm-nay", "Ngày không hợp lệ"),
    ],
)
def test_bad_statistics_range_is_a_400(client, query, message):
    response = client.get(f"/api/v1/statistics/?{query}")
    assert response.status_code == 400
    assert message in json.dumps(response.json(), ensure_ascii=False)


# --- the whole API ------------------------------------------------------------------------


def test_throttled_per_client_address(client, settings):
    from rest_framework.settings import api_settings
    from rest_framework.throttling import SimpleRateThrottle

    SimpleRateThrottle.THROTTLE_RATES = {**api_settings.DEFAULT_THROTTLE_RATES, "client": "3/min"}
    try:
        codes = [
            client.get("/api/v1/units/", REMOTE_ADDR="203.0.113.9").status_code for _ in range(4)
        ]
        assert codes == [200, 200, 200, 429]
        refused = client.get("/api/v1/units/", REMOTE_ADDR="203.0.113.9")
        assert "Quá nhiều yêu cầu" in refused.json()["detail"]
        assert client.get("/api/v1/units/", REMOTE_ADDR="203.0.113.10").status_code == 200
    finally:
        SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES


def test_schema_validates():
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")


@pytest.mark.parametrize("query", ["", "?lang=%ff", "?version=x", "?format=json"])
def test_schema_is_served_whatever_the_query(client, query):
    response = client.get(f"/api/schema/{query}")
    assert response.status_code == 200
    text = response.content.decode()
    assert "/api/v1/honours/" in text and "openapi" in text
    assert "/api/schema/" not in text


def test_catalogue_lists_datasets_with_licence_and_frequency(client):
    html = client.get("/api/").content.decode()
    for text in ["/api/v1/articles/", "/api/v1/honours/", "/api/v1/statistics/", "CC BY 4.0"]:
        assert text in html
    assert "Tần suất cập nhật" in html and "Hằng ngày" in html
    assert client.get("/api/schema/").status_code == 200


def test_browsable_api_root_lists_the_endpoints(client):
    response = client.get("/api/v1/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert "/api/v1/documents/" in response.content.decode()
