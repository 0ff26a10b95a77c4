"""Sitemaps of /van-ban/, gathered by portal.sitemaps. Public documents only."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from documents.models import LegalDocument


class DocumentsIndexSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return ["documents:document_list"]

    def location(self, item):
        return reverse(item)


class LegalDocumentSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.4

    def items(self):
        return LegalDocument.objects.public().order_by("pk")

    def lastmod(self, document):
        return document.issued_on


SITEMAPS = {
    "documents-index": DocumentsIndexSitemap,
    "documents": LegalDocumentSitemap,
}
