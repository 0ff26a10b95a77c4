"""Who may be nominated: emulation blocks, units, collectives and individuals."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.text import fold


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
        "awards.EmulationBlock",
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
        from awards.models.nominations import Nomination

        field = self.model._meta.model_name  # "collective" or "individual"
        return self.filter(pk__in=Nomination.objects.honoured().values(field))


class Collective(models.Model):
    """A tập thể (a unit, a team, a section) that may be nominated."""

    name = models.CharField(_("tên tập thể"), max_length=200)
    unit = models.ForeignKey(
        "awards.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="collectives",
    )
    search_text = models.TextField(editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_text"])

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

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.name} {self.unit.name if self.unit_id else ''}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("awards:collective_detail", args=[self.pk])

    @property
    def picker_label(self):
        """How the admin's picker shows it: "Tên tập thể — đơn vị"."""
        return f"{self.name} — {self.unit.name}"


class Individual(models.Model):
    """A cá nhân: a civil servant or employee of the department who may be nominated."""

    full_name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    unit = models.ForeignKey(
        "awards.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="individuals",
    )
    search_text = models.TextField(editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_text"])

    objects = CandidateQuerySet.as_manager()

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        unit = self.unit.name if self.unit_id else ""
        self.search_text = fold(f"{self.full_name} {self.position} {unit}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("awards:individual_detail", args=[self.pk])

    @property
    def picker_label(self):
        """How the admin's picker tells namesakes apart: "Họ tên — chức vụ, đơn vị"."""
        details = ", ".join(part for part in (self.position, self.unit.name) if part)
        return f"{self.full_name} — {details}"


ONE_CANDIDATE = _("Chọn đúng một tập thể hoặc một cá nhân.")


def one_candidate_constraint(name):
    """A row about exactly one collective or one individual, in the database."""
    return models.CheckConstraint(
        condition=Q(collective__isnull=True, individual__isnull=False)
        | Q(collective__isnull=False, individual__isnull=True),
        name=name,
        violation_error_message=ONE_CANDIDATE,
    )


class OneCandidateMixin:
    """``one_candidate_constraint`` mirrored in ``clean()``, and the candidate itself."""

    @property
    def candidate(self):
        return self.collective or self.individual

    def clean(self):
        super().clean()
        if bool(self.collective_id) == bool(self.individual_id):
            raise ValidationError(ONE_CANDIDATE)


class DisciplineRecord(OneCandidateMixin, models.Model):
    """A discipline or an investigation of a candidate: no award while it is open."""

    class Kind(models.TextChoices):
        DISCIPLINE = "discipline", _("Đang xem xét, thi hành kỷ luật")
        INVESTIGATION = "investigation", _("Đang bị điều tra, thanh tra, kiểm tra")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    collective = models.ForeignKey(
        "awards.Collective",
        verbose_name=_("tập thể"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="discipline_records",
    )
    individual = models.ForeignKey(
        "awards.Individual",
        verbose_name=_("cá nhân"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="discipline_records",
    )
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(
        _("đến ngày"), null=True, blank=True, help_text=_("Để trống nếu chưa kết thúc.")
    )
    note = models.CharField(_("căn cứ, ghi chú"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("hồ sơ kỷ luật, điều tra")
        verbose_name_plural = _("hồ sơ kỷ luật, điều tra")
        constraints = [
            one_candidate_constraint("awards_disciplinerecord_one_candidate"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="awards_disciplinerecord_ends_after_start",
                violation_error_message=_("Ngày kết thúc không được trước ngày bắt đầu."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.candidate}"

    def clean(self):
        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Ngày kết thúc không được trước ngày bắt đầu.")})
