"""The agency's data in the admin: staff keep units, officials, procedures and disclosures
up to date themselves (a phone number change needs no developer)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agency.models import Disclosure, Official, OrgUnit, ProcedureLink
from core.admin_forms import HTTPS_URL_FIELDS
from core.uploads import admin_thumbnail, reencode_upload


@admin.register(OrgUnit)
class OrgUnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "parent", "phone", "email", "order", "is_demo"]
    list_editable = ["order"]
    list_filter = ["parent", "is_demo"]
    search_fields = ["name", "name_en", "functions", "phone", "email"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "name_en", "slug", "parent", "order", "is_demo"]}),
        (_("Chức năng, nhiệm vụ"), {"fields": ["functions", "functions_en"]}),
        (_("Liên hệ"), {"fields": ["address", "address_en", "phone", "email"]}),
    ]


class OfficialAdminForm(forms.ModelForm):
    class Meta:
        model = Official
        fields = [
            "full_name",
            "position",
            "position_en",
            "unit",
            "order",
            "phone",
            "email",
            "photo",
            "is_leader",
            "is_contact_point",
            "is_demo",
        ]

    def clean_photo(self):
        return reencode_upload(self.cleaned_data.get("photo"), name_prefix="official")


@admin.register(Official)
class OfficialAdmin(SimpleHistoryAdmin):
    form = OfficialAdminForm
    list_display = [
        "full_name",
        "position",
        "unit",
        "phone",
        "email",
        "is_leader",
        "is_contact_point",
        "demo_label",
        "order",
    ]
    list_editable = ["order"]
    list_filter = ["is_leader", "is_contact_point", "is_demo", "unit"]
    search_fields = ["full_name", "position", "position_en", "phone", "email"]
    list_select_related = ["unit"]
    readonly_fields = ["preview"]
    fieldsets = [
        (None, {"fields": ["full_name", "position", "position_en", "unit", "order"]}),
        (_("Liên hệ"), {"fields": ["phone", "email", "photo", "preview"]}),
        (_("Vai trò"), {"fields": ["is_leader", "is_contact_point", "is_demo"]}),
    ]

    @admin.display(description=_("dữ liệu mẫu"))
    def demo_label(self, obj):
        return _("Dữ liệu mẫu – người không có thật") if obj.is_demo else ""

    @admin.display(description=_("ảnh"))
    def preview(self, obj):
        return admin_thumbnail(obj, obj.photo, obj.full_name)


@admin.register(ProcedureLink)
class ProcedureLinkAdmin(SimpleHistoryAdmin):
    list_display = ["title", "field", "level", "order"]
    list_editable = ["order"]
    list_filter = ["field", "level"]
    search_fields = ["title", "field", "url"]

    formfield_overrides = HTTPS_URL_FIELDS


@admin.register(Disclosure)
class DisclosureAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "year", "published_on"]
    list_filter = ["kind", "year"]
    search_fields = ["title"]
