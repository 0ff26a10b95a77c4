"""Models of the visitor statistics."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailySalt(models.Model):
    """The random salt of one day, mixed into every visitor hash of that day.

    Kept in the database so that every process and server hashes a visitor the same way;
    deleted after two days, after which a stored hash can no longer be linked to anybody.
    """

    day = models.DateField(_("ngày"), unique=True)
    salt = models.CharField(_("muối"), max_length=64)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("muối trong ngày")
        verbose_name_plural = _("muối trong ngày")

    def __str__(self):
        return self.day.isoformat()
