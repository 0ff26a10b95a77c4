"""Sitemaps of this app, gathered by portal.sitemaps."""

from django.contrib.sitemaps import Sitemap

from agency.models import OrgUnit
from core.sitemaps import NamedPagesSitemap


class AgencyPagesSitemap(NamedPagesSitemap):
    changefreq = "monthly"
    priority = 0.6
    url_names = (
        "about",
        "contact",
        "agency_procedures",
        "agency_disclosures",
        "agency_en_home",
        "agency_en_organisation",
        "agency_en_functions",
        "agency_en_leadership",
        "agency_en_contact",
    )


class UnitSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.4

    def items(self):
        return OrgUnit.objects.filter(parent__isnull=False).order_by("pk")


SITEMAPS = {"agency": AgencyPagesSitemap, "agency-units": UnitSitemap}
