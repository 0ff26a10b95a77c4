from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgencyConfig(AppConfig):
    name = "agency"
    verbose_name = _("Cơ quan (Nghị định 42/2022)")

    def ready(self):
        import pagecache
        from agency.models import Disclosure, Official, OrgUnit, ProcedureLink

        # Every agency page is page-cached; the footer's contact comes from OrgUnit too.
        pagecache.register_models(OrgUnit, Official, ProcedureLink, Disclosure)
