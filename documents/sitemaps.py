"""Sitemaps of /van-ban/ and /van-ban/du-thao/, gathered by portal.sitemaps. Public only."""

from django.contrib.sitemaps import Sitemap

from core.sitemaps import NamedPagesSitemap
from documents.models import DraftDocument, LegalDocument


class DocumentsIndexSitemap(NamedPagesSitemap):
    changefreq = "weekly"
    priority = 0.6
    url_names = ("documents:document_list", "documents:draft_list")


class _PublicSitemap(Sitemap):
    """The public rows of ``model`` in a stable order, last modified on ``lastmod_field``."""

    model = None
    lastmod_field = None

    def items(self):
        return self.model.objects.public().order_by("pk")

    def lastmod(self, obj):
        return getattr(obj, self.lastmod_field)


class LegalDocumentSitemap(_PublicSitemap):
    model = LegalDocument
    lastmod_field = "issued_on"
    changefreq = "yearly"
    priority = 0.4


class DraftDocumentSitemap(_PublicSitemap):
    model = DraftDocument
    lastmod_field = "comment_from"
    changefreq = "weekly"
    priority = 0.5


SITEMAPS = {
    "documents-index": DocumentsIndexSitemap,
    "documents": LegalDocumentSitemap,
    "drafts": DraftDocumentSitemap,
}
