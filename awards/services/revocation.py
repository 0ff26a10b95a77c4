"""Withdrawing an award (Luật Thi đua, khen thưởng 2022, Chương VII).

A revoked nomination gets the stage ``revoked``: it leaves every public page (which show
``honoured`` only) and keeps its decision, its history and the grounds in the admin.
"""

from django.db import transaction
from django.utils import timezone

from awards.models import Decision, RevocationReason, Stage
from awards.services.common import WorkflowError, locked, require_stage, save


def _reason(reason):
    if reason not in RevocationReason.values:
        raise WorkflowError(
            "Phải chọn căn cứ hủy khen thưởng theo Chương VII Luật Thi đua, khen thưởng 2022.",
            code="no_reason",
        )
    return reason


def _revoke(nomination, *, reason, document, by, now):
    require_stage(nomination, Stage.HONOURED, "hủy khen thưởng")
    nomination.stage = Stage.REVOKED
    nomination.revoked_at = now
    nomination.revoked_by = by
    nomination.revocation_reason = reason
    nomination.revocation_document = document
    save(nomination, by=by)


@transaction.atomic
def nomination_revoke(*, nomination, reason, document=None, by):
    """Withdraw one honoured row of a decision, with the law's ground and the document."""
    reason = _reason(reason)
    [nomination] = locked([nomination])
    _revoke(nomination, reason=reason, document=document, by=by, now=timezone.now())
    return nomination


@transaction.atomic
def decision_revoke(*, decision, reason, document=None, by):
    """Withdraw a whole decision: every row it honoured is revoked; all or none."""
    reason = _reason(reason)
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.revoked_at:
        raise WorkflowError("Quyết định này đã bị hủy.", code="already_revoked")
    rows = locked(list(decision.nominations.filter(stage=Stage.HONOURED)))
    now = timezone.now()
    for nomination in rows:
        _revoke(nomination, reason=reason, document=document, by=by, now=now)
    decision.revoked_at = now
    decision.revoked_by = by
    decision.revocation_reason = reason
    decision.revocation_document = document
    save(decision, by=by, step="Hủy quyết định khen thưởng", exclude=["issued_at"])
    return decision
