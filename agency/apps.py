from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgencyConfig(AppConfig):
    name = "agency"
    verbose_name = _("Cơ quan (Nghị định 42/2022)")
