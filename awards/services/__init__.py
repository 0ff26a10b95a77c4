"""The nomination workflow: every write that moves a nomination goes through here.

registered → introduced (by its block) → reviewed (by a council meeting) → honoured (by a
Director's decision), or rejected at any stage before honoured, with a reason; an honoured
nomination may later be revoked (``revocation``). For a form above the Director's authority
the outcome of review is a tờ trình (``proposal_submit``), answered by the higher level's
decision (``decision_record_external``). Eligibility rules live in ``awards.rules``.

Each function is keyword-only, runs in one transaction, locks the nominations it moves,
checks every rule before writing anything and raises ``WorkflowError`` (a
``ValidationError`` with a Vietnamese message) when a step is refused, so a refused step
changes nothing. Each step records who (``by``) and when; the audit history records the
same user through django-simple-history.
"""

# One module per part of the workflow; every public name is importable from here.
from awards.services.common import WorkflowError
from awards.services.council import council_meeting_record, nomination_review
from awards.services.outcomes import (
    EXTERNAL_DECISION_PARTICULARS,
    decision_check,
    decision_issue,
    decision_record_external,
    proposal_submit,
)
from awards.services.registration import (
    nomination_introduce,
    nomination_register,
    nomination_reject,
    registration_approve,
    registration_refuse,
    registration_submit,
)
from awards.services.revocation import decision_revoke, nomination_revoke

__all__ = [
    "EXTERNAL_DECISION_PARTICULARS",
    "WorkflowError",
    "council_meeting_record",
    "decision_check",
    "decision_issue",
    "decision_record_external",
    "decision_revoke",
    "nomination_revoke",
    "registration_approve",
    "registration_refuse",
    "registration_submit",
    "nomination_introduce",
    "nomination_register",
    "nomination_reject",
    "nomination_review",
    "proposal_submit",
]
