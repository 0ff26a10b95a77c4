"""Who may be nominated: emulation blocks, units, collectives and individuals."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


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
        "awards.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="individuals",
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
