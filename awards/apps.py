from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Điển hình tiên tiến"

    def ready(self):
        from awards.catalogue import on_post_migrate
        from awards.models import Attachment, CouncilMeeting
        from core.private_files import register_private_field

        # Personal data and the council's deliberations: staff with the view permission only.
        register_private_field(Attachment, "file")
        register_private_field(CouncilMeeting, "minutes")

        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="awards_post_migrate")
