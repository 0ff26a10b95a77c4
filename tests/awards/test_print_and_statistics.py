"""Printable decision and Giấy khen; statistics of a period per year × form × unit."""

import datetime
import re

import pytest

from awards import services
from awards.models import CouncilMeeting, RevocationReason

pytestmark = pytest.mark.django_db


@pytest.fixture
def annual(register, make_individual, secretary, period):
    """LĐTT for two people in 2016 and 2017, each year's Director's decision."""

    def honour(people, year, number):
        rows = [register(p, code="lao-dong-tien-tien", year=year) for p in people]
        for n in rows:
            services.nomination_introduce(nomination=n, block=n.unit.block, by=secretary)
        meeting = CouncilMeeting.objects.create(
            period=period, held_on=datetime.date(year, 12, 1), members_total=9, members_present=8
        )
        services.council_meeting_record(
            meeting=meeting,
            conclusions=[{"nomination": n, "votes_for": 8} for n in rows],
            by=secretary,
        )
        return services.decision_issue(
            number=number,
            date=datetime.date(year, 12, 15) if year != 2023 else datetime.date(2023, 2, 5),
            signer="Nông Văn Thành",
            signer_position="Giám đốc",
            nominations=rows,
            by=secretary,
        )

    return honour


def test_printable_decision_has_the_official_date_and_its_annex(annual, make_individual, client):
    people = [make_individual("Lục Văn In"), make_individual("Triệu Thị Giấy")]
    decision = annual(people, 2017, "31/QĐ-SKHCN")
    response = client.get(f"/dien-hinh-tien-tien/quyet-dinh/{decision.pk}/ban-in/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Cao Bằng, ngày 15 tháng 12 năm 2017" in html
    assert "DANH SÁCH 1: LAO ĐỘNG TIÊN TIẾN" in html
    assert "Lục Văn In" in html and "Triệu Thị Giấy" in html
    assert "css/awards-print.css" in html
    assert client.get(decision.get_absolute_url()).content.decode().count("/giay-khen/") == 2


def test_official_date_pads_day_and_january_february():
    from awards.templatetags.awards_tags import official_date

    assert official_date(datetime.date(2023, 2, 5)) == "ngày 05 tháng 02 năm 2023"
    assert official_date(datetime.date(2017, 9, 8)) == "ngày 08 tháng 9 năm 2017"


def test_printable_certificate_for_one_honoured_row(annual, make_individual, client, secretary):
    person = make_individual("Lục Văn In")
    decision = annual([person], 2017, "31/QĐ-SKHCN")
    nomination = person.nominations.get()
    url = f"/dien-hinh-tien-tien/quyet-dinh/{decision.pk}/giay-khen/{nomination.pk}/"
    html = client.get(url).content.decode()
    assert "Lục Văn In" in html and "LAO ĐỘNG TIÊN TIẾN" in html and "31/QĐ-SKHCN" in html
    services.nomination_revoke(
        nomination=nomination, reason=RevocationReason.FALSE_DECLARATION, by=secretary
    )
    assert client.get(url).status_code == 404  # a revoked award is printed no more


def test_period_page_counts_per_year_form_and_unit_with_an_svg_chart(
    annual, make_individual, other_unit, client, period
):
    annual([make_individual(), make_individual(unit=other_unit)], 2016, "1/QĐ-SKHCN")
    annual([make_individual()], 2017, "1/QĐ-SKHCN")
    html = client.get(period.get_absolute_url()).content.decode()
    section = re.search(r'id="thong-ke-theo-nam">(.*?)</section>', html, re.S).group(1)
    row = re.search(r"<th scope=\"row\">Lao động tiên tiến</th>(.*?)</tr>", section, re.S).group(1)
    assert re.findall(r">(\d+)<", row) == ["0", "2", "1", "0", "0", "0", "3"]  # 2015…2020, total
    assert "Chi cục Tiêu chuẩn Đo lường Chất lượng" in section
    assert 'data-year="2016"' in section and "<svg" in section
    assert '<td data-label="Năm">2016</td>' in html  # the honour board shows each row's year
