"""Admin of the legal documents, with their audit history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.concurrency import OptimisticLockAdminMixin
from documents.models import LegalDocument


@admin.register(LegalDocument)
class LegalDocumentAdmin(OptimisticLockAdminMixin, SimpleHistoryAdmin):
    list_display = ["number", "kind", "issuing_body", "issued_on", "effective_on", "is_public"]
    list_filter = ["kind", "is_public", "issuing_body"]
    search_fields = ["number", "title", "search_text"]
    date_hierarchy = "issued_on"
