"""Small fixtures for the registry: a period, two blocks with a unit each, candidates, and
helpers that walk a nomination through the workflow with the real services."""

import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from awards import services
from awards.catalogue import SECRETARY_GROUP
from awards.models import (
    AwardForm,
    Collective,
    CouncilMeeting,
    EmulationBlock,
    Individual,
    Period,
    Unit,
)

_counter = itertools.count(1)


@pytest.fixture
def secretary(db):
    return get_user_model().objects.create_user(username="thuky", is_staff=True)


@pytest.fixture
def secretary_client(client, secretary):
    """A client signed in as the secretary, in the registry secretaries' group."""
    secretary.groups.add(Group.objects.get(name=SECRETARY_GROUP))
    client.force_login(secretary)
    return client


def admin_action(client, action, objects, *, model="nomination", **data):
    """POST the admin changelist action ``action`` on ``objects`` of ``model``."""
    return client.post(
        f"/admin/awards/{model}/",
        {"action": action, "_selected_action": [o.pk for o in objects], **data},
        follow=True,
    )


# The director's decision on the nominations, as the admin's "issue_decision" form sends it.
ISSUE_DECISION = {
    "apply": "1",
    "number": "45/QĐ-SKHCN",
    "date": "2017-09-08",
    "signer": "Nông Văn Thành",
    "signer_position": "Giám đốc Sở",
}


@pytest.fixture
def period(db):
    return Period.objects.create(name="2015-2020", slug="2015-2020", start_year=2015, end_year=2020)


@pytest.fixture
def block(db):
    return EmulationBlock.objects.create(name="Khối Văn phòng Sở và các phòng chuyên môn")


@pytest.fixture
def other_block(db):
    return EmulationBlock.objects.create(name="Khối các đơn vị sự nghiệp trực thuộc")


@pytest.fixture
def unit(block):
    return Unit.objects.create(name="Phòng Quản lý khoa học", block=block)


@pytest.fixture
def other_unit(other_block):
    return Unit.objects.create(name="Chi cục Tiêu chuẩn Đo lường Chất lượng", block=other_block)


def award_form(code):
    return AwardForm.objects.get(code=code)


@pytest.fixture
def make_individual(unit):
    def make(name=None, unit=unit, position="Chuyên viên"):
        return Individual.objects.create(
            full_name=name or f"Nông Văn Thử {next(_counter)}", position=position, unit=unit
        )

    return make


@pytest.fixture
def make_collective(unit):
    def make(name=None, unit=unit):
        return Collective.objects.create(name=name or f"Tổ Thử nghiệm {next(_counter)}", unit=unit)

    return make


@pytest.fixture
def later_period(db):
    """The term after ``period``."""
    return Period.objects.create(name="2020-2025", slug="2020-2025", start_year=2020, end_year=2025)


@pytest.fixture
def register(period, secretary):
    default_period = period

    def register(
        candidate,
        code="giay-khen",
        year=2017,
        achievements="Hoàn thành xuất sắc.",
        dossier=True,
        period=None,
    ):
        field = "collective" if isinstance(candidate, Collective) else "individual"
        nomination = services.nomination_register(
            period=period or default_period,
            award_form=award_form(code),
            year=year,
            achievements=achievements,
            by=secretary,
            **{field: candidate},
        )
        if dossier:
            attach_dossier(nomination)
        return nomination

    return register


@pytest.fixture
def make_meeting(period):
    def make(held_on=datetime.date(2017, 8, 30), total=9, present=8, secret_ballot=False):
        return CouncilMeeting.objects.create(
            period=period,
            held_on=held_on,
            members_total=total,
            members_present=present,
            secret_ballot=secret_ballot,
        )

    return make


@pytest.fixture
def reviewed(register, make_meeting, secretary):
    """Register, introduce and review nominations (passing votes) in one meeting."""

    def walk(*candidates, code="giay-khen", held_on=datetime.date(2017, 8, 30)):
        nominations = [register(c, code=code) for c in candidates]
        for n in nominations:
            services.nomination_introduce(nomination=n, block=n.unit.block, by=secretary)
        meeting = make_meeting(held_on=held_on)
        services.council_meeting_record(
            meeting=meeting,
            conclusions=[{"nomination": n, "votes_for": 8} for n in nominations],
            by=secretary,
        )
        for n in nominations:
            n.refresh_from_db()
        return nominations

    return walk


def issue_decision(
    nominations,
    secretary,
    number="45/QĐ-SKHCN",
    date=datetime.date(2017, 9, 8),
    code="giay-khen",
):
    """The Director's decision (a Giấy khen unless ``code`` names another award form) on
    ``nominations``, through the real service."""
    return services.decision_issue(
        number=number,
        date=date,
        signer="Nông Văn Thành",
        signer_position="Giám đốc Sở",
        award_form=award_form(code),
        nominations=nominations,
        by=secretary,
    )


@pytest.fixture
def honoured(reviewed, secretary):
    """Walk nominations all the way to a Director's decision."""

    def walk(*candidates, number="45/QĐ-SKHCN", date=datetime.date(2017, 9, 8)):
        nominations = reviewed(*candidates)
        decision = issue_decision(nominations, secretary, number=number, date=date)
        for n in nominations:
            n.refresh_from_db()
        return decision, nominations

    return walk


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of a test go to a temporary folder, never to the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


def attach_dossier(nomination):
    """Every document the nomination's checklist asks for, as small valid PDFs."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from awards import conf
    from awards.catalogue import DEFAULT_DOSSIER
    from awards.models import Attachment

    for kind in conf.dossier_requirements().get(nomination.award_form.code, DEFAULT_DOSSIER):
        Attachment.objects.create(
            nomination=nomination,
            kind=kind,
            title=Attachment.Kind(kind).label,
            file=SimpleUploadedFile(f"{kind}.pdf", b"%PDF-1.4 test"),
        )


def sitemap_text(client):
    """Every address of the site's sitemap as text, whether /sitemap.xml is one urlset or
    an index of files (followed the way a crawler does)."""
    import re
    from urllib.parse import urlsplit

    xml = client.get("/sitemap.xml").content.decode()
    if "<sitemapindex" not in xml:
        return xml
    parts = []
    for loc in re.findall(r"<loc>(.*?)</loc>", xml):
        url = urlsplit(loc.replace("&amp;", "&"))
        parts.append(client.get(url.path + (f"?{url.query}" if url.query else "")).content.decode())
    return "\n".join(parts)
