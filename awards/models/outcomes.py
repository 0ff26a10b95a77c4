"""What answers a reviewed nomination: a decision (quyết định) or a tờ trình upwards.

A decision may carry annexed lists for several award forms (each nomination keeps its own
form); its number is unique per issuing body and year, as decisions are numbered. A
decision of a higher level (the province, the Prime Minister, the President) answers a
tờ trình and is recorded when it comes back. A decision, or one row of it, can be revoked
(Luật Thi đua, khen thưởng 2022, Chương VII); it then leaves the public pages and stays in
the admin and the history.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.models.choices import IssuingLevel, RevocationReason


class DecisionQuerySet(models.QuerySet):
    def public(self):
        """Decisions that honoured at least one nomination the public may see."""
        from awards.models.nominations import Nomination

        return self.filter(pk__in=Nomination.objects.honoured().values("decision"))


class Decision(models.Model):
    """A decision (quyết định) honouring reviewed nominations, of any issuing level."""

    number = models.CharField(_("số quyết định"), max_length=60, help_text=_("Ví dụ: 45/QĐ-SKHCN"))
    signed_on = models.DateField(_("ngày ký"))
    issuing_level = models.CharField(
        _("cấp quyết định"),
        max_length=20,
        choices=IssuingLevel.choices,
        default=IssuingLevel.DIRECTOR,
    )
    issuing_body = models.CharField(
        _("người, cơ quan quyết định"),
        max_length=200,
        help_text=_("Ví dụ: Chủ tịch UBND tỉnh Cao Bằng. Hiển thị trên bảng vàng."),
    )
    signer = models.CharField(_("người ký"), max_length=120)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=120, default="Giám đốc")
    proposal = models.ForeignKey(
        "awards.Proposal",
        verbose_name=_("trả lời tờ trình"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
        help_text=_("Quyết định của cấp trên ghi nhận theo tờ trình của Sở."),
    )
    document = models.OneToOneField(
        "documents.LegalDocument",
        verbose_name=_("văn bản công bố"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decision",
        help_text=_("Quyết định dưới dạng văn bản công khai tại mục Văn bản (nếu có)."),
    )
    issued_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("hủy lúc"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận hủy"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    revocation_reason = models.CharField(
        _("căn cứ hủy"), max_length=30, choices=RevocationReason.choices, blank=True
    )
    revocation_document = models.ForeignKey(
        "documents.LegalDocument",
        verbose_name=_("quyết định hủy"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revoked_decisions",
    )
    history = HistoricalRecords()

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "-pk"]
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        constraints = [
            models.UniqueConstraint(
                "number",
                "issuing_body",
                ExtractYear("signed_on"),
                name="awards_decision_unique_number_per_body_year",
                violation_error_message=_(
                    "Số quyết định này đã được sử dụng trong năm của cùng cơ quan ban hành."
                ),
            ),
        ]

    def __str__(self):
        return f"Quyết định số {self.number}"

    def get_absolute_url(self):
        return reverse("awards:decision_detail", args=[self.pk])

    @property
    def is_revoked(self):
        return self.revoked_at is not None


class Proposal(models.Model):
    """A tờ trình to a higher authority for forms above the Director's; several forms each."""

    number = models.CharField(_("số tờ trình"), max_length=60, help_text=_("Ví dụ: 12/TTr-SKHCN"))
    submitted_on = models.DateField(_("ngày trình"))
    recipient = models.CharField(
        _("kính gửi"), max_length=200, default="Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng"
    )
    submitted_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_on", "-pk"]
        verbose_name = _("tờ trình đề nghị khen thưởng")
        verbose_name_plural = _("tờ trình đề nghị khen thưởng")
        constraints = [
            models.UniqueConstraint(
                "number",
                ExtractYear("submitted_on"),
                name="awards_proposal_unique_number_per_year",
                violation_error_message=_("Số tờ trình này đã được sử dụng trong năm."),
            ),
        ]

    def __str__(self):
        return f"Tờ trình số {self.number}"
