"""Models of the exemplar registry (điển hình tiên tiến).

A ``Nomination`` puts one collective or one individual forward for one award form in one
period. It moves registered → introduced (by its emulation block) → reviewed (by a council
meeting) → honoured (by a Director's decision), or is rejected at any stage with a reason.
The moves are made by ``awards.services`` only; these models hold the data and the rules
that a single row must obey (database constraints mirrored in ``clean()``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.documents_files import validate_document_file
from core.text import vietnamese_slugify
from core.uploads import random_upload_to


class CandidateKind(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")


class Stage(models.TextChoices):
    REGISTERED = "registered", _("Đã đăng ký")
    INTRODUCED = "introduced", _("Đã được khối giới thiệu")
    REVIEWED = "reviewed", _("Đã được Hội đồng bình xét")
    HONOURED = "honoured", _("Đã được tôn vinh, khen thưởng")
    REJECTED = "rejected", _("Không được chọn")


# --- Award catalogue -------------------------------------------------------------------


class AwardForm(models.Model):
    """An emulation title or a form of commendation, and who may decide it (Điều 80)."""

    class Category(models.TextChoices):
        TITLE = "title", _("Danh hiệu thi đua")
        COMMENDATION = "commendation", _("Hình thức khen thưởng")

    class Recipient(models.TextChoices):
        COLLECTIVE = "collective", _("Tập thể")
        INDIVIDUAL = "individual", _("Cá nhân")
        BOTH = "both", _("Tập thể và cá nhân")

    class Level(models.TextChoices):
        DIRECTOR = "director", _("Giám đốc Sở")
        PROVINCE = "province", _("Chủ tịch Ủy ban nhân dân tỉnh")
        CENTRAL = "central", _("Thủ tướng Chính phủ, Chủ tịch nước")

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    category = models.CharField(_("loại"), max_length=20, choices=Category.choices)
    recipient = models.CharField(
        _("đối tượng"),
        max_length=20,
        choices=Recipient.choices,
        help_text=_("Tặng cho tập thể, cá nhân, hay cả hai (Giấy khen, Bằng khen)."),
    )
    deciding_level = models.CharField(
        _("cấp quyết định"),
        max_length=20,
        choices=Level.choices,
        help_text=_(
            "Giám đốc Sở tự quyết định; cấp cao hơn thì Sở lập tờ trình đề nghị khen thưởng."
        ),
    )
    secret_ballot = models.BooleanField(
        _("bỏ phiếu kín"),
        default=False,
        help_text=_("Chiến sĩ thi đua cấp tỉnh trở lên: 90 % tổng số thành viên, phiếu kín."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    history = HistoricalRecords()

    LAO_DONG_TIEN_TIEN = "lao-dong-tien-tien"
    CHIEN_SI_THI_DUA_CO_SO = "chien-si-thi-dua-co-so"

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("danh hiệu và hình thức khen thưởng")

    def __str__(self):
        return self.name

    @property
    def within_director_authority(self):
        return self.deciding_level == self.Level.DIRECTOR

    def accepts(self, kind):
        return self.recipient in (self.Recipient.BOTH, kind)


# --- Periods ---------------------------------------------------------------------------


class PeriodQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class Period(models.Model):
    """A period of the exemplar programme, e.g. 2015-2020, with its legal basis."""

    name = models.CharField(_("tên giai đoạn"), max_length=100, help_text=_("Ví dụ: 2015-2020"))
    slug = models.SlugField(_("đường dẫn"), max_length=100, unique=True)
    start_year = models.PositiveSmallIntegerField(_("năm bắt đầu"))
    end_year = models.PositiveSmallIntegerField(_("năm kết thúc"))
    legal_basis = models.TextField(
        _("căn cứ pháp lý"), blank=True, help_text=_("Tóm tắt các văn bản làm căn cứ.")
    )
    legal_documents = models.ManyToManyField(
        "documents.LegalDocument",
        verbose_name=_("văn bản căn cứ"),
        related_name="periods",
        blank=True,
    )
    is_public = models.BooleanField(_("công khai"), default=True)
    history = HistoricalRecords()

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-start_year", "name"]
        verbose_name = _("giai đoạn")
        verbose_name_plural = _("giai đoạn")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")),
                name="awards_period_end_after_start",
                violation_error_message=_("Năm kết thúc không được trước năm bắt đầu."),
            ),
        ]

    def __str__(self):
        return f"Giai đoạn {self.name}"

    def get_absolute_url(self):
        return reverse("awards:honour_board", args=[self.slug])

    def clean(self):
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Năm kết thúc không được trước năm bắt đầu.")})
        if not self.slug and self.name:
            self.slug = vietnamese_slugify(self.name)


# --- Blocks, units, candidates ---------------------------------------------------------


class EmulationBlock(models.Model):
    """A khối thi đua: units that compete together and introduce their best candidates."""

    name = models.CharField(_("tên khối"), max_length=200, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("khối thi đua")
        verbose_name_plural = _("khối thi đua")

    def __str__(self):
        return self.name


class Unit(models.Model):
    """A phòng or đơn vị trực thuộc of the department, belonging to one emulation block."""

    class Kind(models.TextChoices):
        OFFICE = "office", _("Phòng, văn phòng thuộc Sở")
        AFFILIATE = "affiliate", _("Đơn vị trực thuộc")

    name = models.CharField(_("tên đơn vị"), max_length=200, unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.OFFICE)
    block = models.ForeignKey(
        EmulationBlock,
        verbose_name=_("khối thi đua"),
        on_delete=models.PROTECT,
        related_name="units",
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self):
        return self.name


class CandidateQuerySet(models.QuerySet):
    def honoured(self):
        """Candidates with at least one nomination the public may see (``honoured()``)."""
        field = self.model._meta.model_name  # "collective" or "individual"
        return self.filter(pk__in=Nomination.objects.honoured().values(field))


class Collective(models.Model):
    """A tập thể (a unit, a team, a section) that may be nominated."""

    name = models.CharField(_("tên tập thể"), max_length=200)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="collectives"
    )
    history = HistoricalRecords()

    objects = CandidateQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("tập thể")
        verbose_name_plural = _("tập thể")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "unit"],
                name="awards_collective_unique_name_unit",
                violation_error_message=_("Đơn vị này đã có tập thể cùng tên."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("awards:collective_detail", args=[self.pk])


class Individual(models.Model):
    """A cá nhân: a civil servant or employee of the department who may be nominated."""

    full_name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="individuals"
    )
    history = HistoricalRecords()

    objects = CandidateQuerySet.as_manager()

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("awards:individual_detail", args=[self.pk])


# --- Council, decisions, proposals -----------------------------------------------------


class CouncilMeeting(models.Model):
    """A meeting of the Hội đồng Thi đua, khen thưởng that reviews introduced nominations.

    Conclusions are drafted (in the admin) and become binding only when the meeting is
    recorded by ``services.council_meeting_record``, which checks the council rules.
    """

    period = models.ForeignKey(
        Period, verbose_name=_("giai đoạn"), on_delete=models.PROTECT, related_name="meetings"
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
        CouncilMeeting,
        verbose_name=_("cuộc họp"),
        on_delete=models.CASCADE,
        related_name="conclusions",
    )
    nomination = models.ForeignKey(
        "Nomination",
        verbose_name=_("hồ sơ đề nghị"),
        on_delete=models.PROTECT,
        related_name="conclusions",
    )
    votes_for = models.PositiveSmallIntegerField(_("số phiếu đồng ý"))
    votes_against = models.PositiveSmallIntegerField(_("số phiếu không đồng ý"), default=0)
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


class DecisionQuerySet(models.QuerySet):
    def public(self):
        """Decisions that honoured at least one nomination the public may see."""
        return self.filter(pk__in=Nomination.objects.honoured().values("decision"))


class Decision(models.Model):
    """A decision (quyết định) of the Director honouring reviewed nominations."""

    number = models.CharField(_("số quyết định"), max_length=60, help_text=_("Ví dụ: 45/QĐ-SKHCN"))
    signed_on = models.DateField(_("ngày ký"))
    signer = models.CharField(_("người ký"), max_length=120)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=120, default="Giám đốc")
    award_form = models.ForeignKey(
        AwardForm,
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
        AwardForm,
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


# --- Nominations -----------------------------------------------------------------------


class NominationQuerySet(models.QuerySet):
    def honoured(self):
        """What the public may see: honoured nominations of public periods.

        The one rule of the registry's public pages; candidates' and decisions' ``honoured()``
        and ``public()``, the selectors and the sitemaps all start from it.
        """
        return self.filter(stage=Stage.HONOURED, period__is_public=True)

    def for_block(self, block):
        return self.filter(unit__block=block)


class Nomination(models.Model):
    """One collective or one individual put forward for one award form in one period."""

    period = models.ForeignKey(
        Period, verbose_name=_("giai đoạn"), on_delete=models.PROTECT, related_name="nominations"
    )
    year = models.PositiveSmallIntegerField(
        _("năm xét"), help_text=_("Năm thành tích, trong giai đoạn (dùng cho tỷ lệ 15 %).")
    )
    award_form = models.ForeignKey(
        AwardForm,
        verbose_name=_("hình thức khen thưởng"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    candidate_kind = models.CharField(
        _("loại đối tượng"), max_length=20, choices=CandidateKind.choices, editable=False
    )
    collective = models.ForeignKey(
        Collective,
        verbose_name=_("tập thể"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
    )
    individual = models.ForeignKey(
        Individual,
        verbose_name=_("cá nhân"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
    )
    unit = models.ForeignKey(
        Unit,
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
        EmulationBlock,
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
        CouncilMeeting,
        verbose_name=_("cuộc họp đề nghị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="proposed_nominations",
    )
    proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("tờ trình"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="nominations",
    )
    decision = models.ForeignKey(
        Decision,
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
            models.UniqueConstraint(
                fields=["period", "award_form", "collective"],
                condition=Q(collective__isnull=False),
                name="awards_nomination_unique_collective",
                violation_error_message=_(
                    "Tập thể này đã được đăng ký hình thức khen thưởng này trong giai đoạn."
                ),
            ),
            models.UniqueConstraint(
                fields=["period", "award_form", "individual"],
                condition=Q(individual__isnull=False),
                name="awards_nomination_unique_individual",
                violation_error_message=_(
                    "Cá nhân này đã được đăng ký hình thức khen thưởng này trong giai đoạn."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(stage=Stage.HONOURED) | Q(decision__isnull=False),
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
        return f"{self.candidate} — {self.award_form} ({self.period.name})"

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
    """A file supporting a nomination (báo cáo thành tích, xác nhận…)."""

    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("hồ sơ đề nghị"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    title = models.CharField(_("tên tài liệu"), max_length=200)
    file = models.FileField(
        _("tệp"),
        upload_to=random_upload_to("awards/attachments"),
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
