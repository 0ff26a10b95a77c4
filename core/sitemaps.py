"""Sitemap building blocks shared by the apps' ``sitemaps.py`` (gathered by portal.sitemaps)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class NamedPagesSitemap(Sitemap):
    """Pages without an object of their own, listed by URL name (``url_names``)."""

    url_names = ()

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)
