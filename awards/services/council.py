"""The council's review: quorum, present votes and written opinions, the meeting record."""

from fractions import Fraction

from django.db import transaction
from django.utils import timezone

from awards import conf, rules
from awards.models import CouncilConclusion, Stage
from awards.services.common import WorkflowError, locked, require_stage, save


def _check_quorum(meeting):
    required = conf.quorum()
    if Fraction(meeting.members_present, meeting.members_total) < required:
        raise WorkflowError(
            "Cuộc họp không hợp lệ (quy định về số thành viên dự họp): có %(present)s/%(total)s "
            "thành viên, cần ít nhất %(rule)s tổng số thành viên Hội đồng.",
            code="quorum",
            params={
                "present": meeting.members_present,
                "total": meeting.members_total,
                "rule": conf.percent(required),
            },
        )


def check_vote_counts(meeting, *, votes_for, votes_against, written_for=0, written_against=0):
    """Ballots within the members: present votes ≤ members present, written opinions ≤
    members absent. Returns the Vietnamese message of the first broken rule, or None; the
    admin's meeting form uses it to refuse the numbers before anything is saved."""
    if min(votes_for, votes_against, written_for, written_against) < 0:
        return "Số phiếu không được âm."
    if votes_for + votes_against > meeting.members_present:
        return (
            f"Tổng số phiếu tại cuộc họp ({votes_for + votes_against}) vượt số thành viên có "
            f"mặt ({meeting.members_present})."
        )
    absent = meeting.members_total - meeting.members_present
    if written_for + written_against > absent:
        return (
            f"Số ý kiến bằng văn bản ({written_for + written_against}) vượt số thành viên vắng "
            f"mặt ({absent})."
        )
    return None


def _check_votes(meeting, nomination, item):
    problem = check_vote_counts(
        meeting,
        votes_for=item["votes_for"],
        votes_against=item["votes_against"],
        written_for=item["written_for"],
        written_against=item["written_against"],
    )
    if problem:
        raise WorkflowError(
            "Hồ sơ “%(candidate)s”: %(problem)s",
            code="too_many_votes",
            params={"candidate": nomination.candidate, "problem": problem},
        )


def _check_threshold(meeting, nomination, item):
    """Thresholds of all members count absent members' written opinions (Nghị định 91/2017,
    Điều 45, kept as a setting); a share of those present counts the votes in the room."""
    form = nomination.award_form
    all_for = item["votes_for"] + item["written_for"]
    if form.secret_ballot:
        if not meeting.secret_ballot:
            raise WorkflowError(
                "Hồ sơ “%(candidate)s” (%(form)s) phải được bình xét bằng bỏ phiếu kín.",
                code="secret_ballot",
                params={"candidate": nomination.candidate, "form": form},
            )
        required = conf.secret_ballot_threshold()
        if Fraction(all_for, meeting.members_total) < required:
            raise WorkflowError(
                "Hồ sơ “%(candidate)s” không đạt quy định về số phiếu: %(form)s cần ít nhất "
                "%(rule)s tổng số thành viên Hội đồng đồng ý bằng phiếu kín, kể cả ý kiến bằng "
                "văn bản của thành viên vắng mặt (có %(votes)s/%(total)s).",
                code="threshold",
                params={
                    "candidate": nomination.candidate,
                    "form": form,
                    "rule": conf.percent(required),
                    "votes": all_for,
                    "total": meeting.members_total,
                },
            )
        return
    required = conf.pass_threshold()
    if conf.pass_threshold_base() == "members":
        votes, base, label = all_for, meeting.members_total, "tổng số thành viên Hội đồng"
    else:
        votes, base, label = item["votes_for"], meeting.members_present, "số thành viên có mặt"
    if Fraction(votes, base) < required:
        raise WorkflowError(
            "Hồ sơ “%(candidate)s” không đạt quy định về số phiếu: cần ít nhất %(rule)s "
            "%(label)s đồng ý (có %(votes)s/%(base)s).",
            code="threshold",
            params={
                "candidate": nomination.candidate,
                "rule": conf.percent(required),
                "label": label,
                "votes": votes,
                "base": base,
            },
        )


def _conclusion_data(item):
    if isinstance(item, CouncilConclusion):
        return {
            "nomination": item.nomination,
            "votes_for": item.votes_for,
            "votes_against": item.votes_against,
            "written_for": item.written_for,
            "written_against": item.written_against,
            "proposed": item.proposed,
            "note": item.note,
        }
    return {
        "nomination": item["nomination"],
        "votes_for": int(item["votes_for"]),
        "votes_against": int(item.get("votes_against", 0)),
        "written_for": int(item.get("written_for", 0)),
        "written_against": int(item.get("written_against", 0)),
        "proposed": bool(item.get("proposed", True)),
        "note": item.get("note", ""),
    }


@transaction.atomic
def council_meeting_record(*, meeting, conclusions=None, by):
    """Record a council meeting's conclusions; all of them or none.

    ``conclusions``: dicts with ``nomination``, ``votes_for``, ``votes_against`` and
    ``proposed`` (default True). Without it, the conclusions drafted on the meeting are
    recorded. A proposed nomination becomes ``reviewed``; one the council does not propose
    is rejected with the votes as the reason. The meeting must be valid (quorum) and every
    proposed nomination must meet the vote threshold and the eligibility rules
    (``awards.rules.check_review``: dossier, discipline, titles of earlier years, the
    Chiến sĩ thi đua cơ sở ratio); otherwise nothing is recorded and the error names the
    broken rule. ``written_for``/``written_against`` are absent members' written opinions.
    """
    meeting = type(meeting).objects.select_for_update().get(pk=meeting.pk)
    if meeting.recorded_at:
        raise WorkflowError("Cuộc họp này đã được ghi nhận kết quả.", code="already_recorded")
    if conclusions is None:
        conclusions = list(meeting.conclusions.select_related("nomination"))
    items = [_conclusion_data(item) for item in conclusions]
    if not items:
        raise WorkflowError("Cuộc họp chưa có kết luận nào về hồ sơ đề nghị.", code="empty")
    _check_quorum(meeting)
    rows = {n.pk: n for n in locked([item["nomination"] for item in items])}
    if len(rows) != len(items):
        raise WorkflowError("Một hồ sơ chỉ có một kết luận trong cuộc họp.", code="duplicate")
    for item in items:
        nomination = item["nomination"] = rows[item["nomination"].pk]
        require_stage(nomination, Stage.INTRODUCED, "bình xét")
        if nomination.period_id != meeting.period_id:
            raise WorkflowError(
                "Hồ sơ “%(candidate)s” thuộc giai đoạn khác với cuộc họp.",
                code="wrong_period",
                params={"candidate": nomination.candidate},
            )
        _check_votes(meeting, nomination, item)
        if item["proposed"]:
            _check_threshold(meeting, nomination, item)
    rules.check_review(
        [item["nomination"] for item in items if item["proposed"]], on=meeting.held_on
    )

    now = timezone.now()
    for item in items:
        nomination = item["nomination"]
        conclusion, _created = CouncilConclusion.objects.get_or_create(
            meeting=meeting,
            nomination=nomination,
            defaults={"votes_for": item["votes_for"]},
        )
        conclusion.votes_for = item["votes_for"]
        conclusion.votes_against = item["votes_against"]
        conclusion.written_for = item["written_for"]
        conclusion.written_against = item["written_against"]
        conclusion.proposed = item["proposed"]
        conclusion.note = item["note"]
        save(conclusion, by=by, step="Bước 3: kết luận của Hội đồng")
        if item["proposed"]:
            nomination.stage = Stage.REVIEWED
            nomination.meeting = meeting
            nomination.reviewed_at = now
            nomination.reviewed_by = by
        else:
            nomination.rejected_from = nomination.stage
            nomination.stage = Stage.REJECTED
            nomination.rejection_reason = (
                f"Hội đồng Thi đua, khen thưởng không đề nghị tại cuộc họp ngày "
                f"{meeting.held_on:%d/%m/%Y} ({item['votes_for']}/{meeting.members_present} "
                f"phiếu đồng ý tại cuộc họp, {item['written_for']} ý kiến bằng văn bản đồng ý)."
            )
            nomination.rejected_at = now
            nomination.rejected_by = by
        save(nomination, by=by)
    meeting.recorded_at = now
    meeting.recorded_by = by
    save(meeting, by=by, step="Bước 3: ghi nhận kết quả họp Hội đồng")
    return meeting


def nomination_review(*, nomination, meeting, votes_for, votes_against=0, by):
    """Record the council's conclusion on a single nomination (a one-item meeting)."""
    return council_meeting_record(
        meeting=meeting,
        conclusions=[
            {"nomination": nomination, "votes_for": votes_for, "votes_against": votes_against}
        ],
        by=by,
    )
