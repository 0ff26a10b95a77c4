from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgencyConfig(AppConfig):
    name = "agency"
    verbose_name = _("Cơ quan (Nghị định 42/2022)")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        import pagecache
        from agency.models import Disclosure, Official, OrgUnit, ProcedureLink
        from agency.selectors import site_contact_forget

        for signal in (post_save, post_delete):
            signal.connect(site_contact_forget, sender=OrgUnit, dispatch_uid=f"agency-{signal}")

        # Every agency page is page-cached; the footer's contact comes from OrgUnit too.
        pagecache.register_models(OrgUnit, Official, ProcedureLink, Disclosure)
