"""Nominations (hồ sơ đề nghị) and the files that support them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.models.choices import CandidateKind, RevocationReason, Stage
from core.documents_files import validate_document_file
from core.private_files import private_storage
from core.uploads import random_upload_to


class NominationQuerySet(models.QuerySet):
    def honoured(self):
        """What the public may see: honoured nominations of public periods (a revoked
        award has the stage ``revoked`` and is therefore left out).

        The one rule of the registry's public pages; candidates' and decisions' ``honoured()``
        and ``public()``, the selectors and the sitemaps all start from it.
        """
        return self.filter(stage=Stage.HONOURED, period__is_public=True)

    def for_block(self, block):
        return self.filter(unit__block=block)


class Nomination(models.Model):
    """One collective or one individual put forward for one award form in one period."""

    period = models.ForeignKey(
        "awards.Period",
        verbose_name=_("giai đoạn"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    year = models.PositiveSmallIntegerField(
        _("năm xét"), help_text=_("Năm thành tích, trong giai đoạn (dùng cho tỷ lệ 15 %).")
    )
    award_form = models.ForeignKey(
        "awards.AwardForm",
        verbose_name=_("hình thức khen thưởng"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    candidate_kind = models.CharField(
        _("loại đối tượng"), max_length=20, choices=CandidateKind.choices, editable=False
    )
    collective = models.ForeignKey(
        "awards.Collective",
        verbose_name=_("tập thể"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
    )
    individual = models.ForeignKey(
        "awards.Individual",
        verbose_name=_("cá nhân"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
    )
    unit = models.ForeignKey(
        "awards.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="nominations",
        editable=False,
        help_text=_("Đơn vị của ứng viên khi đăng ký."),
    )
    achievements = models.TextField(_("tóm tắt thành tích"))
    stage = models.CharField(
        _("bước"), max_length=20, choices=Stage.choices, default=Stage.REGISTERED, editable=False
    )

    registered_at = models.DateTimeField(_("đăng ký lúc"), editable=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đăng ký"),
        on_delete=models.PROTECT,
        editable=False,
        related_name="+",
    )
    introduced_block = models.ForeignKey(
        "awards.EmulationBlock",
        verbose_name=_("khối giới thiệu"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="introduced_nominations",
    )
    introduced_at = models.DateTimeField(_("giới thiệu lúc"), null=True, blank=True, editable=False)
    introduced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận giới thiệu"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("bình xét lúc"), null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận bình xét"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    meeting = models.ForeignKey(
        "awards.CouncilMeeting",
        verbose_name=_("cuộc họp đề nghị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="proposed_nominations",
    )
    proposal = models.ForeignKey(
        "awards.Proposal",
        verbose_name=_("tờ trình"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="nominations",
    )
    decision = models.ForeignKey(
        "awards.Decision",
        verbose_name=_("quyết định"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="nominations",
    )
    honoured_at = models.DateTimeField(_("khen thưởng lúc"), null=True, blank=True, editable=False)
    honoured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận khen thưởng"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    rejected_at = models.DateTimeField(_("loại lúc"), null=True, blank=True, editable=False)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận loại"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    rejected_from = models.CharField(
        _("bị loại ở bước"), max_length=20, choices=Stage.choices, blank=True, editable=False
    )
    rejection_reason = models.TextField(_("lý do không được chọn"), blank=True, editable=False)
    members_total = models.PositiveSmallIntegerField(
        _("tổng số thành viên"),
        null=True,
        blank=True,
        help_text=_("Tập thể: tổng số cán bộ, công chức, người lao động trong năm xét."),
    )
    members_completed = models.PositiveSmallIntegerField(
        _("số thành viên hoàn thành nhiệm vụ"), null=True, blank=True
    )
    members_advanced = models.PositiveSmallIntegerField(
        _("số thành viên đạt Lao động tiên tiến"), null=True, blank=True
    )
    members_fighters = models.PositiveSmallIntegerField(
        _("số thành viên đạt Chiến sĩ thi đua cơ sở"), null=True, blank=True
    )
    revoked_at = models.DateTimeField(
        _("hủy khen thưởng lúc"), null=True, blank=True, editable=False
    )
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
        _("căn cứ hủy khen thưởng"),
        max_length=30,
        choices=RevocationReason.choices,
        blank=True,
        editable=False,
    )
    revocation_document = models.ForeignKey(
        "documents.LegalDocument",
        verbose_name=_("quyết định hủy"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="revoked_nominations",
    )
    history = HistoricalRecords()

    objects = NominationQuerySet.as_manager()

    class Meta:
        ordering = ["period", "candidate_kind", "pk"]
        verbose_name = _("hồ sơ đề nghị")
        verbose_name_plural = _("hồ sơ đề nghị")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        candidate_kind=CandidateKind.COLLECTIVE,
                        collective__isnull=False,
                        individual__isnull=True,
                    )
                    | Q(
                        candidate_kind=CandidateKind.INDIVIDUAL,
                        collective__isnull=True,
                        individual__isnull=False,
                    )
                ),
                name="awards_nomination_one_candidate",
                violation_error_message=_(
                    "Mỗi hồ sơ đề nghị cho đúng một tập thể hoặc một cá nhân."
                ),
            ),
            # The ledger is by year: a title may be awarded every year, and a rejected
            # nomination does not stop the candidate from being put forward again.
            models.UniqueConstraint(
                fields=["year", "award_form", "collective"],
                condition=Q(collective__isnull=False) & ~Q(stage=Stage.REJECTED),
                name="awards_nomination_unique_collective_year",
                violation_error_message=_(
                    "Tập thể này đã có hồ sơ đề nghị hình thức khen thưởng này trong năm."
                ),
            ),
            models.UniqueConstraint(
                fields=["year", "award_form", "individual"],
                condition=Q(individual__isnull=False) & ~Q(stage=Stage.REJECTED),
                name="awards_nomination_unique_individual_year",
                violation_error_message=_(
                    "Cá nhân này đã có hồ sơ đề nghị hình thức khen thưởng này trong năm."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    Q(members_completed__isnull=True)
                    | Q(members_total__isnull=False, members_completed__lte=F("members_total"))
                )
                & (
                    Q(members_advanced__isnull=True)
                    | Q(members_total__isnull=False, members_advanced__lte=F("members_total"))
                )
                & (
                    Q(members_fighters__isnull=True)
                    | Q(members_total__isnull=False, members_fighters__lte=F("members_total"))
                ),
                name="awards_nomination_member_counts_within_total",
                violation_error_message=_("Số thành viên theo từng tiêu chí vượt tổng số."),
            ),
            models.CheckConstraint(
                condition=~Q(stage__in=[Stage.HONOURED, Stage.REVOKED]) | Q(decision__isnull=False),
                name="awards_nomination_honoured_has_decision",
                violation_error_message=_("Hồ sơ được khen thưởng phải có quyết định."),
            ),
            models.CheckConstraint(
                condition=~Q(stage=Stage.REJECTED) | ~Q(rejection_reason=""),
                name="awards_nomination_rejected_has_reason",
                violation_error_message=_("Phải ghi rõ lý do không được chọn."),
            ),
        ]

    def __str__(self):
        return f"{self.candidate} — {self.award_form} năm {self.year}"

    def save(self, *args, **kwargs):
        self._sync_candidate()
        super().save(*args, **kwargs)

    @property
    def candidate(self):
        return self.collective if self.collective_id else self.individual

    def _sync_candidate(self):
        """Derive the kind and unit from the one candidate, so filters need no join logic."""
        if self.collective_id and not self.individual_id:
            self.candidate_kind = CandidateKind.COLLECTIVE
            self.unit_id = self.collective.unit_id
        elif self.individual_id and not self.collective_id:
            self.candidate_kind = CandidateKind.INDIVIDUAL
            self.unit_id = self.individual.unit_id

    def clean_fields(self, exclude=None):
        self._sync_candidate()
        super().clean_fields(exclude=exclude)

    def clean(self):
        if bool(self.collective_id) == bool(self.individual_id):
            raise ValidationError(_("Mỗi hồ sơ đề nghị cho đúng một tập thể hoặc một cá nhân."))
        self._sync_candidate()
        if self.award_form_id and not self.award_form.accepts(self.candidate_kind):
            raise ValidationError(
                {
                    "award_form": _("Hình thức “%(form)s” không dành cho %(kind)s.")
                    % {
                        "form": self.award_form.name,
                        "kind": CandidateKind(self.candidate_kind).label.lower(),
                    }
                }
            )
        if self.period_id and self.year is not None:
            if not self.period.start_year <= self.year <= self.period.end_year:
                raise ValidationError(
                    {
                        "year": _("Năm xét phải nằm trong giai đoạn %(period)s.")
                        % {"period": self.period.name}
                    }
                )


class Attachment(models.Model):
    """A file supporting a nomination; its kind ticks one line of the dossier checklist."""

    class Kind(models.TextChoices):
        UNIT_SUBMISSION = "to-trinh", _("Tờ trình đề nghị của đơn vị")
        ACHIEVEMENT_REPORT = "bao-cao-thanh-tich", _("Báo cáo thành tích")
        REVIEW_MINUTES = "bien-ban-binh-xet", _("Biên bản bình xét của đơn vị")
        INITIATIVE = "sang-kien", _("Giấy chứng nhận sáng kiến")
        OTHER = "khac", _("Tài liệu khác")

    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("hồ sơ đề nghị"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    kind = models.CharField(
        _("loại tài liệu"),
        max_length=30,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_("Hồ sơ đủ khi có mọi loại tài liệu mà hình thức khen thưởng yêu cầu."),
    )
    title = models.CharField(_("tên tài liệu"), max_length=200)
    file = models.FileField(
        _("tệp"),
        upload_to=random_upload_to("awards/attachments"),
        storage=private_storage,
        validators=[validate_document_file],
        help_text=_("PDF, Word hoặc ảnh, tối đa 10 MB."),
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["nomination", "pk"]
        verbose_name = _("tài liệu kèm theo")
        verbose_name_plural = _("tài liệu kèm theo")

    def __str__(self):
        return self.title
