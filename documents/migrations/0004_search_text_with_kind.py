"""Fold each document's kind label into its search text, so "quyết định 45" finds 45/QĐ-SKHCN."""

from django.db import migrations

from core.text import fold


def refold(apps, schema_editor):
    LegalDocument = apps.get_model("documents", "LegalDocument")
    for document in LegalDocument.objects.all().iterator():
        document.search_text = fold(
            f"{document.get_kind_display()} số {document.number} {document.title} "
            f"{document.issuing_body}"
        )
        document.save(update_fields=["search_text"])


def unfold(apps, schema_editor):
    LegalDocument = apps.get_model("documents", "LegalDocument")
    for document in LegalDocument.objects.all().iterator():
        document.search_text = fold(f"{document.number} {document.title} {document.issuing_body}")
        document.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_status_field_national_link_and_drafts")]

    operations = [migrations.RunPython(refold, unfold)]
