"""Every app's sitemaps, gathered for /sitemap.xml."""

from agency.sitemaps import SITEMAPS as AGENCY_SITEMAPS
from awards.sitemaps import SITEMAPS as AWARDS_SITEMAPS
from news.sitemaps import SITEMAPS as NEWS_SITEMAPS

SITEMAPS = {**NEWS_SITEMAPS, **AWARDS_SITEMAPS, **AGENCY_SITEMAPS}
