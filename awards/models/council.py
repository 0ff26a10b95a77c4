"""The Hội đồng Thi đua, khen thưởng: its meetings and its conclusion on each nomination."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.documents_files import validate_document_file
from core.private_files import private_storage
from core.uploads import random_upload_to


class CouncilMeeting(models.Model):
    """A meeting of the Hội đồng Thi đua, khen thưởng that reviews introduced nominations.

    Conclusions are drafted (in the admin) and become binding only when the meeting is
    recorded by ``services.council_meeting_record``, which checks the council rules.
    """

    period = models.ForeignKey(
        "awards.Period",
        verbose_name=_("giai đoạn"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    held_on = models.DateField(_("ngày họp"))
    title = models.CharField(
        _("nội dung"), max_length=300, default="Họp Hội đồng Thi đua, khen thưởng Sở"
    )
    members_total = models.PositiveSmallIntegerField(_("tổng số thành viên Hội đồng"))
    members_present = models.PositiveSmallIntegerField(_("số thành viên có mặt"))
    secret_ballot = models.BooleanField(_("bỏ phiếu kín"), default=False)
    minutes = models.FileField(
        _("biên bản họp"),
        upload_to=random_upload_to("awards/minutes"),
        storage=private_storage,
        validators=[validate_document_file],
        blank=True,
        help_text=_("PDF, Word hoặc ảnh, tối đa 10 MB."),
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), null=True, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("cuộc họp Hội đồng")
        verbose_name_plural = _("cuộc họp Hội đồng")
        constraints = [
            models.CheckConstraint(
                condition=Q(members_present__lte=models.F("members_total")),
                name="awards_councilmeeting_present_within_total",
                violation_error_message=_("Số thành viên có mặt vượt quá tổng số thành viên."),
            ),
            models.CheckConstraint(
                condition=Q(members_total__gt=0),
                name="awards_councilmeeting_has_members",
                violation_error_message=_("Hội đồng phải có ít nhất một thành viên."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ngày {self.held_on:%d/%m/%Y}"

    def clean(self):
        if (
            self.members_total is not None
            and self.members_present is not None
            and self.members_present > self.members_total
        ):
            raise ValidationError(
                {"members_present": _("Số thành viên có mặt vượt quá tổng số thành viên.")}
            )


class CouncilConclusion(models.Model):
    """The council's conclusion on one nomination: the votes and whether it is proposed."""

    meeting = models.ForeignKey(
        "awards.CouncilMeeting",
        verbose_name=_("cuộc họp"),
        on_delete=models.CASCADE,
        related_name="conclusions",
    )
    nomination = models.ForeignKey(
        "awards.Nomination",
        verbose_name=_("hồ sơ đề nghị"),
        on_delete=models.PROTECT,
        related_name="conclusions",
    )
    votes_for = models.PositiveSmallIntegerField(_("số phiếu đồng ý"))
    votes_against = models.PositiveSmallIntegerField(_("số phiếu không đồng ý"), default=0)
    written_for = models.PositiveSmallIntegerField(
        _("ý kiến bằng văn bản đồng ý"),
        default=0,
        help_text=_("Của thành viên vắng mặt; tính vào tỷ lệ trên tổng số thành viên."),
    )
    written_against = models.PositiveSmallIntegerField(
        _("ý kiến bằng văn bản không đồng ý"), default=0
    )
    proposed = models.BooleanField(
        _("đề nghị khen thưởng"),
        default=True,
        help_text=_("Bỏ chọn nếu Hội đồng không đề nghị (hồ sơ sẽ bị loại khi ghi nhận)."),
    )
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("kết luận của Hội đồng")
        verbose_name_plural = _("kết luận của Hội đồng")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "nomination"],
                name="awards_councilconclusion_once_per_meeting",
                violation_error_message=_("Hồ sơ này đã có kết luận trong cuộc họp."),
            ),
        ]

    def __str__(self):
        return f"{self.nomination} — {self.votes_for}/{self.votes_against}"

    @property
    def total_for(self):
        """Votes in favour, present and in writing."""
        return self.votes_for + self.written_for
