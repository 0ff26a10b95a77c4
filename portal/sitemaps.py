"""Every app's sitemaps, gathered for /sitemap.xml."""

from awards.sitemaps import SITEMAPS as AWARDS_SITEMAPS
from documents.sitemaps import SITEMAPS as DOCUMENTS_SITEMAPS
from news.sitemaps import SITEMAPS as NEWS_SITEMAPS

SITEMAPS = {**NEWS_SITEMAPS, **AWARDS_SITEMAPS, **DOCUMENTS_SITEMAPS}
