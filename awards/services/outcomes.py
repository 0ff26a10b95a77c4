"""Outcomes of review: the Director's decision, a tờ trình upwards, and the higher level's
decision that answers it.

A decision or a tờ trình may hold nominations of several award forms: each keeps its own.
The Director's authority is checked by ``decision_issue`` only; a higher level's decision is
recorded as it came back (``decision_record_external``).
"""

from django.db import transaction
from django.utils import timezone

from awards import conf, rules
from awards.models import AwardForm, Decision, IssuingLevel, Proposal, Stage
from awards.services.common import WorkflowError, locked, require_stage, save, save_unique

NOT_HONOURED_REASON = "Cấp trên không khen thưởng"

# The higher level's decision itself, as ``decision_record_external`` takes it: the admin's
# form and the demo data hold them under these names and pass them through.
EXTERNAL_DECISION_PARTICULARS = ("number", "date", "issuing_body", "signer", "signer_position")

# The issuing level a higher decision has by default, from the catalogue's deciding level.
LEVEL_OF_FORM = {
    AwardForm.Level.DIRECTOR: IssuingLevel.DIRECTOR,
    AwardForm.Level.PROVINCE: IssuingLevel.PROVINCE,
    AwardForm.Level.CENTRAL: IssuingLevel.PRIME_MINISTER,
}


def _check_outcome_nominations(nominations, *, date, document_label, award_form=None):
    if not nominations:
        raise WorkflowError("Chưa chọn hồ sơ đề nghị nào.", code="empty")
    for nomination in nominations:
        require_stage(nomination, Stage.REVIEWED, f"lập {document_label} cho")
        if award_form is not None and nomination.award_form_id != award_form.pk:
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


def _honour(rows, decision, *, by):
    now = timezone.now()
    for nomination in rows:
        nomination.stage = Stage.HONOURED
        nomination.decision = decision
        nomination.honoured_at = now
        nomination.honoured_by = by
        save(nomination, by=by)


def decision_check(*, nominations, date, award_form=None):
    """Every check of ``decision_issue`` that needs no number: authority, stages, rules.

    The admin runs it before showing the decision form, so the secretary is told at once.
    """
    rows = list(nominations)
    for form in {n.award_form for n in rows}:
        if not form.within_director_authority:
            raise WorkflowError(
                "“%(form)s” thuộc thẩm quyền của %(level)s, không phải của Giám đốc Sở: hãy "
                "lập tờ trình đề nghị khen thưởng.",
                code="authority",
                params={"form": form, "level": form.get_deciding_level_display()},
            )
    _check_outcome_nominations(rows, award_form=award_form, date=date, document_label="quyết định")
    rules.check_decision(rows, on=date)


def _save_decision(decision, *, by, message, step):
    """Save a new decision (``issued_at`` is set as it is saved), its number unique."""
    save_unique(decision, by=by, message=message, step=step, exclude=["issued_at"])


@transaction.atomic
def decision_issue(
    *,
    number,
    date,
    signer,
    signer_position,
    nominations,
    by,
    award_form=None,
    document=None,
    issuing_body=None,
):
    """Record the Director's decision honouring ``nominations``; all of them or none.

    The nominations may be of several forms (the annexed lists of one decision); with
    ``award_form`` given, every nomination must be of that form.
    """
    number = (number or "").strip()
    rows = locked(list(nominations))
    decision_check(nominations=rows, date=date, award_form=award_form)
    decision = Decision(
        number=number,
        signed_on=date,
        issuing_level=IssuingLevel.DIRECTOR,
        issuing_body=issuing_body or conf.director_issuing_body(),
        signer=(signer or "").strip(),
        signer_position=(signer_position or "").strip(),
        document=document,
        issued_by=by,
    )
    _save_decision(
        decision, by=by, message="Số quyết định này đã được sử dụng.", step="Bước 4: quyết định"
    )
    _honour(rows, decision, by=by)
    return decision


@transaction.atomic
def proposal_submit(
    *,
    number,
    date,
    nominations,
    by,
    award_form=None,
    recipient="Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng",
):
    """Record the tờ trình sending reviewed nominations above the Director's authority."""
    number = (number or "").strip()
    rows = locked(list(nominations))
    for form in {n.award_form for n in rows}:
        if form.within_director_authority:
            raise WorkflowError(
                "“%(form)s” thuộc thẩm quyền của Giám đốc Sở: hãy ra quyết định khen thưởng.",
                code="authority",
                params={"form": form},
            )
    _check_outcome_nominations(rows, award_form=award_form, date=date, document_label="tờ trình")
    proposal = Proposal(number=number, submitted_on=date, recipient=recipient, submitted_by=by)
    save_unique(
        proposal,
        by=by,
        message="Số tờ trình này đã được sử dụng.",
        step="Bước 4: tờ trình",
        exclude=["submitted_at"],
    )
    for nomination in rows:
        nomination.proposal = proposal
        save(nomination, by=by)
    return proposal


@transaction.atomic
def decision_record_external(
    *,
    proposal,
    number,
    date,
    issuing_body,
    signer,
    signer_position,
    honoured,
    not_honoured=(),
    by,
    issuing_level=None,
    document=None,
):
    """Record the higher level's decision answering ``proposal`` (tờ trình).

    ``honoured`` become honoured with the decision; ``not_honoured`` are rejected with the
    reason "Cấp trên không khen thưởng"; nominations of the tờ trình in neither list wait for
    a later decision. All nominations must belong to the tờ trình and still be reviewed.
    """
    honoured, not_honoured = list(honoured), list(not_honoured)
    if not honoured and not not_honoured:
        raise WorkflowError("Chưa chọn hồ sơ đề nghị nào.", code="empty")
    if {n.pk for n in honoured} & {n.pk for n in not_honoured}:
        raise WorkflowError(
            "Một hồ sơ không thể vừa được khen thưởng vừa không được khen thưởng.",
            code="both_lists",
        )
    rows = {n.pk: n for n in locked([*honoured, *not_honoured])}
    for nomination in rows.values():
        require_stage(nomination, Stage.REVIEWED, "ghi nhận quyết định của cấp trên cho")
        if nomination.proposal_id != proposal.pk:
            raise WorkflowError(
                "Hồ sơ “%(candidate)s” không thuộc %(proposal)s.",
                code="wrong_proposal",
                params={"candidate": nomination.candidate, "proposal": proposal},
            )
    if date < proposal.submitted_on:
        raise WorkflowError(
            "Ngày quyết định (%(date)s) không được trước ngày tờ trình (%(submitted)s).",
            code="before_proposal",
            params={"date": f"{date:%d/%m/%Y}", "submitted": f"{proposal.submitted_on:%d/%m/%Y}"},
        )
    honoured_rows = [rows[n.pk] for n in honoured]
    if issuing_level is None:
        levels = {LEVEL_OF_FORM[n.award_form.deciding_level] for n in honoured_rows}
        issuing_level = levels.pop() if len(levels) == 1 else IssuingLevel.PROVINCE
    decision = None
    if honoured_rows:
        decision = Decision(
            number=(number or "").strip(),
            signed_on=date,
            issuing_level=issuing_level,
            issuing_body=(issuing_body or "").strip(),
            signer=(signer or "").strip(),
            signer_position=(signer_position or "").strip(),
            proposal=proposal,
            document=document,
            issued_by=by,
        )
        _save_decision(
            decision,
            by=by,
            message="Số quyết định này đã được sử dụng trong năm của cùng cơ quan ban hành.",
            step="Bước 5: quyết định của cấp trên",
        )
        _honour(honoured_rows, decision, by=by)
    now = timezone.now()
    for nomination in (rows[n.pk] for n in not_honoured):
        nomination.rejected_from = nomination.stage
        nomination.stage = Stage.REJECTED
        nomination.rejection_reason = (
            f"{NOT_HONOURED_REASON} (quyết định số {number} ngày {date:%d/%m/%Y})."
        )
        nomination.rejected_at = now
        nomination.rejected_by = by
        save(nomination, by=by)
    return decision
