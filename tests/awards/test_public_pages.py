"""Public pages: statistics from records, honour board, candidates, decisions."""

import datetime
import re

import pytest

from awards import services
from awards.models import Period
from tests.sitemaps import sitemap_locations
from tests.support.documents import make_legal_document

pytestmark = pytest.mark.django_db


def stats(client, slug="2015-2020"):
    html = client.get("/dien-hinh-tien-tien/").content.decode()
    section = re.search(rf'data-period="{slug}">(.*?)</section>', html, re.S)
    assert section, f"no section for {slug}"
    return {k: int(v) for k, v in re.findall(r'data-stat="(\w+)">([\d.]+)<', section.group(1))}


def test_statistics_are_counted_from_the_records(
    client, period, register, make_individual, make_collective, secretary
):
    assert stats(client) == dict.fromkeys(stats(client), 0)
    person = register(make_individual())
    register(make_collective())
    assert stats(client)["registered_individuals"] == 1
    assert stats(client)["registered_collectives"] == 1
    assert stats(client)["introduced_individuals"] == 0

    # Change a record: the page changes.
    services.nomination_introduce(nomination=person, block=person.unit.block, by=secretary)
    assert stats(client)["introduced_individuals"] == 1
    assert stats(client)["registered_individuals"] == 1


def test_a_nomination_counts_for_every_stage_it_passed(
    client, honoured, register, make_individual, make_collective, make_meeting, secretary
):
    honoured(make_individual(), make_collective())
    at_council = register(make_individual())
    services.nomination_introduce(nomination=at_council, block=at_council.unit.block, by=secretary)
    services.council_meeting_record(
        meeting=make_meeting(),
        conclusions=[{"nomination": at_council, "votes_for": 2, "proposed": False}],
        by=secretary,
    )
    by_block = register(make_individual())
    services.nomination_reject(nomination=by_block, reason="Khối không giới thiệu", by=secretary)
    assert stats(client) == {
        "registered_collectives": 1,
        "registered_individuals": 3,
        "introduced_collectives": 1,
        "introduced_individuals": 2,
        "honoured_collectives": 1,
        "honoured_individuals": 1,
    }


def test_statistics_page_has_an_accessible_bar_chart_without_inline_styles(
    client, honoured, make_individual
):
    honoured(make_individual())
    response = client.get("/dien-hinh-tien-tien/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="award-chart-svg"' in html and 'role="img"' in html
    assert html.count('class="award-chart-bar ') == 6
    assert "<title" in html
    assert 'style="' not in html and "<script" not in html


def test_honour_board_lists_only_honoured_candidates_with_their_decision(
    client, honoured, register, make_individual, make_collective, secretary
):
    decision, _ = honoured(
        make_individual("Hoàng Văn Được"), make_collective("Phòng Được Tôn Vinh")
    )
    register(make_individual("Nông Thị Mới Đăng Ký"))
    rejected = register(make_individual("Lục Văn Bị Loại"))
    services.nomination_reject(nomination=rejected, reason="Lý do bí mật", by=secretary)
    response = client.get("/dien-hinh-tien-tien/2015-2020/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hoàng Văn Được" in html and "Phòng Được Tôn Vinh" in html
    assert "45/QĐ-SKHCN" in html and "08/09/2017" in html
    assert "Giấy khen của Giám đốc Sở" in html and "Phòng Quản lý khoa học" in html
    for hidden in ["Nông Thị Mới Đăng Ký", "Lục Văn Bị Loại", "Lý do bí mật"]:
        assert hidden not in html


def test_honour_board_shows_the_legal_basis(client, period):
    document = make_legal_document(
        "3617/KH-UBND", kind="ke-hoach", issued_on=datetime.date(2015, 12, 15)
    )
    period.legal_documents.add(document)
    html = client.get(period.get_absolute_url()).content.decode()
    assert "Căn cứ pháp lý" in html and "3617/KH-UBND" in html and "15/12/2015" in html


def test_candidate_pages_show_the_history_of_honoured_commendations(
    client, honoured, register, make_individual, later_period, secretary
):
    person = make_individual("Đàm Thị Lan")
    honoured(person)
    second = register(
        person,
        "lao-dong-tien-tien",
        year=2021,
        achievements="x",
        dossier=False,
        period=later_period,
    )
    services.nomination_reject(nomination=second, reason="Chưa đủ điều kiện", by=secretary)
    response = client.get(person.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đàm Thị Lan" in html and "45/QĐ-SKHCN" in html and "2015-2020" in html
    assert "2020-2025" not in html and "Chưa đủ điều kiện" not in html


def test_collective_page_exists_once_honoured(client, honoured, make_collective):
    team = make_collective("Phòng Thông tin - Thống kê")
    honoured(team)
    assert client.get(f"/dien-hinh-tien-tien/tap-the/{team.pk}/").status_code == 200


def test_candidates_without_an_honoured_nomination_have_no_page(
    client, register, reviewed, make_individual, make_collective, secretary
):
    registered = make_individual()
    register(registered)
    rejected = make_collective()
    services.nomination_reject(nomination=register(rejected), reason="x", by=secretary)
    [waiting] = reviewed(make_individual())
    assert client.get(registered.get_absolute_url()).status_code == 404
    assert client.get(rejected.get_absolute_url()).status_code == 404
    assert client.get(waiting.individual.get_absolute_url()).status_code == 404
    assert client.get("/dien-hinh-tien-tien/ca-nhan/999999/").status_code == 404


def test_hidden_period_is_not_public(client, honoured, make_individual, period):
    _decision, [nomination] = honoured(make_individual("Bế Văn Ẩn"))
    period.is_public = False
    period.save()
    assert client.get("/dien-hinh-tien-tien/2015-2020/").status_code == 404
    assert client.get(nomination.individual.get_absolute_url()).status_code == 404
    assert "Bế Văn Ẩn" not in client.get("/dien-hinh-tien-tien/").content.decode()
    assert 'data-period="2015-2020"' not in client.get("/dien-hinh-tien-tien/").content.decode()


def test_decision_page_shows_official_date_and_honoured(client, honoured, make_individual):
    decision, _ = honoured(make_individual("Triệu Văn Hùng"))
    html = client.get(decision.get_absolute_url()).content.decode()
    assert "ngày 08 tháng 9 năm 2017" in html
    assert "Triệu Văn Hùng" in html


def test_sitemap_lists_honoured_pages_only(
    client, honoured, register, make_individual, make_collective
):
    _decision, [n] = honoured(make_individual())
    other = make_collective()
    register(other)
    xml = " ".join(sitemap_locations(client))
    assert "/dien-hinh-tien-tien/2015-2020/" in xml
    assert n.individual.get_absolute_url() in xml
    assert other.get_absolute_url() not in xml


@pytest.mark.parametrize(
    "url",
    [
        "/dien-hinh-tien-tien/?period=%00",
        "/dien-hinh-tien-tien/khong-co/",
        "/dien-hinh-tien-tien/tap-the/99999999999999999999/",
        "/dien-hinh-tien-tien/quyet-dinh/99999999999999999999/",
    ],
)
def test_hostile_parameters_never_cause_a_server_error(client, url):
    assert client.get(url).status_code in (200, 404)


def test_periods_run_newest_first(client, period):
    Period.objects.create(name="2021-2025", slug="2021-2025", start_year=2021, end_year=2025)
    Period.objects.create(name="2010-2014", slug="2010-2014", start_year=2010, end_year=2014)
    html = client.get("/dien-hinh-tien-tien/").content.decode()
    order = re.findall(r'data-period="([\d-]+)"', html)
    assert order == ["2021-2025", "2015-2020", "2010-2014"]
