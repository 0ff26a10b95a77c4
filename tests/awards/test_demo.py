"""The demo data reproduce the seed article's figures through the real workflow."""

import datetime
import re

import pytest

import awards.demo
import portal.demo
from awards import conf
from awards.models import (
    AwardForm,
    CouncilMeeting,
    Decision,
    Nomination,
    Stage,
)
from documents.models import LegalDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    portal.demo.load()
    awards.demo.load()


def test_statistics_page_shows_the_seed_figures(client, demo):
    html = client.get("/dien-hinh-tien-tien/").content.decode()
    section = re.search(r'data-period="2015-2020">(.*?)</section>', html, re.S).group(1)
    figures = dict(re.findall(r'data-stat="(\w+)">(\d+)<', section))
    assert figures == {
        "registered_collectives": "12",
        "registered_individuals": "56",
        "introduced_collectives": "5",
        "introduced_individuals": "18",
        "honoured_collectives": "3",
        "honoured_individuals": "6",
    }


def test_loading_twice_changes_nothing(demo):
    counts = (
        Nomination.objects.count(),
        Decision.objects.count(),
        CouncilMeeting.objects.count(),
        LegalDocument.objects.count(),
    )
    awards.demo.load()
    assert (
        Nomination.objects.count(),
        Decision.objects.count(),
        CouncilMeeting.objects.count(),
        LegalDocument.objects.count(),
    ) == counts


def test_one_valid_meeting_precedes_the_directors_decision(demo):
    meeting = CouncilMeeting.objects.get()
    decision = Decision.objects.get()
    assert decision.number == "45/QĐ-SKHCN" and decision.signed_on == datetime.date(2017, 9, 8)
    assert meeting.held_on < decision.signed_on and meeting.recorded_at
    assert meeting.members_present / meeting.members_total >= conf.quorum()
    assert decision.issuing_level == "director"
    assert all(n.award_form.within_director_authority for n in decision.nominations.all())
    assert decision.nominations.count() == 9
    assert decision.document.kind == LegalDocument.Kind.DECISION


def test_demo_has_the_two_legal_documents_of_the_period(client, demo):
    plan = LegalDocument.objects.get(number="3617/KH-UBND")
    letter = LegalDocument.objects.get(number="1295/SNV-BTĐKH")
    assert plan.issued_on == datetime.date(2015, 12, 15)
    assert letter.issued_on == datetime.date(2016, 7, 14)
    assert plan.periods.get().slug == "2015-2020"
    html = client.get("/dien-hinh-tien-tien/2015-2020/").content.decode()
    assert "3617/KH-UBND" in html and "1295/SNV-BTĐKH" in html
    assert html.count("45/QĐ-SKHCN") == 9 and "08/09/2017" in html


def test_demo_respects_the_grassroots_fighter_ratio(demo):
    passed = Nomination.objects.filter(stage__in=[Stage.REVIEWED, Stage.HONOURED])
    for unit_id, year in passed.values_list("unit", "year").distinct():
        rows = passed.filter(unit=unit_id, year=year)
        fighters = rows.filter(award_form__code=AwardForm.CHIEN_SI_THI_DUA_CO_SO).count()
        advanced = rows.filter(award_form__code=AwardForm.LAO_DONG_TIEN_TIEN).count()
        assert fighters <= conf.grassroots_fighter_ratio() * advanced


def test_demo_rejections_stay_off_the_public_pages(client, demo):
    rejected = Nomination.objects.filter(stage=Stage.REJECTED).select_related("individual")
    assert rejected.count() == 14
    board = client.get("/dien-hinh-tien-tien/2015-2020/").content.decode()
    for nomination in rejected:
        # A collective may share its unit's name, so look for the candidate's own link.
        assert f'href="{nomination.candidate.get_absolute_url()}"' not in board
        if nomination.individual_id:
            assert nomination.individual.full_name not in board
        assert client.get(nomination.candidate.get_absolute_url()).status_code == 404
