from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Văn bản"

    def ready(self):
        from django.db.models.signals import post_save

        from core.private_files import register_private_field
        from documents.models import LegalDocument
        from documents.services import on_document_saved

        # A non-public document's file is withheld from /media/ (core.private_files).
        register_private_field(LegalDocument, "file")
        post_save.connect(on_document_saved, sender=LegalDocument, dispatch_uid="documents-file")
