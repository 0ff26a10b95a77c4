"""Start-of-year registration (đăng ký thi đua): the titles a unit or person aims for.

Not to be confused with a nomination's first stage ("Đã lập hồ sơ đề nghị"), which puts a
candidate into the programme's pool. A registration is sent (Chờ duyệt) and approved or
refused by the council's secretary; ``AWARDS_REQUIRE_APPROVED_REGISTRATION`` makes an
approved one a condition of a nomination for the same year and form.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.models.people import OneCandidateMixin, one_candidate_constraint


class EmulationRegistration(OneCandidateMixin, models.Model):
    """One collective or individual's registration for one award form in one year."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Chưa gửi")
        PENDING = "pending", _("Chờ duyệt")
        REFUSED = "refused", _("Từ chối")
        APPROVED = "approved", _("Đã duyệt")

    year = models.PositiveSmallIntegerField(_("năm"))
    award_form = models.ForeignKey(
        "awards.AwardForm",
        verbose_name=_("danh hiệu đăng ký"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    collective = models.ForeignKey(
        "awards.Collective",
        verbose_name=_("tập thể"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
    )
    individual = models.ForeignKey(
        "awards.Individual",
        verbose_name=_("cá nhân"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
    )
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=State.choices, default=State.DRAFT, editable=False
    )
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    note = models.CharField(_("ghi chú, lý do từ chối"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "pk"]
        verbose_name = _("đăng ký thi đua đầu năm")
        verbose_name_plural = _("đăng ký thi đua đầu năm")
        constraints = [
            one_candidate_constraint("awards_registration_one_candidate"),
            models.UniqueConstraint(
                fields=["year", "award_form", "collective"],
                condition=Q(collective__isnull=False),
                name="awards_registration_unique_collective",
                violation_error_message=_("Tập thể này đã đăng ký danh hiệu này trong năm."),
            ),
            models.UniqueConstraint(
                fields=["year", "award_form", "individual"],
                condition=Q(individual__isnull=False),
                name="awards_registration_unique_individual",
                violation_error_message=_("Cá nhân này đã đăng ký danh hiệu này trong năm."),
            ),
        ]

    def __str__(self):
        return f"{self.candidate} — {self.award_form} năm {self.year}"
