"""The award catalogue (titles and forms of the 2022 law) and the programme's periods."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.text import vietnamese_slugify


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
