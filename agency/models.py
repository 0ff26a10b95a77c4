"""What a state agency publishes about itself (Nghị định 42/2022/NĐ-CP, Điều 4 khoản 1).

- ``OrgUnit``: the department and its units (Điều 4 k1 e): functions and tasks, address,
  phone, email, and the tree that the organisation chart draws. The unit without a parent
  is the department itself; its address, phone and email are the site's contacts.
- ``Official``: leaders ("Lãnh đạo Sở") and the contact official (đầu mối liên hệ) with
  the five fields the decree names: name, position, unit, phone, official email.
- ``ProcedureLink``: administrative procedures (Điều 4 k1 c), each a link to the
  public-service portal where it is carried out.
- ``Disclosure``: annual plans, financial reports, budget disclosures and statistics
  (Điều 4 k1 d–đ), one downloadable document each.

English texts (Điều 7 k2) are explicit ``*_en`` fields; see the README for why not
django-modeltranslation.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.documents_files import validate_document_file
from core.text import vietnamese_slugify
from core.uploads import random_upload_to, validate_image

HTTP_SCHEMES = ["http", "https"]
DEMO_HELP = _("Đánh dấu người hoặc đơn vị do dữ liệu mẫu tạo ra (không có thật).")


def english_active():
    """True inside the English pages (the only place English is ever activated)."""
    return (translation.get_language() or "").startswith("en")


class OrgUnit(models.Model):
    """The department (no parent) or one of its units (phòng, chi cục, trung tâm)."""

    name = models.CharField(_("tên đơn vị"), max_length=200)
    name_en = models.CharField(
        _("tên tiếng Anh"),
        max_length=200,
        help_text=_("Hiện ở các trang tiếng Anh (Điều 7 khoản 2 Nghị định 42/2022)."),
    )
    slug = models.SlugField(
        _("đường dẫn"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Để trống để tạo tự động từ tên (bỏ dấu, đ → d)."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Để trống cho chính Sở (gốc của sơ đồ tổ chức)."),
    )
    functions = models.TextField(
        _("chức năng, nhiệm vụ"),
        blank=True,
        help_text=_("Mỗi đoạn một dòng; hiện ở trang Giới thiệu và trang của đơn vị."),
    )
    functions_en = models.TextField(_("chức năng, nhiệm vụ (tiếng Anh)"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    address_en = models.CharField(
        _("địa chỉ (tiếng Anh)"),
        max_length=300,
        blank=True,
        help_text=_("Viết không dấu, ví dụ: No. 044 Hoang Dinh Giong Street, Cao Bang."),
    )
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    order = models.PositiveSmallIntegerField(
        _("thứ tự"), default=0, help_text=_("Số nhỏ hiển thị trước.")
    )
    is_demo = models.BooleanField(_("dữ liệu mẫu"), default=False, help_text=DEMO_HELP)

    history = HistoricalRecords(verbose_name=_("lịch sử đơn vị"))

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("cơ cấu tổ chức")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="agency_orgunit_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = vietnamese_slugify(self.name, max_length=200)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("agency_unit", args=[self.slug])

    def clean(self):
        super().clean()
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError(
                    {"parent": _("Đơn vị cấp trên không được là chính đơn vị hoặc đơn vị con.")}
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    @property
    def local_name(self):
        """The name in the active language (English pages show the English name)."""
        return (self.name_en or self.name) if english_active() else self.name

    @property
    def local_address(self):
        return (self.address_en or self.address) if english_active() else self.address

    def function_paragraphs(self):
        """The functions and tasks, one paragraph a line, in the active language."""
        text = self.functions_en if english_active() else self.functions
        return [line.strip() for line in text.splitlines() if line.strip()]


class Official(models.Model):
    """A leader or official the public may contact (Điều 4 k1 e: the contact official)."""

    full_name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=200)
    position_en = models.CharField(_("chức vụ (tiếng Anh)"), max_length=200)
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="officials",
    )
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    email = models.EmailField(
        _("thư điện tử công vụ"), blank=True, help_text=_("Địa chỉ @caobang.gov.vn.")
    )
    photo = models.ImageField(
        _("ảnh"),
        upload_to=random_upload_to("agency/officials"),
        blank=True,
        validators=[validate_image],
        help_text=_("JPEG, PNG, WebP hoặc GIF; ảnh được mã hóa lại, bỏ thông tin EXIF."),
    )
    is_leader = models.BooleanField(
        _("lãnh đạo Sở"), default=False, help_text=_("Hiện trong mục “Lãnh đạo Sở”.")
    )
    is_contact_point = models.BooleanField(
        _("đầu mối liên hệ"),
        default=False,
        help_text=_(
            "Người đầu mối tiếp nhận thông tin (Điều 4 khoản 1 điểm e Nghị định 42/2022); "
            "chỉ một người."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("thứ tự"), default=0, help_text=_("Số nhỏ hiển thị trước.")
    )
    is_demo = models.BooleanField(_("dữ liệu mẫu"), default=False, help_text=DEMO_HELP)

    history = HistoricalRecords(verbose_name=_("lịch sử cán bộ"))

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("lãnh đạo, cán bộ đầu mối")
        ordering = ["order", "full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_contact_point"],
                condition=Q(is_contact_point=True),
                name="agency_one_contact_point",
            ),
        ]

    def __str__(self):
        return f"{self.full_name} – {self.position}"

    @property
    def local_position(self):
        return (self.position_en or self.position) if english_active() else self.position

    def clean(self):
        super().clean()
        if self.is_contact_point:
            others = Official.objects.filter(is_contact_point=True).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    {
                        "is_contact_point": _(
                            "Đã có người đầu mối liên hệ (%(name)s). Bỏ đánh dấu người đó trước."
                        )
                        % {"name": others.first().full_name}
                    }
                )
            missing = [
                label
                for label, value in [(_("điện thoại"), self.phone), (_("thư điện tử"), self.email)]
                if not value
            ]
            if missing:
                raise ValidationError(
                    _(
                        "Người đầu mối liên hệ phải có đủ họ tên, chức vụ, đơn vị, điện thoại "
                        "và thư điện tử công vụ (Điều 4 khoản 1 điểm e Nghị định 42/2022); "
                        "còn thiếu: %(missing)s."
                    )
                    % {"missing": ", ".join(str(item) for item in missing)}
                )


class ProcedureLevel(models.TextChoices):
    FULL = "toan_trinh", _("Toàn trình")
    PARTIAL = "mot_phan", _("Một phần")


class ProcedureLink(models.Model):
    """An administrative procedure, carried out on the public-service portal."""

    title = models.CharField(_("tên thủ tục"), max_length=300)
    field = models.CharField(
        _("lĩnh vực"), max_length=150, help_text=_("Ví dụ: Hoạt động khoa học và công nghệ.")
    )
    level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=20,
        choices=ProcedureLevel.choices,
        default=ProcedureLevel.FULL,
    )
    url = models.URLField(
        _("liên kết Cổng Dịch vụ công"),
        max_length=500,
        validators=[URLValidator(schemes=HTTP_SCHEMES)],
        help_text=_("Địa chỉ của thủ tục trên Cổng Dịch vụ công (http:// hoặc https://)."),
    )
    order = models.PositiveSmallIntegerField(
        _("thứ tự"), default=0, help_text=_("Số nhỏ hiển thị trước.")
    )

    history = HistoricalRecords(verbose_name=_("lịch sử thủ tục"))

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        ordering = ["field", "order", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(url__istartswith="http://") | Q(url__istartswith="https://"),
                name="agency_procedure_url_http",
            ),
            models.CheckConstraint(
                condition=Q(level__in=["toan_trinh", "mot_phan"]),
                name="agency_procedure_level_valid",
            ),
        ]

    def __str__(self):
        return self.title


class DisclosureKind(models.TextChoices):
    ANNUAL_PLAN = "ke_hoach_nam", _("Kế hoạch năm")
    FINANCIAL_REPORT = "bao_cao_tai_chinh", _("Báo cáo tài chính năm")
    BUDGET = "cong_khai_ngan_sach", _("Công khai ngân sách")
    STATISTICS = "thong_ke", _("Thống kê")


class Disclosure(models.Model):
    """A plan, report, budget disclosure or statistics publication of one year."""

    kind = models.CharField(_("loại"), max_length=30, choices=DisclosureKind.choices)
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    title = models.CharField(_("tiêu đề"), max_length=300)
    file = models.FileField(
        _("tệp"),
        upload_to=random_upload_to("agency/disclosures"),
        validators=[validate_document_file],
        help_text=_("PDF, Word hoặc ảnh, tối đa 10 MB."),
    )
    published_on = models.DateField(_("ngày công bố"), null=True, blank=True)

    history = HistoricalRecords(verbose_name=_("lịch sử công khai"))

    class Meta:
        verbose_name = _("tài liệu công khai")
        verbose_name_plural = _("kế hoạch, báo cáo, công khai ngân sách")
        ordering = ["-year", "kind", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="agency_disclosure_year"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[kind.value for kind in DisclosureKind]),
                name="agency_disclosure_kind_valid",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.year})"
