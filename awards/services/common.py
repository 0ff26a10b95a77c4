"""What every workflow step shares: the refusal type, saving with the author, row locks."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from awards.models import Nomination, Stage


class WorkflowError(ValidationError):
    """A refused workflow step; ``str()`` gives the Vietnamese message for the user."""

    def __init__(self, message, code="workflow", params=None):
        super().__init__(message, code=code, params=params)

    def __str__(self):
        return " ".join(self.messages)


def full_clean(instance, **kwargs):
    try:
        instance.full_clean(**kwargs)
    except ValidationError as exc:
        raise WorkflowError(exc.messages) from exc


# The workflow step a nomination's history entry names ("Change reason" in the admin), so
# the history says which step changed it, not only which fields.
STEP_OF_STAGE = {
    Stage.REGISTERED: "Bước 1: lập hồ sơ đề nghị",
    Stage.INTRODUCED: "Bước 2: khối thi đua giới thiệu",
    Stage.REVIEWED: "Bước 3: Hội đồng bình xét, đề nghị",
    Stage.HONOURED: "Bước 4–5: quyết định khen thưởng",
    Stage.REJECTED: "Không được chọn (loại hồ sơ)",
    Stage.REVOKED: "Hủy khen thưởng (Chương VII Luật Thi đua, khen thưởng)",
}


def save(instance, *, by, step=None, exclude=None):
    """Validate (``full_clean`` but for the fields in ``exclude``), then save with ``by`` as
    the author of the history entry and ``step`` as its reason."""
    full_clean(instance, exclude=exclude)
    if step is None and isinstance(instance, Nomination):
        step = STEP_OF_STAGE.get(instance.stage)
        if instance.stage == Stage.REVIEWED and instance.proposal_id:
            step = "Bước 4: tờ trình đề nghị cấp trên khen thưởng"
    instance._history_user = by
    instance._change_reason = (step or "")[:100] or None
    instance.save()


def save_unique(instance, *, by, message, step=None, exclude=None):
    """``save`` a row whose number (or candidate) must be unique, refusing a duplicate cleanly.

    ``full_clean`` checks uniqueness; the savepoint catches the row a concurrent request
    inserted in between, so the caller's transaction stays usable.
    """
    try:
        with transaction.atomic():
            save(instance, by=by, step=step, exclude=exclude)
    except IntegrityError as exc:
        raise WorkflowError(message, code="duplicate") from exc


def locked(nominations):
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


def require_stage(nomination, expected, action):
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
