"""Sitemaps of /van-ban/ and /van-ban/du-thao/, gathered by portal.sitemaps. Public only."""

from django.contrib.sitemaps import Sitemap

from core.sitemaps import NamedPagesSitemap
from documents.models import DraftDocument, LegalDocument


class DocumentsIndexSitemap(NamedPagesSitemap):
    changefreq = "weekly"
    priority = 0.6
    url_names = ("documents:document_list", "documents:draft_list")


class LegalDocumentSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.4

    def items(self):
        return LegalDocument.objects.public().order_by("pk")

    def lastmod(self, document):
        return document.issued_on


class DraftDocumentSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return DraftDocument.objects.public().order_by("pk")

    def lastmod(self, draft):
        return draft.comment_from


SITEMAPS = {
    "documents-index": DocumentsIndexSitemap,
    "documents": LegalDocumentSitemap,
    "drafts": DraftDocumentSitemap,
}
