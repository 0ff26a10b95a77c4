"""Banners in the admin: editors upload the image, choose where and when it shows."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from banners.models import Banner
from banners.services import banners_set_active
from core.admin_forms import HTTPS_URL_FIELDS
from core.search import FoldedSearchMixin
from core.uploads import admin_thumbnail, reencode_upload


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
        return reencode_upload(self.cleaned_data.get("image"), name_prefix="banner")


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

    formfield_overrides = HTTPS_URL_FIELDS

    @admin.display(description=_("ảnh"))
    def preview(self, obj):
        return admin_thumbnail(obj, obj.image, obj.alt_text)

    @admin.display(description=_("đang hiển thị"), boolean=True)
    def visible_now(self, obj):
        return obj.is_visible()

    # What switching on (True) or off says: how many changed, how many already were.
    SWITCH_MESSAGES = {
        True: (_("Đã bật %(n)d quảng cáo"), _("; %(n)d quảng cáo đã bật từ trước")),
        False: (_("Đã tắt %(n)d quảng cáo"), _("; %(n)d quảng cáo đã tắt từ trước")),
    }

    def _switch(self, queryset, *, is_active):
        """Switch the selected banners on or off and say how many changed and how many
        already were; returns the message for more to be added, and its level."""
        done, before = self.SWITCH_MESSAGES[is_active]
        already = queryset.filter(is_active=is_active).count()
        count = banners_set_active(banners=queryset, is_active=is_active)
        message = done % {"n": count - already}
        if already:
            message += before % {"n": already}
        return message, (messages.SUCCESS if count - already else messages.WARNING)

    @admin.action(description=_("Bật các quảng cáo đã chọn"), permissions=["change"])
    def switch_on(self, request, queryset):
        message, level = self._switch(queryset, is_active=True)
        outside = sum(1 for banner in queryset if not banner.is_visible())
        if outside:
            message += _(
                "; %(n)d quảng cáo chưa hiện trên trang vì ngoài thời gian hiển thị đã đặt"
            ) % {"n": outside}
        self.message_user(request, message + ".", level)

    @admin.action(description=_("Tắt các quảng cáo đã chọn"), permissions=["change"])
    def switch_off(self, request, queryset):
        message, level = self._switch(queryset, is_active=False)
        self.message_user(request, message + ".", level)
