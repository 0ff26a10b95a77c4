"""The council's review: quorum, votes, the Chiến sĩ thi đua cơ sở ratio, the meeting record."""

from fractions import Fraction

from django.db import transaction
from django.utils import timezone

from awards import conf
from awards.models import AwardForm, CouncilConclusion, Nomination, Stage
from awards.services.common import (
    WorkflowError,
    full_clean,
    locked,
    require_stage,
    save,
)


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


def _check_votes(meeting, nomination, votes_for, votes_against):
    if votes_for + votes_against > meeting.members_present:
        raise WorkflowError(
            "Hồ sơ “%(candidate)s”: tổng số phiếu (%(votes)s) vượt số thành viên có mặt "
            "(%(present)s).",
            code="too_many_votes",
            params={
                "candidate": nomination.candidate,
                "votes": votes_for + votes_against,
                "present": meeting.members_present,
            },
        )
    form = nomination.award_form
    if form.secret_ballot:
        if not meeting.secret_ballot:
            raise WorkflowError(
                "Hồ sơ “%(candidate)s” (%(form)s) phải được bình xét bằng bỏ phiếu kín.",
                code="secret_ballot",
                params={"candidate": nomination.candidate, "form": form},
            )
        required = conf.secret_ballot_threshold()
        if Fraction(votes_for, meeting.members_total) < required:
            raise WorkflowError(
                "Hồ sơ “%(candidate)s” không đạt quy định về số phiếu: %(form)s cần ít nhất "
                "%(rule)s tổng số thành viên Hội đồng đồng ý bằng phiếu kín (có %(votes)s/"
                "%(total)s).",
                code="threshold",
                params={
                    "candidate": nomination.candidate,
                    "form": form,
                    "rule": conf.percent(required),
                    "votes": votes_for,
                    "total": meeting.members_total,
                },
            )
        return
    required = conf.pass_threshold()
    if Fraction(votes_for, meeting.members_present) < required:
        raise WorkflowError(
            "Hồ sơ “%(candidate)s” không đạt quy định về số phiếu: cần ít nhất %(rule)s số "
            "thành viên có mặt đồng ý (có %(votes)s/%(present)s).",
            code="threshold",
            params={
                "candidate": nomination.candidate,
                "rule": conf.percent(required),
                "votes": votes_for,
                "present": meeting.members_present,
            },
        )


def _passed_count(code, unit_id, year, exclude_ids):
    return (
        Nomination.objects.filter(
            award_form__code=code,
            unit_id=unit_id,
            year=year,
            stage__in=[Stage.REVIEWED, Stage.HONOURED],
        )
        .exclude(pk__in=exclude_ids)
        .count()
    )


def _check_grassroots_ratio(proposed):
    """Chiến sĩ thi đua cơ sở ≤ 15 % of the unit's Lao động tiên tiến in the same year."""
    ratio = conf.grassroots_fighter_ratio()
    ids = [n.pk for n in proposed]
    groups = {
        (n.unit_id, n.year): n.unit
        for n in proposed
        if n.award_form.code == AwardForm.CHIEN_SI_THI_DUA_CO_SO
    }
    for (unit_id, year), unit in groups.items():

        def count(code, unit_id=unit_id, year=year):
            new = sum(
                1
                for n in proposed
                if n.award_form.code == code and n.unit_id == unit_id and n.year == year
            )
            return new + _passed_count(code, unit_id, year, ids)

        fighters = count(AwardForm.CHIEN_SI_THI_DUA_CO_SO)
        advanced = count(AwardForm.LAO_DONG_TIEN_TIEN)
        if fighters > ratio * advanced:
            raise WorkflowError(
                "%(unit)s, năm %(year)s: số Chiến sĩ thi đua cơ sở (%(fighters)s) vượt quá "
                "%(rule)s số Lao động tiên tiến (%(advanced)s) của đơn vị.",
                code="grassroots_ratio",
                params={
                    "unit": unit,
                    "year": year,
                    "fighters": fighters,
                    "rule": conf.percent(ratio),
                    "advanced": advanced,
                },
            )


def _conclusion_data(item):
    if isinstance(item, CouncilConclusion):
        return {
            "nomination": item.nomination,
            "votes_for": item.votes_for,
            "votes_against": item.votes_against,
            "proposed": item.proposed,
            "note": item.note,
        }
    return {
        "nomination": item["nomination"],
        "votes_for": int(item["votes_for"]),
        "votes_against": int(item.get("votes_against", 0)),
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
    proposed nomination must meet the vote threshold and the Chiến sĩ thi đua cơ sở ratio;
    otherwise nothing is recorded and the error names the broken rule.
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
        if item["votes_for"] < 0 or item["votes_against"] < 0:
            raise WorkflowError("Số phiếu không được âm.", code="negative_votes")
        if item["proposed"]:
            _check_votes(meeting, nomination, item["votes_for"], item["votes_against"])
        elif item["votes_for"] + item["votes_against"] > meeting.members_present:
            _check_votes(meeting, nomination, item["votes_for"], item["votes_against"])
    _check_grassroots_ratio([item["nomination"] for item in items if item["proposed"]])

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
        conclusion.proposed = item["proposed"]
        conclusion.note = item["note"]
        full_clean(conclusion)
        save(conclusion, by=by)
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
                f"phiếu đồng ý)."
            )
            nomination.rejected_at = now
            nomination.rejected_by = by
        full_clean(nomination)
        save(nomination, by=by)
    meeting.recorded_at = now
    meeting.recorded_by = by
    full_clean(meeting)
    save(meeting, by=by)
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
