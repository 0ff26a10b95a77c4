"""Outcomes of review: the Director's decision, or a tờ trình to a higher authority."""

from django.db import transaction
from django.utils import timezone

from awards.models import Decision, Proposal, Stage
from awards.services.common import (
    WorkflowError,
    full_clean,
    locked,
    require_stage,
    save,
    save_unique,
)


def _check_outcome_nominations(nominations, *, award_form, date, document_label):
    if not nominations:
        raise WorkflowError("Chưa chọn hồ sơ đề nghị nào.", code="empty")
    for nomination in nominations:
        require_stage(nomination, Stage.REVIEWED, f"lập {document_label} cho")
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
    rows = locked(list(nominations))
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
    full_clean(decision, exclude=["issued_at"])
    save_unique(decision, by=by, message="Số quyết định này đã được sử dụng.")
    now = timezone.now()
    for nomination in rows:
        nomination.stage = Stage.HONOURED
        nomination.decision = decision
        nomination.honoured_at = now
        nomination.honoured_by = by
        full_clean(nomination)
        save(nomination, by=by)
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
    rows = locked(list(nominations))
    _check_outcome_nominations(rows, award_form=award_form, date=date, document_label="tờ trình")
    proposal = Proposal(
        number=number,
        submitted_on=date,
        recipient=recipient,
        award_form=award_form,
        submitted_by=by,
    )
    full_clean(proposal, exclude=["submitted_at"])
    save_unique(proposal, by=by, message="Số tờ trình này đã được sử dụng.")
    for nomination in rows:
        nomination.proposal = proposal
        full_clean(nomination)
        save(nomination, by=by)
    return proposal
