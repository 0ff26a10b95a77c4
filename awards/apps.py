from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Điển hình tiên tiến"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from awards.catalogue import on_post_migrate

        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="awards_post_migrate")
