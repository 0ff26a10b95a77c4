"""What answers a reviewed nomination: a decision (quyết định) or a tờ trình upwards."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DecisionQuerySet(models.QuerySet):
    def public(self):
        """Decisions that honoured at least one nomination the public may see."""
        from awards.models.nominations import Nomination

        return self.filter(pk__in=Nomination.objects.honoured().values("decision"))


class Decision(models.Model):
    """A decision (quyết định) of the Director honouring reviewed nominations."""

    number = models.CharField(_("số quyết định"), max_length=60, help_text=_("Ví dụ: 45/QĐ-SKHCN"))
    signed_on = models.DateField(_("ngày ký"))
    signer = models.CharField(_("người ký"), max_length=120)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=120, default="Giám đốc")
    award_form = models.ForeignKey(
        "awards.AwardForm",
        verbose_name=_("hình thức khen thưởng"),
        on_delete=models.PROTECT,
        related_name="decisions",
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
    history = HistoricalRecords()

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "-pk"]
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        constraints = [
            models.UniqueConstraint(
                fields=["number"],
                name="awards_decision_unique_number",
                violation_error_message=_("Số quyết định này đã được sử dụng."),
            ),
        ]

    def __str__(self):
        return f"Quyết định số {self.number}"

    def get_absolute_url(self):
        return reverse("awards:decision_detail", args=[self.pk])


class Proposal(models.Model):
    """A tờ trình to the provincial chairman for a form above the Director's authority."""

    number = models.CharField(_("số tờ trình"), max_length=60, help_text=_("Ví dụ: 12/TTr-SKHCN"))
    submitted_on = models.DateField(_("ngày trình"))
    recipient = models.CharField(
        _("kính gửi"), max_length=200, default="Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng"
    )
    award_form = models.ForeignKey(
        "awards.AwardForm",
        verbose_name=_("hình thức đề nghị"),
        on_delete=models.PROTECT,
        related_name="proposals",
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
                fields=["number"],
                name="awards_proposal_unique_number",
                violation_error_message=_("Số tờ trình này đã được sử dụng."),
            ),
        ]

    def __str__(self):
        return f"Tờ trình số {self.number}"
