"""Every app's sitemaps, gathered for the index /sitemap.xml and its files
/sitemap-<section>.xml (``?p=2``… past ``URLS_PER_FILE`` addresses)."""

from awards.sitemaps import SITEMAPS as AWARDS_SITEMAPS
from news.sitemaps import SITEMAPS as NEWS_SITEMAPS
from news.sitemaps import URLS_PER_FILE


def _at_most(sitemap_class, limit=URLS_PER_FILE):
    """``sitemap_class`` with files of at most ``limit`` addresses (Django's default is the
    protocol's 50 000); a subclass, so each request still gets its own instance."""
    if sitemap_class.limit <= limit:
        return sitemap_class
    return type(sitemap_class.__name__, (sitemap_class,), {"limit": limit})


SITEMAPS = {
    section: _at_most(sitemap_class)
    for section, sitemap_class in {**NEWS_SITEMAPS, **AWARDS_SITEMAPS}.items()
}
