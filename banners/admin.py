"""Banners in the admin: editors upload the image, choose where and when it shows."""

from django import forms
from django.contrib import admin, messages
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from banners.models import Banner
from banners.services import banners_set_active
from core.search import FoldedSearchMixin
from core.uploads import reencode_image


class BannerAdminForm(forms.ModelForm):
    target_url = forms.URLField(
        label=_("Địa chỉ liên kết"),
        max_length=500,
        assume_scheme="https",
        help_text=Banner._meta.get_field("target_url").help_text,
    )

    class Meta:
        model = Banner
        fields = [
            "title",
            "image",
            "alt_text",
            "target_url",
            "position",
            "order",
            "is_active",
            "active_from",
            "active_until",
        ]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            # Pillow re-encodes the upload: metadata and anything smuggled after the pixels
            # are dropped before the file is stored.
            return reencode_image(image, name_prefix="banner")
        return image


@admin.register(Banner)
class BannerAdmin(FoldedSearchMixin, admin.ModelAdmin):
    form = BannerAdminForm
    list_display = [
        "preview",
        "title",
        "position",
        "order",
        "is_active",
        "active_from",
        "active_until",
        "visible_now",
        "click_count",
    ]
    list_display_links = ["preview", "title"]
    list_editable = ["order", "is_active"]
    list_filter = ["position", "is_active"]
    search_fields = ["title", "alt_text", "target_url"]
    date_hierarchy = "created_at"
    readonly_fields = ["click_count", "preview", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "image", "preview", "alt_text", "target_url"]}),
        (
            _("Hiển thị"),
            {"fields": ["position", "order", "is_active", "active_from", "active_until"]},
        ),
        (_("Thống kê"), {"fields": ["click_count", "created_at", "updated_at"]}),
    ]
    actions = ["switch_on", "switch_off"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "target_url":
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("ảnh"))
    def preview(self, obj):
        if not obj.pk or not obj.image:
            return "-"
        return format_html(
            '<img src="{}" alt="{}" width="120" loading="lazy">', obj.image.url, obj.alt_text
        )

    @admin.display(description=_("đang hiển thị"), boolean=True)
    def visible_now(self, obj):
        return obj.is_visible()

    def _switch(self, request, queryset, *, is_active, done, before):
        """Switch the selected banners on or off and say how many changed (``done``) and
        how many already were (``before``); returns the message for more to be added."""
        already = queryset.filter(is_active=is_active).count()
        count = banners_set_active(banners=queryset, is_active=is_active)
        message = done % {"n": count - already}
        if already:
            message += before % {"n": already}
        return message, (messages.SUCCESS if count - already else messages.WARNING)

    @admin.action(description=_("Bật các quảng cáo đã chọn"), permissions=["change"])
    def switch_on(self, request, queryset):
        message, level = self._switch(
            request,
            queryset,
            is_active=True,
            done=_("Đã bật %(n)d quảng cáo"),
            before=_("; %(n)d quảng cáo đã bật từ trước"),
        )
        outside = sum(1 for banner in queryset if not banner.is_visible())
        if outside:
            message += _(
                "; %(n)d quảng cáo chưa hiện trên trang vì ngoài thời gian hiển thị đã đặt"
            ) % {"n": outside}
        self.message_user(request, message + ".", level)

    @admin.action(description=_("Tắt các quảng cáo đã chọn"), permissions=["change"])
    def switch_off(self, request, queryset):
        message, level = self._switch(
            request,
            queryset,
            is_active=False,
            done=_("Đã tắt %(n)d quảng cáo"),
            before=_("; %(n)d quảng cáo đã tắt từ trước"),
        )
        self.message_user(request, message + ".", level)
