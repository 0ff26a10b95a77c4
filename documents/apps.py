from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Văn bản"
    default_auto_field = "django.db.models.BigAutoField"
