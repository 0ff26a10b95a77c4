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
from tests.support.shared_data import loaded_for_module

pytestmark = pytest.mark.django_db


def _load_demo():
    portal.demo.load()
    awards.demo.load()


@pytest.fixture(scope="module")
def _demo_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo walked once for the module (about 10 s); each test's changes roll back."""
    with loaded_for_module(django_db_blocker, tmp_path_factory, _load_demo):
        yield


@pytest.fixture
def demo(_demo_once, db):
    pass


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
    meeting = CouncilMeeting.objects.get(period__slug="2015-2020")
    decision = Decision.objects.get(number="45/QĐ-SKHCN")
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
    # Counted over the department (the default scope, AWARDS_GRASSROOTS_RATIO_SCOPE), as it
    # stood when the council concluded: a later revocation does not undo the count.
    passed = Nomination.objects.filter(stage__in=[Stage.REVIEWED, Stage.HONOURED, Stage.REVOKED])
    for year in passed.values_list("year", flat=True).distinct():
        rows = passed.filter(year=year)
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


def test_demo_holds_a_decade_of_annual_titles_a_provincial_award_and_a_revocation(client, demo):
    annual = Nomination.objects.filter(period__slug="thi-dua-thuong-xuyen-2015-2020")
    advanced = annual.filter(award_form__code=AwardForm.LAO_DONG_TIEN_TIEN)
    assert sorted(set(advanced.values_list("year", flat=True))) == list(range(2015, 2021))
    person = advanced.filter(year=2015).first().individual
    assert advanced.filter(individual=person, stage=Stage.HONOURED).count() >= 5
    # Each year's decision holds two annexed lists.
    decision = Decision.objects.get(number="77/QĐ-SKHCN", signed_on__year=2017)
    assert {n.award_form.code for n in decision.nominations.all()} == {
        AwardForm.LAO_DONG_TIEN_TIEN,
        AwardForm.CHIEN_SI_THI_DUA_CO_SO,
    }
    province = Decision.objects.get(number="2150/QĐ-UBND")
    assert province.issuing_level == "province" and province.proposal.number == "25/TTr-SKHCN"
    board = client.get("/dien-hinh-tien-tien/thi-dua-thuong-xuyen-2015-2020/").content.decode()
    assert "Chủ tịch UBND tỉnh Cao Bằng" in board and "2150/QĐ-UBND" in board
    revoked = annual.get(stage=Stage.REVOKED)
    assert revoked.decision.number == "76/QĐ-SKHCN"
    page = client.get(revoked.decision.get_absolute_url()).content.decode()
    assert revoked.individual.full_name not in page
