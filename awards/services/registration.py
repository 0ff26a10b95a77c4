"""Registration, introduction by the block, and rejection of a nomination; and the
start-of-year registration (đăng ký thi đua) a nomination may require."""

from django.db import transaction
from django.utils import timezone

from awards import rules
from awards.models import EmulationRegistration, Nomination, Stage
from awards.services.common import WorkflowError, locked, require_stage, save, save_unique


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
    rules.registration_approved(
        year=year, award_form=award_form, collective=collective, individual=individual
    )
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
    save_unique(
        nomination,
        by=by,
        message="Ứng viên này đã có hồ sơ đề nghị hình thức khen thưởng này trong năm.",
    )
    return nomination


def _move(nomination, stage, step, *, by, **fields):
    """Move a locked ``nomination`` to ``stage`` with ``fields``, stamping ``<step>_at`` (now)
    and ``<step>_by``; validate and save it."""
    nomination.stage = stage
    for name, value in fields.items():
        setattr(nomination, name, value)
    setattr(nomination, f"{step}_at", timezone.now())
    setattr(nomination, f"{step}_by", by)
    save(nomination, by=by)
    return nomination


@transaction.atomic
def nomination_introduce(*, nomination, block, by):
    """Record that the candidate's emulation block introduces the nomination."""
    [nomination] = locked([nomination])
    require_stage(nomination, Stage.REGISTERED, "ghi nhận giới thiệu")
    if nomination.unit.block_id != block.pk:
        raise WorkflowError(
            "“%(unit)s” không thuộc “%(block)s”: chỉ khối thi đua của đơn vị mới giới thiệu "
            "được hồ sơ này.",
            code="wrong_block",
            params={"unit": nomination.unit, "block": block},
        )
    return _move(nomination, Stage.INTRODUCED, "introduced", by=by, introduced_block=block)


@transaction.atomic
def nomination_reject(*, nomination, reason, by):
    """Reject a nomination that is not yet honoured, keeping the stage it had reached."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("Phải ghi rõ lý do không được chọn.", code="no_reason")
    [nomination] = locked([nomination])
    if nomination.stage in (Stage.HONOURED, Stage.REJECTED):
        raise WorkflowError(
            "Không thể loại hồ sơ “%(candidate)s”: hồ sơ đang ở bước “%(stage)s”.",
            code="wrong_stage",
            params={"candidate": nomination.candidate, "stage": Stage(nomination.stage).label},
        )
    return _move(
        nomination,
        Stage.REJECTED,
        "rejected",
        by=by,
        rejected_from=nomination.stage,
        rejection_reason=reason,
    )


# --- Start-of-year registration (đăng ký thi đua) --------------------------------------

State = EmulationRegistration.State


def _move_registration(registration, *, expected, state, by, note=None):
    registration = EmulationRegistration.objects.select_for_update().get(pk=registration.pk)
    if registration.state not in expected:
        raise WorkflowError(
            "Đăng ký thi đua “%(registration)s” đang ở trạng thái “%(state)s”.",
            code="wrong_state",
            params={"registration": registration, "state": State(registration.state).label},
        )
    registration.state = state
    now = timezone.now()
    if state == State.PENDING:
        registration.submitted_at = now
    else:
        registration.decided_at = now
        registration.decided_by = by
    if note is not None:
        registration.note = note
    save(registration, by=by)
    return registration


@transaction.atomic
def registration_submit(*, registration, by):
    """Send a registration for approval (Chưa gửi or Từ chối → Chờ duyệt)."""
    return _move_registration(
        registration, expected=[State.DRAFT, State.REFUSED], state=State.PENDING, by=by
    )


@transaction.atomic
def registration_approve(*, registration, by):
    """Approve a pending registration (Chờ duyệt → Đã duyệt)."""
    return _move_registration(registration, expected=[State.PENDING], state=State.APPROVED, by=by)


@transaction.atomic
def registration_refuse(*, registration, reason, by):
    """Refuse a pending registration with a reason (Chờ duyệt → Từ chối)."""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError("Phải ghi rõ lý do từ chối.", code="no_reason")
    return _move_registration(
        registration, expected=[State.PENDING], state=State.REFUSED, by=by, note=reason
    )
