"""The nomination workflow: every write that moves a nomination goes through here.

registered → introduced (by its block) → reviewed (by a council meeting) → honoured (by a
Director's decision), or rejected at any stage before honoured, with a reason. For a form
above the Director's authority the outcome of review is a tờ trình (``proposal_submit``),
not a decision of ours.

Each function is keyword-only, runs in one transaction, locks the nominations it moves,
checks every rule before writing anything and raises ``WorkflowError`` (a
``ValidationError`` with a Vietnamese message) when a step is refused, so a refused step
changes nothing. Each step records who (``by``) and when; the audit history records the
same user through django-simple-history.
"""

from fractions import Fraction

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from awards import conf
from awards.models import (
    AwardForm,
    CouncilConclusion,
    Decision,
    Nomination,
    Proposal,
    Stage,
)


class WorkflowError(ValidationError):
    """A refused workflow step; ``str()`` gives the Vietnamese message for the user."""

    def __init__(self, message, code="workflow", params=None):
        super().__init__(message, code=code, params=params)

    def __str__(self):
        return " ".join(self.messages)


def _full_clean(instance, **kwargs):
    try:
        instance.full_clean(**kwargs)
    except ValidationError as exc:
        raise WorkflowError(exc.messages) from exc


def _save(instance, *, by):
    """Save with ``by`` recorded as the author of the history entry."""
    instance._history_user = by
    instance.save()


def _save_unique(instance, *, by, message):
    """Save a row whose number (or candidate) must be unique, refusing a duplicate cleanly.

    ``full_clean`` already checked uniqueness; the savepoint catches the row a concurrent
    request inserted in between, so the caller's transaction stays usable.
    """
    try:
        with transaction.atomic():
            _save(instance, by=by)
    except IntegrityError as exc:
        raise WorkflowError(message, code="duplicate") from exc


def _locked(nominations):
    """The given nominations re-read under a row lock, in a stable order (no deadlocks)."""
    ids = sorted({n.pk for n in nominations})
    rows = list(
        Nomination.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .select_related("award_form", "period", "collective", "individual", "unit", "meeting")
        .order_by("pk")
    )
    if len(rows) != len(ids):
        raise WorkflowError("Có hồ sơ đề nghị không còn tồn tại.")
    return rows


def _require_stage(nomination, expected, action):
    if nomination.stage != expected:
        raise WorkflowError(
            "Không thể %(action)s hồ sơ “%(candidate)s”: hồ sơ đang ở bước “%(stage)s”, "
            "bước này chỉ áp dụng cho hồ sơ ở bước “%(expected)s”.",
            code="wrong_stage",
            params={
                "action": action,
                "candidate": nomination.candidate,
                "stage": Stage(nomination.stage).label,
                "expected": Stage(expected).label,
            },
        )


# --- Registration and introduction -----------------------------------------------------


@transaction.atomic
def nomination_register(
    *, period, award_form, collective=None, individual=None, achievements, by, year=None
):
    """Register one collective or one individual for ``award_form`` in ``period``."""
    if (collective is None) == (individual is None):
        raise WorkflowError(
            "Mỗi hồ sơ đề nghị cho đúng một tập thể hoặc một cá nhân.", code="one_candidate"
        )
    if year is None:
        year = min(max(timezone.localdate().year, period.start_year), period.end_year)
    nomination = Nomination(
        period=period,
        award_form=award_form,
        collective=collective,
        individual=individual,
        year=year,
        achievements=(achievements or "").strip(),
        stage=Stage.REGISTERED,
        registered_at=timezone.now(),
        registered_by=by,
    )
    _full_clean(nomination)
    _save_unique(
        nomination,
        by=by,
        message="Ứng viên này đã được đăng ký hình thức khen thưởng này trong giai đoạn.",
    )
    return nomination


@transaction.atomic
def nomination_introduce(*, nomination, block, by):
    """Record that the candidate's emulation block introduces the nomination."""
    [nomination] = _locked([nomination])
    _require_stage(nomination, Stage.REGISTERED, "ghi nhận giới thiệu")
    if nomination.unit.block_id != block.pk:
        raise WorkflowError(
            "“%(unit)s” không thuộc “%(block)s”: chỉ khối thi đua của đơn vị mới giới thiệu "
            "được hồ sơ này.",
            code="wrong_block",
            params={"unit": nomination.unit, "block": block},
        )
    nomination.stage = Stage.INTRODUCED
    nomination.introduced_block = block
    nomination.introduced_at = timezone.now()
    nomination.introduced_by = by
    _full_clean(nomination)
    _save(nomination, by=by)
    return nomination


@transaction.atomic
def nomination_reject(*, nomination, reason, by):
    """Reject a nomination that is not yet honoured, keeping the stage it had reached."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("Phải ghi rõ lý do không được chọn.", code="no_reason")
    [nomination] = _locked([nomination])
    if nomination.stage in (Stage.HONOURED, Stage.REJECTED):
        raise WorkflowError(
            "Không thể loại hồ sơ “%(candidate)s”: hồ sơ đang ở bước “%(stage)s”.",
            code="wrong_stage",
            params={"candidate": nomination.candidate, "stage": Stage(nomination.stage).label},
        )
    nomination.rejected_from = nomination.stage
    nomination.stage = Stage.REJECTED
    nomination.rejection_reason = reason
    nomination.rejected_at = timezone.now()
    nomination.rejected_by = by
    _full_clean(nomination)
    _save(nomination, by=by)
    return nomination


# --- Council review --------------------------------------------------------------------


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
    locked = {n.pk: n for n in _locked([item["nomination"] for item in items])}
    if len(locked) != len(items):
        raise WorkflowError("Một hồ sơ chỉ có một kết luận trong cuộc họp.", code="duplicate")
    for item in items:
        nomination = item["nomination"] = locked[item["nomination"].pk]
        _require_stage(nomination, Stage.INTRODUCED, "bình xét")
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
        _full_clean(conclusion)
        _save(conclusion, by=by)
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
        _full_clean(nomination)
        _save(nomination, by=by)
    meeting.recorded_at = now
    meeting.recorded_by = by
    _full_clean(meeting)
    _save(meeting, by=by)
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


# --- Outcomes: the Director's decision, or a proposal upwards ---------------------------


def _check_outcome_nominations(nominations, *, award_form, date, document_label):
    if not nominations:
        raise WorkflowError("Chưa chọn hồ sơ đề nghị nào.", code="empty")
    for nomination in nominations:
        _require_stage(nomination, Stage.REVIEWED, f"lập {document_label} cho")
        if nomination.award_form_id != award_form.pk:
            raise WorkflowError(
                "Hồ sơ “%(candidate)s” đề nghị “%(form)s”, không phải “%(expected)s”.",
                code="wrong_form",
                params={
                    "candidate": nomination.candidate,
                    "form": nomination.award_form,
                    "expected": award_form,
                },
            )
        if nomination.proposal_id:
            raise WorkflowError(
                "Hồ sơ “%(candidate)s” đã được trình cấp trên.",
                code="already_proposed",
                params={"candidate": nomination.candidate},
            )
        if nomination.meeting and date < nomination.meeting.held_on:
            raise WorkflowError(
                "Ngày %(label)s (%(date)s) không được trước ngày họp Hội đồng đề nghị "
                "(%(meeting)s).",
                code="before_meeting",
                params={
                    "label": document_label,
                    "date": f"{date:%d/%m/%Y}",
                    "meeting": f"{nomination.meeting.held_on:%d/%m/%Y}",
                },
            )


@transaction.atomic
def decision_issue(
    *, number, date, signer, signer_position, award_form, nominations, by, document=None
):
    """Record the Director's decision honouring ``nominations``; all of them or none."""
    number = (number or "").strip()
    if not award_form.within_director_authority:
        raise WorkflowError(
            "“%(form)s” thuộc thẩm quyền của %(level)s, không phải của Giám đốc Sở: hãy lập "
            "tờ trình đề nghị khen thưởng.",
            code="authority",
            params={"form": award_form, "level": award_form.get_deciding_level_display()},
        )
    rows = _locked(list(nominations))
    _check_outcome_nominations(rows, award_form=award_form, date=date, document_label="quyết định")
    decision = Decision(
        number=number,
        signed_on=date,
        signer=(signer or "").strip(),
        signer_position=(signer_position or "").strip(),
        award_form=award_form,
        document=document,
        issued_by=by,
    )
    _full_clean(decision, exclude=["issued_at"])
    _save_unique(decision, by=by, message="Số quyết định này đã được sử dụng.")
    now = timezone.now()
    for nomination in rows:
        nomination.stage = Stage.HONOURED
        nomination.decision = decision
        nomination.honoured_at = now
        nomination.honoured_by = by
        _full_clean(nomination)
        _save(nomination, by=by)
    return decision


@transaction.atomic
def proposal_submit(
    *,
    number,
    date,
    award_form,
    nominations,
    by,
    recipient="Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng",
):
    """Record the tờ trình sending reviewed nominations above the Director's authority."""
    number = (number or "").strip()
    if award_form.within_director_authority:
        raise WorkflowError(
            "“%(form)s” thuộc thẩm quyền của Giám đốc Sở: hãy ra quyết định khen thưởng.",
            code="authority",
            params={"form": award_form},
        )
    rows = _locked(list(nominations))
    _check_outcome_nominations(rows, award_form=award_form, date=date, document_label="tờ trình")
    proposal = Proposal(
        number=number,
        submitted_on=date,
        recipient=recipient,
        award_form=award_form,
        submitted_by=by,
    )
    _full_clean(proposal, exclude=["submitted_at"])
    _save_unique(proposal, by=by, message="Số tờ trình này đã được sử dụng.")
    for nomination in rows:
        nomination.proposal = proposal
        _full_clean(nomination)
        _save(nomination, by=by)
    return proposal
