"""The nomination workflow: each step in order, who and when, and every refused jump."""

import datetime
from fractions import Fraction

import pytest

from awards import services
from awards.models import CouncilConclusion, Decision, Nomination, Proposal, Stage
from awards.services import WorkflowError
from tests.awards.conftest import award_form, issue_decision

pytestmark = pytest.mark.django_db


def snapshot(nomination):
    nomination.refresh_from_db()
    return (nomination.stage, nomination.history.count(), Decision.objects.count())


def test_full_workflow_records_who_and_when_for_each_step(
    register, make_individual, make_meeting, secretary
):
    nomination = register(make_individual())
    assert nomination.stage == Stage.REGISTERED
    assert nomination.registered_by == secretary and nomination.registered_at

    services.nomination_introduce(nomination=nomination, block=nomination.unit.block, by=secretary)
    nomination.refresh_from_db()
    assert nomination.stage == Stage.INTRODUCED
    assert nomination.introduced_by == secretary and nomination.introduced_at
    assert nomination.introduced_block == nomination.unit.block

    meeting = make_meeting()
    services.nomination_review(nomination=nomination, meeting=meeting, votes_for=7, by=secretary)
    nomination.refresh_from_db()
    assert nomination.stage == Stage.REVIEWED
    assert nomination.reviewed_by == secretary and nomination.meeting == meeting
    assert CouncilConclusion.objects.get(nomination=nomination).votes_for == 7

    decision = services.decision_issue(
        number="45/QĐ-SKHCN",
        date=datetime.date(2017, 9, 8),
        signer="Nông Văn Thành",
        signer_position="Giám đốc Sở",
        award_form=award_form("giay-khen"),
        nominations=[nomination],
        by=secretary,
    )
    nomination.refresh_from_db()
    assert nomination.stage == Stage.HONOURED
    assert nomination.decision == decision and nomination.honoured_by == secretary
    # Every step is in the audit history, with its author.
    history = list(nomination.history.order_by("history_date"))
    assert [h.stage for h in history] == [
        Stage.REGISTERED,
        Stage.INTRODUCED,
        Stage.REVIEWED,
        Stage.HONOURED,
    ]
    assert {h.history_user for h in history} == {secretary}


def test_review_of_a_registered_nomination_is_refused_and_changes_nothing(
    register, make_individual, make_meeting, secretary
):
    nomination = register(make_individual())
    before = snapshot(nomination)
    meeting = make_meeting()
    with pytest.raises(WorkflowError, match="Đã được khối giới thiệu"):
        services.nomination_review(
            nomination=nomination, meeting=meeting, votes_for=8, by=secretary
        )
    assert snapshot(nomination) == before
    meeting.refresh_from_db()
    assert meeting.recorded_at is None and not meeting.conclusions.exists()


@pytest.mark.parametrize("introduced", [False, True], ids=["registered", "introduced"])
def test_decision_on_a_nomination_not_yet_reviewed_is_refused_and_changes_nothing(
    register, make_individual, secretary, introduced
):
    nomination = register(make_individual())
    if introduced:
        services.nomination_introduce(
            nomination=nomination, block=nomination.unit.block, by=secretary
        )
    before = snapshot(nomination)
    with pytest.raises(WorkflowError, match="Đã được Hội đồng bình xét"):
        issue_decision([nomination], secretary)
    assert snapshot(nomination) == before


def test_introducing_twice_is_refused(register, make_individual, secretary):
    nomination = register(make_individual())
    services.nomination_introduce(nomination=nomination, block=nomination.unit.block, by=secretary)
    before = snapshot(nomination)
    with pytest.raises(WorkflowError, match="đang ở bước"):
        services.nomination_introduce(
            nomination=nomination, block=nomination.unit.block, by=secretary
        )
    assert snapshot(nomination) == before


def test_reviewed_nomination_cannot_go_back_to_introduced_or_be_reviewed_again(
    reviewed, make_individual, make_meeting, secretary
):
    [nomination] = reviewed(make_individual())
    before = snapshot(nomination)
    with pytest.raises(WorkflowError):
        services.nomination_introduce(
            nomination=nomination, block=nomination.unit.block, by=secretary
        )
    with pytest.raises(WorkflowError):
        services.nomination_review(
            nomination=nomination, meeting=make_meeting(), votes_for=8, by=secretary
        )
    assert snapshot(nomination) == before


def test_honoured_nomination_cannot_be_rejected_or_honoured_again(
    honoured, make_individual, secretary
):
    _decision, [nomination] = honoured(make_individual())
    before = snapshot(nomination)
    with pytest.raises(WorkflowError, match="Đã được tôn vinh"):
        services.nomination_reject(nomination=nomination, reason="Nhầm", by=secretary)
    with pytest.raises(WorkflowError):
        issue_decision([nomination], secretary, number="46/QĐ-SKHCN")
    assert snapshot(nomination) == before


def test_rejected_nomination_cannot_move_on(register, make_individual, secretary):
    nomination = register(make_individual())
    services.nomination_reject(nomination=nomination, reason="Chưa đủ thành tích", by=secretary)
    before = snapshot(nomination)
    with pytest.raises(WorkflowError):
        services.nomination_introduce(
            nomination=nomination, block=nomination.unit.block, by=secretary
        )
    with pytest.raises(WorkflowError):
        services.nomination_reject(nomination=nomination, reason="Lần nữa", by=secretary)
    assert snapshot(nomination) == before


def test_introduction_by_another_block_is_refused(
    register, make_individual, other_block, secretary
):
    nomination = register(make_individual())
    before = snapshot(nomination)
    with pytest.raises(WorkflowError, match="không thuộc"):
        services.nomination_introduce(nomination=nomination, block=other_block, by=secretary)
    assert snapshot(nomination) == before


def test_rejection_needs_a_reason_and_keeps_the_stage_reached(register, make_individual, secretary):
    nomination = register(make_individual())
    services.nomination_introduce(nomination=nomination, block=nomination.unit.block, by=secretary)
    with pytest.raises(WorkflowError, match="lý do"):
        services.nomination_reject(nomination=nomination, reason="   ", by=secretary)
    services.nomination_reject(nomination=nomination, reason="Vi phạm kỷ luật", by=secretary)
    nomination.refresh_from_db()
    assert nomination.stage == Stage.REJECTED
    assert nomination.rejected_from == Stage.INTRODUCED
    assert nomination.rejection_reason == "Vi phạm kỷ luật"
    assert nomination.rejected_by == secretary and nomination.rejected_at


def test_decision_dated_before_the_council_meeting_is_refused(reviewed, make_individual, secretary):
    [nomination] = reviewed(make_individual(), held_on=datetime.date(2017, 8, 30))
    before = snapshot(nomination)
    with pytest.raises(WorkflowError, match="không được trước ngày họp"):
        issue_decision([nomination], secretary, date=datetime.date(2017, 8, 29))
    assert snapshot(nomination) == before
    # The same day as the meeting is allowed.
    issue_decision([nomination], secretary, date=datetime.date(2017, 8, 30))
    nomination.refresh_from_db()
    assert nomination.stage == Stage.HONOURED


def test_decision_honouring_many_is_all_or_nothing(
    reviewed, register, make_individual, make_collective, secretary
):
    ready = reviewed(make_individual(), make_collective(), make_individual())
    not_ready = register(make_individual())
    with pytest.raises(WorkflowError):
        issue_decision([*ready, not_ready], secretary)
    assert Decision.objects.count() == 0
    for n in ready:
        n.refresh_from_db()
        assert n.stage == Stage.REVIEWED and n.decision is None
    decision = issue_decision(ready, secretary)
    assert decision.nominations.count() == 3
    assert set(Nomination.objects.filter(stage=Stage.HONOURED)) == set(ready)


def test_duplicate_decision_number_is_refused_and_honours_nobody(
    honoured, reviewed, make_individual, secretary
):
    honoured(make_individual(), number="45/QĐ-SKHCN")
    [other] = reviewed(make_individual())
    with pytest.raises(WorkflowError, match="Số quyết định"):
        issue_decision([other], secretary, number="45/QĐ-SKHCN")
    other.refresh_from_db()
    assert other.stage == Stage.REVIEWED
    assert Decision.objects.count() == 1


def test_form_above_director_authority_needs_a_proposal_not_a_decision(
    register, make_individual, make_meeting, secretary
):
    nomination = register(make_individual(), code="bang-khen-tinh")
    services.nomination_introduce(nomination=nomination, block=nomination.unit.block, by=secretary)
    services.nomination_review(
        nomination=nomination, meeting=make_meeting(), votes_for=8, by=secretary
    )
    with pytest.raises(WorkflowError, match="tờ trình"):
        issue_decision([nomination], secretary, number="46/QĐ-SKHCN", code="bang-khen-tinh")
    assert Decision.objects.count() == 0
    proposal = services.proposal_submit(
        number="12/TTr-SKHCN",
        date=datetime.date(2017, 9, 10),
        award_form=award_form("bang-khen-tinh"),
        nominations=[nomination],
        by=secretary,
    )
    nomination.refresh_from_db()
    assert nomination.proposal == proposal
    assert nomination.stage == Stage.REVIEWED  # the province decides, not us
    assert Proposal.objects.get().number == "12/TTr-SKHCN"


def test_proposal_for_a_form_within_director_authority_is_refused(
    reviewed, make_individual, secretary
):
    [nomination] = reviewed(make_individual())
    with pytest.raises(WorkflowError, match="thẩm quyền của Giám đốc Sở"):
        services.proposal_submit(
            number="12/TTr-SKHCN",
            date=datetime.date(2017, 9, 10),
            award_form=award_form("giay-khen"),
            nominations=[nomination],
            by=secretary,
        )
    assert Proposal.objects.count() == 0


# --- Council rules ---------------------------------------------------------------------


def _introduced(register, candidate, secretary, code="giay-khen"):
    nomination = register(candidate, code=code)
    services.nomination_introduce(nomination=nomination, block=nomination.unit.block, by=secretary)
    return nomination


def test_meeting_without_two_thirds_present_records_nothing(
    register, make_individual, make_meeting, secretary
):
    nomination = _introduced(register, make_individual(), secretary)
    meeting = make_meeting(total=9, present=5)
    before = snapshot(nomination)
    with pytest.raises(WorkflowError, match="2/3") as info:
        services.nomination_review(
            nomination=nomination, meeting=meeting, votes_for=5, by=secretary
        )
    assert "số thành viên dự họp" in str(info.value)
    assert snapshot(nomination) == before
    assert not CouncilConclusion.objects.exists()


def test_quorum_is_a_setting(register, make_individual, make_meeting, secretary, settings):
    settings.AWARDS_QUORUM = Fraction(1, 2)
    nomination = _introduced(register, make_individual(), secretary)
    services.nomination_review(
        nomination=nomination, meeting=make_meeting(total=9, present=5), votes_for=5, by=secretary
    )
    nomination.refresh_from_db()
    assert nomination.stage == Stage.REVIEWED


def test_nomination_below_seventy_percent_of_present_cannot_pass(
    register, make_individual, make_meeting, secretary
):
    nomination = _introduced(register, make_individual(), secretary)
    before = snapshot(nomination)
    with pytest.raises(WorkflowError, match="70 %"):
        services.nomination_review(
            nomination=nomination, meeting=make_meeting(present=8), votes_for=5, by=secretary
        )
    assert snapshot(nomination) == before


def test_one_failing_conclusion_records_none_of_the_meeting(
    register, make_individual, make_meeting, secretary
):
    good = _introduced(register, make_individual(), secretary)
    bad = _introduced(register, make_individual(), secretary)
    meeting = make_meeting(present=8)
    with pytest.raises(WorkflowError):
        services.council_meeting_record(
            meeting=meeting,
            conclusions=[
                {"nomination": good, "votes_for": 8},
                {"nomination": bad, "votes_for": 4, "votes_against": 4},
            ],
            by=secretary,
        )
    good.refresh_from_db()
    assert good.stage == Stage.INTRODUCED
    meeting.refresh_from_db()
    assert meeting.recorded_at is None


def test_votes_cannot_exceed_members_present(register, make_individual, make_meeting, secretary):
    nomination = _introduced(register, make_individual(), secretary)
    with pytest.raises(WorkflowError, match="vượt số thành viên có mặt"):
        services.nomination_review(
            nomination=nomination,
            meeting=make_meeting(present=8),
            votes_for=8,
            votes_against=1,
            by=secretary,
        )


def test_provincial_fighter_needs_secret_ballot_and_ninety_percent_of_all_members(
    register, make_individual, make_meeting, secretary, settings
):
    settings.AWARDS_PROVINCIAL_FIGHTER_YEARS = 0  # only the votes are under test here
    nomination = _introduced(
        register, make_individual(), secretary, code="chien-si-thi-dua-cap-tinh"
    )
    before = snapshot(nomination)
    with pytest.raises(WorkflowError, match="bỏ phiếu kín"):
        services.nomination_review(
            nomination=nomination,
            meeting=make_meeting(total=10, present=10),
            votes_for=10,
            by=secretary,
        )
    # 8 of 9 present is 100 % of those present but only 88,9 % of all members.
    with pytest.raises(WorkflowError, match="90 %"):
        services.nomination_review(
            nomination=nomination,
            meeting=make_meeting(total=9, present=8, secret_ballot=True),
            votes_for=8,
            by=secretary,
        )
    assert snapshot(nomination) == before
    services.nomination_review(
        nomination=nomination,
        meeting=make_meeting(total=10, present=10, secret_ballot=True),
        votes_for=9,
        by=secretary,
    )
    nomination.refresh_from_db()
    assert nomination.stage == Stage.REVIEWED


def test_grassroots_fighters_limited_to_fifteen_percent_of_advanced_workers(
    register, make_individual, make_meeting, secretary
):
    workers = [
        _introduced(register, make_individual(), secretary, code="lao-dong-tien-tien")
        for _ in range(6)
    ]
    fighter = _introduced(register, workers[0].individual, secretary, code="chien-si-thi-dua-co-so")
    conclusions = [{"nomination": n, "votes_for": 8} for n in [*workers, fighter]]
    # 1 fighter for 6 advanced workers is 16,7 %: refused, nothing recorded.
    with pytest.raises(WorkflowError, match="15 %"):
        services.council_meeting_record(
            meeting=make_meeting(), conclusions=conclusions, by=secretary
        )
    assert not Nomination.objects.filter(stage=Stage.REVIEWED).exists()
    seventh = _introduced(register, make_individual(), secretary, code="lao-dong-tien-tien")
    services.council_meeting_record(
        meeting=make_meeting(),
        conclusions=[*conclusions, {"nomination": seventh, "votes_for": 8}],
        by=secretary,
    )
    fighter.refresh_from_db()
    assert fighter.stage == Stage.REVIEWED  # 1 for 7 is 14,3 %


def test_nomination_the_council_does_not_propose_is_rejected_with_the_votes(
    register, make_individual, make_meeting, secretary
):
    nomination = _introduced(register, make_individual(), secretary)
    services.council_meeting_record(
        meeting=make_meeting(),
        conclusions=[
            {"nomination": nomination, "votes_for": 3, "votes_against": 5, "proposed": False}
        ],
        by=secretary,
    )
    nomination.refresh_from_db()
    assert nomination.stage == Stage.REJECTED
    assert nomination.rejected_from == Stage.INTRODUCED
    assert "3/8" in nomination.rejection_reason


def test_a_meeting_is_recorded_only_once(reviewed, make_individual, register, secretary):
    [nomination] = reviewed(make_individual())
    meeting = nomination.meeting
    other = _introduced(register, make_individual(), secretary)
    with pytest.raises(WorkflowError, match="đã được ghi nhận"):
        services.nomination_review(nomination=other, meeting=meeting, votes_for=8, by=secretary)
