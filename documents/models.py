"""Legal documents published on /van-ban/ (Nghị định 42/2022/NĐ-CP, Điều 4).

The awards registry refers to them (a period's legal basis, the published text of a
decision), but they are the department's documents, not the registry's: any app may link one.
Điều 4 khoản 1 điểm a asks for each document's status (in force, expired, replaced), what
replaces it and a link to the national legal-document database; drafts are published for
comment with an open period (``DraftDocument``), and the comments kept for staff only.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.documents_files import ATTACHMENT_LABELS, validate_document_file
from core.private_files import publishable_storage
from core.text import fold, search_words, vietnamese_slugify
from core.uploads import random_upload_to


class LegalDocumentQuerySet(models.QuerySet):
    def public(self):
        """What the public may see: documents marked public."""
        return self.filter(is_public=True)

    def search(self, query):
        """Documents whose kind, number, summary or issuer hold every word of ``query``,
        accents ignored: "quyết định 45" finds "Quyết định số 45/QĐ-SKHCN"."""
        words = search_words(query)
        if not words:
            return self
        return self.filter(*[Q(search_text__contains=word) for word in words])


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
        PROGRAMME = "chuong-trinh", _("Chương trình")
        REPORT = "bao-cao", _("Báo cáo")
        BUDGET = "cong-khai-ngan-sach", _("Công khai ngân sách")

    class Status(models.TextChoices):
        IN_FORCE = "con-hieu-luc", _("Còn hiệu lực")
        EXPIRED = "het-hieu-luc", _("Hết hiệu lực")
        REPLACED = "bi-thay-the", _("Bị thay thế")

    number = models.CharField(
        _("số, ký hiệu"), max_length=60, unique=True, help_text=_("Ví dụ: 3617/KH-UBND")
    )
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=Kind.choices)
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200)
    issued_on = models.DateField(_("ngày ban hành"))
    effective_on = models.DateField(_("ngày hiệu lực"), null=True, blank=True)
    title = models.TextField(_("trích yếu"))
    signer = models.CharField(_("người ký"), max_length=120, blank=True)
    status = models.CharField(
        _("tình trạng hiệu lực"),
        max_length=20,
        choices=Status.choices,
        default=Status.IN_FORCE,
    )
    expired_on = models.DateField(
        _("ngày hết hiệu lực"),
        null=True,
        blank=True,
        help_text=_("Bắt buộc khi văn bản hết hiệu lực hoặc bị thay thế."),
    )
    replaced_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("được thay thế bởi"),
        help_text=_("Văn bản thay thế văn bản này (khi tình trạng là “Bị thay thế”)."),
    )
    field = models.CharField(
        _("lĩnh vực"),
        max_length=120,
        blank=True,
        help_text=_("Ví dụ: Khoa học và công nghệ, Tiêu chuẩn đo lường chất lượng."),
    )
    national_database_url = models.URLField(
        _("liên kết Cơ sở dữ liệu quốc gia về văn bản pháp luật"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Địa chỉ của văn bản trên vbpl.vn (http hoặc https)."),
    )
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
            models.CheckConstraint(
                condition=Q(expired_on__isnull=True) | Q(expired_on__gte=models.F("issued_on")),
                name="documents_legaldocument_expired_after_issued",
                violation_error_message=_("Ngày hết hiệu lực không được trước ngày ban hành."),
            ),
            models.CheckConstraint(
                condition=Q(status="con-hieu-luc") | Q(expired_on__isnull=False),
                name="documents_legaldocument_expired_has_date",
                violation_error_message=_(
                    "Văn bản hết hiệu lực hoặc bị thay thế phải có ngày hết hiệu lực."
                ),
            ),
            models.CheckConstraint(
                condition=Q(replaced_by__isnull=True) | Q(status="bi-thay-the"),
                name="documents_legaldocument_replaced_by_only_when_replaced",
                violation_error_message=_(
                    "Chỉ văn bản có tình trạng “Bị thay thế” mới có văn bản thay thế."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} số {self.number}"

    def save(self, *args, **kwargs):
        # The kind's label is searched too, so "quyết định 45" finds 45/QĐ-SKHCN.
        self.search_text = fold(
            f"{self.get_kind_display()} số {self.number} {self.title} {self.issuing_body}"
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:document_detail", args=[self.pk])

    @property
    def is_in_force(self):
        return self.status == self.Status.IN_FORCE

    @property
    def file_extension(self):
        name = self.file.name or ""
        return name.rsplit(".", 1)[-1].lower() if "." in name else ""

    @property
    def download_name(self):
        """The file name a reader saves: "45/QĐ-SKHCN" → "45-QD-SKHCN.pdf"."""
        stem = vietnamese_slugify(self.number).upper() or f"van-ban-{self.pk}"
        extension = self.file_extension
        return f"{stem}.{extension}" if extension else stem

    @property
    def file_facts(self):
        """The type and size shown beside the download link, or None without a file."""
        if not self.file:
            return None
        extension = self.file_extension
        label = ATTACHMENT_LABELS.get(extension, extension.upper())
        kind = label if label == extension.upper() else f"{label}, {extension.upper()}"
        try:
            size = self.file.size
        except OSError:
            size = None
        return {"kind": kind, "size": size}

    def clean(self):
        errors = {}
        if self.effective_on and self.issued_on and self.effective_on < self.issued_on:
            errors["effective_on"] = _("Ngày hiệu lực không được trước ngày ban hành.")
        if self.expired_on and self.issued_on and self.expired_on < self.issued_on:
            errors["expired_on"] = _("Ngày hết hiệu lực không được trước ngày ban hành.")
        if self.status != self.Status.IN_FORCE and not self.expired_on:
            errors["expired_on"] = _(
                "Văn bản hết hiệu lực hoặc bị thay thế phải có ngày hết hiệu lực."
            )
        if self.replaced_by_id and self.status != self.Status.REPLACED:
            errors["replaced_by"] = _(
                "Chỉ văn bản có tình trạng “Bị thay thế” mới có văn bản thay thế."
            )
        if self.status == self.Status.REPLACED and not self.replaced_by_id:
            errors["replaced_by"] = _("Hãy chọn văn bản thay thế văn bản này.")
        if self.pk and self.replaced_by_id == self.pk:
            errors["replaced_by"] = _("Văn bản không thể thay thế chính nó.")
        if errors:
            raise ValidationError(errors)


class DraftDocumentQuerySet(models.QuerySet):
    def public(self):
        """Drafts the public may see: those marked public."""
        return self.filter(is_public=True)

    def open_on(self, day):
        """Drafts whose comment period includes ``day``."""
        return self.filter(comment_from__lte=day, comment_until__gte=day)


class DraftDocument(models.Model):
    """A draft published for comment during an open period (Nghị định 42/2022, Điều 4)."""

    title = models.CharField(_("tên dự thảo"), max_length=300)
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=LegalDocument.Kind.choices)
    drafting_body = models.CharField(_("cơ quan chủ trì soạn thảo"), max_length=200)
    field = models.CharField(_("lĩnh vực"), max_length=120, blank=True)
    summary = models.TextField(_("tóm tắt nội dung"), blank=True)
    file = models.FileField(
        _("tệp dự thảo"),
        upload_to=random_upload_to("drafts"),
        validators=[validate_document_file],
        blank=True,
        help_text=_("PDF, Word hoặc ảnh, tối đa 10 MB."),
    )
    comment_from = models.DateField(_("ngày bắt đầu lấy ý kiến"))
    comment_until = models.DateField(_("ngày kết thúc lấy ý kiến"))
    is_public = models.BooleanField(_("công khai"), default=True)
    history = HistoricalRecords()

    objects = DraftDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-comment_until", "title"]
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")
        constraints = [
            models.CheckConstraint(
                condition=Q(comment_until__gte=models.F("comment_from")),
                name="documents_draftdocument_period_ordered",
                violation_error_message=_(
                    "Ngày kết thúc lấy ý kiến không được trước ngày bắt đầu."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:draft_detail", args=[self.pk])

    def is_open_on(self, day):
        return self.comment_from <= day <= self.comment_until

    def clean(self):
        if self.comment_from and self.comment_until and self.comment_until < self.comment_from:
            raise ValidationError(
                {"comment_until": _("Ngày kết thúc lấy ý kiến không được trước ngày bắt đầu.")}
            )


class DraftComment(models.Model):
    """A reader's comment on a draft: kept for staff, never published automatically."""

    draft = models.ForeignKey(
        DraftDocument,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("dự thảo"),
    )
    name = models.CharField(_("họ và tên"), max_length=120)
    email = models.EmailField(_("thư điện tử"), max_length=254)
    body = models.TextField(_("nội dung góp ý"), max_length=5000)
    submitted_at = models.DateTimeField(_("thời điểm gửi"), auto_now_add=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = _("ý kiến góp ý")

    def __str__(self):
        return f"{self.name} – {self.draft}"
