"""Admin of the legal documents and drafts for comment, with their audit history.

Comments on drafts are for staff only: the admin lists them, read-only, and nothing
publishes them.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin_forms import HTTPS_URL_FIELDS
from core.concurrency import OptimisticLockAdminMixin
from documents.models import DraftComment, DraftDocument, LegalDocument


@admin.register(LegalDocument)
class LegalDocumentAdmin(OptimisticLockAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "number",
        "kind",
        "issuing_body",
        "issued_on",
        "effective_on",
        "status",
        "field",
        "is_public",
    ]
    list_filter = ["kind", "status", "is_public", "field", "issuing_body"]
    search_fields = ["number", "title", "search_text"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["replaced_by"]
    formfield_overrides = HTTPS_URL_FIELDS


class DraftCommentInline(admin.TabularInline):
    model = DraftComment
    fields = ["submitted_at", "name", "email", "body"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(DraftDocument)
class DraftDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "drafting_body", "comment_from", "comment_until", "is_public"]
    list_filter = ["kind", "is_public"]
    search_fields = ["title", "summary"]
    date_hierarchy = "comment_until"
    inlines = [DraftCommentInline]


@admin.register(DraftComment)
class DraftCommentAdmin(admin.ModelAdmin):
    list_display = ["submitted_at", "draft", "name", "email"]
    list_filter = ["draft"]
    search_fields = ["name", "email", "body"]
    date_hierarchy = "submitted_at"
    readonly_fields = ["draft", "name", "email", "body", "submitted_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
