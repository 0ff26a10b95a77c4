"""Rules that a single row must obey: database constraints, mirrored in validation."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from PIL import Image

from awards.models import AwardForm, CouncilMeeting, Decision, Nomination, Period
from awards.services import WorkflowError, nomination_register
from core.documents_files import validate_document_file
from core.text import fold, vietnamese_slugify
from tests.awards.conftest import award_form
from tests.support.models import assert_refused_by_validation_and_database

pytestmark = pytest.mark.django_db


def _raw_nomination(period, secretary, unit, **candidates):
    return Nomination(
        period=period,
        year=2017,
        award_form=award_form("giay-khen"),
        unit=unit,
        achievements="x",
        registered_at=timezone.now(),
        registered_by=secretary,
        **candidates,
    )


def test_database_refuses_a_nomination_for_both_a_collective_and_an_individual(
    period, secretary, unit, make_individual, make_collective
):
    nomination = _raw_nomination(
        period, secretary, unit, collective=make_collective(), individual=make_individual()
    )
    nomination.candidate_kind = "collective"
    with pytest.raises(IntegrityError), transaction.atomic():
        nomination.save()


def test_database_refuses_a_nomination_without_a_candidate(period, secretary, unit):
    nomination = _raw_nomination(period, secretary, unit)
    nomination.candidate_kind = "individual"
    with pytest.raises(IntegrityError), transaction.atomic():
        nomination.save()


def test_validation_explains_the_one_candidate_rule_in_vietnamese(
    period, secretary, unit, make_individual, make_collective
):
    nomination = _raw_nomination(
        period, secretary, unit, collective=make_collective(), individual=make_individual()
    )
    with pytest.raises(ValidationError, match="đúng một tập thể hoặc một cá nhân"):
        nomination.full_clean()
    with pytest.raises(WorkflowError, match="đúng một tập thể hoặc một cá nhân"):
        nomination_register(
            period=period,
            award_form=award_form("giay-khen"),
            collective=make_collective(),
            individual=make_individual(),
            achievements="x",
            by=secretary,
        )
    assert not Nomination.objects.exists()


def test_same_candidate_cannot_be_registered_twice_for_the_same_year_and_form(
    register, make_individual, make_collective
):
    person, team = make_individual(), make_collective()
    register(person)
    register(team)
    with pytest.raises(WorkflowError, match="Cá nhân này đã có hồ sơ đề nghị"):
        register(person)
    with pytest.raises(WorkflowError, match="Tập thể này đã có hồ sơ đề nghị"):
        register(team)
    assert Nomination.objects.count() == 2
    # Another form in the same period is a different nomination.
    register(person, code="lao-dong-tien-tien")
    assert Nomination.objects.count() == 3


def test_a_rejected_candidate_may_be_put_forward_again_the_same_year(
    register, make_individual, secretary
):
    from awards.services import nomination_reject

    person = make_individual()
    nomination_reject(nomination=register(person), reason="Thiếu hồ sơ", by=secretary)
    again = register(person)
    assert again.stage == "registered"
    with pytest.raises(WorkflowError, match="đã có hồ sơ đề nghị"):
        register(person)


def test_the_same_title_may_be_registered_every_year(register, make_individual):
    person = make_individual()
    for year in (2015, 2016, 2017):
        register(person, code="lao-dong-tien-tien", year=year)
    assert person.nominations.count() == 3


def test_database_refuses_a_duplicate_behind_validation(register, make_individual, period):
    person = make_individual()
    first = register(person)
    copy = Nomination.objects.get(pk=first.pk)
    copy.pk = None
    copy._state.adding = True
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()


def test_same_candidate_may_be_registered_in_another_period(
    register, make_individual, later_period
):
    person = make_individual()
    register(person)
    register(person, year=2021, achievements="x", dossier=False, period=later_period)
    assert person.nominations.count() == 2


def test_award_form_must_suit_the_kind_of_candidate(register, make_collective, make_individual):
    with pytest.raises(WorkflowError, match="không dành cho tập thể"):
        register(make_collective(), code="lao-dong-tien-tien")
    with pytest.raises(WorkflowError, match="không dành cho cá nhân"):
        register(make_individual(), code="tap-the-lao-dong-tien-tien")
    assert not Nomination.objects.exists()


def test_year_must_lie_within_the_period(register, make_individual):
    with pytest.raises(WorkflowError, match="trong giai đoạn"):
        register(make_individual(), year=2021)


def test_decision_number_is_unique_per_issuing_body_and_year_in_the_database(
    honoured, make_individual, secretary
):
    decision, _ = honoured(make_individual())

    def create(**kwargs):
        values = {
            "number": decision.number,
            "signed_on": datetime.date(2017, 9, 9),
            "issuing_body": decision.issuing_body,
            "signer": "X",
            "issued_by": secretary,
            **kwargs,
        }
        return Decision.objects.create(**values)

    with pytest.raises(IntegrityError), transaction.atomic():
        create()
    create(issuing_body="Chủ tịch UBND tỉnh Cao Bằng")  # another body's numbering
    create(signed_on=datetime.date(2018, 1, 5))  # numbers start again each year
    assert Decision.objects.filter(number=decision.number).count() == 3


def test_meeting_cannot_have_more_present_than_members(period):
    meeting = CouncilMeeting(
        period=period, held_on=datetime.date(2017, 8, 30), members_total=5, members_present=6
    )
    assert_refused_by_validation_and_database(meeting, "vượt quá tổng số")


def test_period_end_cannot_precede_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        Period.objects.create(name="x", slug="x", start_year=2020, end_year=2015)


# --- Uploaded files --------------------------------------------------------------------


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name,content",
    [
        ("bien-ban.pdf", b"%PDF-1.4\n%..."),
        ("bao-cao.docx", b"PK\x03\x04rest-of-zip"),
        ("bao-cao.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest"),
        ("anh.png", None),
    ],
)
def test_pdf_word_and_images_are_accepted(name, content):
    validate_document_file(SimpleUploadedFile(name, content if content is not None else _png()))


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("trang.pdf", b"<html><script>alert(1)</script>", "không đúng định dạng PDF"),
        ("bao-cao.docx", b"%PDF-1.4", "không đúng định dạng DOCX"),
        ("virus.exe", b"MZ\x90\x00", "Chỉ nhận tệp"),
        ("anh.svg", b"<svg onload=alert(1)>", "Chỉ nhận tệp"),
        ("anh.png", b"<svg onload=alert(1)>", "không phải là ảnh"),
        ("khong-duoi", b"%PDF", "Chỉ nhận tệp"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(name, content, message):
    with pytest.raises(ValidationError) as info:
        validate_document_file(SimpleUploadedFile(name, content))
    assert message in " ".join(info.value.messages)


def test_oversized_files_are_refused(settings):
    settings.UPLOAD_DOCUMENT_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="quá lớn"):
        validate_document_file(SimpleUploadedFile("lon.pdf", b"%PDF" + b"0" * 2000))


def test_folding_keeps_d_for_đ():
    assert fold("Quyết định  Đầu tư đổi mới") == "quyet dinh dau tu doi moi"
    assert vietnamese_slugify("Giai đoạn 2015-2020") == "giai-doan-2015-2020"


def test_a_deleted_award_form_stays_deleted_after_migrate():
    from django.core.management import call_command

    AwardForm.objects.filter(code="co-thi-dua-tinh").delete()
    call_command("migrate", verbosity=0)
    assert not AwardForm.objects.filter(code="co-thi-dua-tinh").exists()
