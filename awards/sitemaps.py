"""Sitemaps of this app, gathered by portal.sitemaps. Only public, honoured information."""

from django.contrib.sitemaps import Sitemap

from awards import selectors
from awards.models import Collective, Individual, Period
from core.sitemaps import NamedPagesSitemap


class AwardsIndexSitemap(NamedPagesSitemap):
    changefreq = "monthly"
    priority = 0.6
    url_names = ("awards:period_list",)


class PeriodSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Period.objects.public().order_by("pk")


class CandidateSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.3
    model = None

    def items(self):
        return self.model.objects.honoured().order_by("pk")


class CollectiveSitemap(CandidateSitemap):
    model = Collective


class IndividualSitemap(CandidateSitemap):
    model = Individual


class DecisionSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.3

    def items(self):
        return selectors.public_decisions().order_by("pk")


SITEMAPS = {
    "awards-index": AwardsIndexSitemap,
    "awards-periods": PeriodSitemap,
    "awards-collectives": CollectiveSitemap,
    "awards-individuals": IndividualSitemap,
    "awards-decisions": DecisionSitemap,
}
