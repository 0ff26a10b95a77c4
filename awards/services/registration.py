"""Registration, introduction by the block, and rejection of a nomination."""

from django.db import transaction
from django.utils import timezone

from awards.models import Nomination, Stage
from awards.services.common import (
    WorkflowError,
    full_clean,
    locked,
    require_stage,
    save,
    save_unique,
)


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
    full_clean(nomination)
    save_unique(
        nomination,
        by=by,
        message="Ứng viên này đã được đăng ký hình thức khen thưởng này trong giai đoạn.",
    )
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
    nomination.stage = Stage.INTRODUCED
    nomination.introduced_block = block
    nomination.introduced_at = timezone.now()
    nomination.introduced_by = by
    full_clean(nomination)
    save(nomination, by=by)
    return nomination


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
    nomination.rejected_from = nomination.stage
    nomination.stage = Stage.REJECTED
    nomination.rejection_reason = reason
    nomination.rejected_at = timezone.now()
    nomination.rejected_by = by
    full_clean(nomination)
    save(nomination, by=by)
    return nomination
