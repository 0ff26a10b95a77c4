"""Legal documents published on /van-ban/ (Nghị định 42/2022/NĐ-CP, Điều 4).

The awards registry refers to them (a period's legal basis, the published text of a
decision), but they are the department's documents, not the registry's: any app may link one.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.documents_files import validate_document_file
from core.private_files import publishable_storage
from core.text import fold
from core.uploads import random_upload_to


class LegalDocumentQuerySet(models.QuerySet):
    def public(self):
        """What the public may see: documents marked public."""
        return self.filter(is_public=True)

    def search(self, query):
        """Documents whose number or summary contains ``query``, accents ignored."""
        folded = fold(query)
        if not folded:
            return self
        return self.filter(search_text__contains=folded)


class LegalDocument(models.Model):
    """A legal document as Nghị định 42/2022/NĐ-CP, Điều 4 asks a state website to publish."""

    class Kind(models.TextChoices):
        LAW = "luat", _("Luật")
        DECREE = "nghi-dinh", _("Nghị định")
        CIRCULAR = "thong-tu", _("Thông tư")
        DIRECTIVE = "chi-thi", _("Chỉ thị")
        DECISION = "quyet-dinh", _("Quyết định")
        PLAN = "ke-hoach", _("Kế hoạch")
        OFFICIAL_LETTER = "cong-van", _("Công văn")
        GUIDANCE = "huong-dan", _("Hướng dẫn")
        NOTICE = "thong-bao", _("Thông báo")
        SUBMISSION = "to-trinh", _("Tờ trình")

    number = models.CharField(
        _("số, ký hiệu"), max_length=60, unique=True, help_text=_("Ví dụ: 3617/KH-UBND")
    )
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=Kind.choices)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200)
    issued_on = models.DateField(_("ngày ban hành"))
    effective_on = models.DateField(_("ngày hiệu lực"), null=True, blank=True)
    title = models.TextField(_("trích yếu"))
    signer = models.CharField(_("người ký"), max_length=120, blank=True)
    file = models.FileField(
        _("tệp văn bản"),
        upload_to=random_upload_to("documents"),
        storage=publishable_storage,
        validators=[validate_document_file],
        blank=True,
        help_text=_("PDF, Word hoặc ảnh, tối đa 10 MB."),
    )
    is_public = models.BooleanField(_("công khai"), default=True)
    search_text = models.TextField(editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_text"])

    objects = LegalDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "number"]
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_on__isnull=True) | Q(effective_on__gte=models.F("issued_on")),
                name="documents_legaldocument_effective_after_issued",
                violation_error_message=_("Ngày hiệu lực không được trước ngày ban hành."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} số {self.number}"

    def save(self, *args, **kwargs):
        self.search_text = fold(f"{self.number} {self.title} {self.issuing_body}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:document_detail", args=[self.pk])

    def clean(self):
        if self.effective_on and self.issued_on and self.effective_on < self.issued_on:
            raise ValidationError(
                {"effective_on": _("Ngày hiệu lực không được trước ngày ban hành.")}
            )
