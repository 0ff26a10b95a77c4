"""Admin of the visitor statistics: the report and the starting offset; no raw data."""

from django.contrib import admin
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.urls import reverse

from visitors import services, views
from visitors.models import DailyStat, VisitorStatsSettings
from visitors.selectors import STATS_CACHE_KEY


def _is_staff(request):
    return request.user.is_active and request.user.is_staff


@admin.register(DailyStat)
class DailyStatAdmin(admin.ModelAdmin):
    """The list of days is the report: sums per day, a chart and a CSV download.

    Every staff member may read it; nobody may edit the counts.
    """

    def has_module_permission(self, request):
        return _is_staff(request)

    def has_view_permission(self, request, obj=None):
        return _is_staff(request) and obj is None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        context = {**self.admin_site.each_context(request), **(extra_context or {})}
        return views.report(request, extra_context=context)


@admin.register(VisitorStatsSettings)
class VisitorStatsSettingsAdmin(admin.ModelAdmin):
    """One row: the starting offset of "Tổng lượt truy cập"."""

    fields = ["total_offset", "updated_at"]
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request):
        return not VisitorStatsSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        record = VisitorStatsSettings.load()
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
        )

    def save_model(self, request, obj, form, change):
        saved = services.stats_offset_set(total_offset=obj.total_offset)
        obj.pk, obj.updated_at = saved.pk, saved.updated_at
        cache.delete(STATS_CACHE_KEY)
