"""Image advertisements ("quảng cáo hình ảnh") shown in the sidebar and the header.

A banner is shown only while it is switched on and inside its window
(``active_from`` ≤ now < ``active_until``); ``Banner.objects.active()`` is the one place that
rule lives. Clicks go through ``/qc/<id>/``, which counts them and redirects to the banner's
stored address only.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import random_upload_to, validate_image

ALLOWED_URL_SCHEMES = ("http", "https")


class BannerPosition(models.TextChoices):
    SIDEBAR = "sidebar", _("Cột bên phải")
    HEADER = "header", _("Đầu trang")


class BannerQuerySet(models.QuerySet):
    def active(self, now=None):
        """Banners the public may see at ``now``: switched on and inside their window."""
        now = now or timezone.now()
        return self.filter(
            Q(active_from__isnull=True) | Q(active_from__lte=now),
            Q(active_until__isnull=True) | Q(active_until__gt=now),
            is_active=True,
        )

    def next_change_after(self, now):
        """The first moment after ``now`` at which some banner enters or leaves its window."""
        moments = [
            self.filter(is_active=True, active_from__gt=now).aggregate(m=models.Min("active_from"))[
                "m"
            ],
            self.filter(is_active=True, active_until__gt=now).aggregate(
                m=models.Min("active_until")
            )["m"],
        ]
        moments = [moment for moment in moments if moment is not None]
        return min(moments) if moments else None


class Banner(models.Model):
    """One image advertisement: a picture linking to another site."""

    title = models.CharField(
        _("tên quảng cáo"),
        max_length=200,
        help_text=_("Tên để nhận biết trong trang quản trị, ví dụ: Cổng Dịch vụ công quốc gia."),
    )
    image = models.ImageField(
        _("ảnh"),
        upload_to=random_upload_to("banners"),
        width_field="image_width",
        height_field="image_height",
        validators=[validate_image],
        help_text=_("JPEG, PNG, WebP hoặc GIF. Cột phải: rộng khoảng 300 điểm ảnh."),
    )
    image_width = models.PositiveIntegerField(_("chiều rộng ảnh"), null=True, editable=False)
    image_height = models.PositiveIntegerField(_("chiều cao ảnh"), null=True, editable=False)
    alt_text = models.CharField(
        _("văn bản thay thế"),
        max_length=200,
        help_text=_("Mô tả ảnh cho người dùng trình đọc màn hình, ví dụ tên trang được liên kết."),
    )
    target_url = models.URLField(
        _("địa chỉ liên kết"),
        max_length=500,
        validators=[URLValidator(schemes=list(ALLOWED_URL_SCHEMES))],
        help_text=_("Chỉ nhận địa chỉ bắt đầu bằng http:// hoặc https://."),
    )
    position = models.CharField(
        _("vị trí"),
        max_length=20,
        choices=BannerPosition.choices,
        default=BannerPosition.SIDEBAR,
    )
    order = models.PositiveSmallIntegerField(
        _("thứ tự"), default=0, help_text=_("Số nhỏ hiển thị trước.")
    )
    active_from = models.DateTimeField(
        _("hiển thị từ"), null=True, blank=True, help_text=_("Để trống: hiển thị ngay.")
    )
    active_until = models.DateTimeField(
        _("hiển thị đến"), null=True, blank=True, help_text=_("Để trống: không hết hạn.")
    )
    is_active = models.BooleanField(_("đang bật"), default=True)
    click_count = models.PositiveIntegerField(_("lượt nhấp"), default=0, editable=False)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ngày cập nhật"), auto_now=True)

    objects = BannerQuerySet.as_manager()

    class Meta:
        verbose_name = _("quảng cáo")
        verbose_name_plural = _("quảng cáo")
        ordering = ["position", "order", "id"]
        indexes = [models.Index(fields=["position", "is_active", "order"], name="banner_pos_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_url__istartswith="http://")
                | Q(target_url__istartswith="https://"),
                name="banner_target_url_http",
            ),
            models.CheckConstraint(
                condition=Q(active_from__isnull=True)
                | Q(active_until__isnull=True)
                | Q(active_until__gt=models.F("active_from")),
                name="banner_window_ordered",
            ),
        ]

    def __str__(self):
        return self.title

    def get_click_url(self):
        return reverse("banners:click", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        scheme = (self.target_url or "").split(":", 1)[0].lower()
        if self.target_url and scheme not in ALLOWED_URL_SCHEMES:
            errors["target_url"] = _("Địa chỉ liên kết phải bắt đầu bằng http:// hoặc https://.")
        if self.active_from and self.active_until and self.active_until <= self.active_from:
            errors["active_until"] = _("Thời điểm kết thúc phải sau thời điểm bắt đầu hiển thị.")
        if errors:
            raise ValidationError(errors)

    def is_visible(self, now=None):
        """Whether the public sees this banner at ``now`` (same rule as ``active()``)."""
        now = now or timezone.now()
        return (
            self.is_active
            and (self.active_from is None or self.active_from <= now)
            and (self.active_until is None or self.active_until > now)
        )
