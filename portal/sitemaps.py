"""Every app's sitemaps, gathered for the index /sitemap.xml and its files
/sitemap-<section>.xml (``?p=2``… past ``URLS_PER_FILE`` addresses), and the two views.

Both views answer conditional GETs (ETag of the content, and Last-Modified where every
address has a ``lastmod``) with 304.
"""

import datetime
from xml.sax.saxutils import escape

from django.contrib.sitemaps import views
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import conditional_page

from agency.sitemaps import SITEMAPS as AGENCY_SITEMAPS
from awards.sitemaps import SITEMAPS as AWARDS_SITEMAPS
from documents.sitemaps import SITEMAPS as DOCUMENTS_SITEMAPS
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
    for section, sitemap_class in {
        **NEWS_SITEMAPS,
        **AWARDS_SITEMAPS,
        **DOCUMENTS_SITEMAPS,
        **AGENCY_SITEMAPS,
    }.items()
}


def _lastmod(value, zone):
    """As Django's sitemap template writes it (``date:"Y-m-d"``, local time)."""
    if isinstance(value, datetime.datetime):
        value = value.astimezone(zone) if timezone.is_aware(value) else value
        return value.date().isoformat()
    return value.isoformat()


def _urlset_xml(urls):
    """The XML Django's ``sitemap.xml`` template makes, written without the template
    engine: rendering 10 000 addresses through it took over a second."""
    zone = timezone.get_current_timezone()
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    ]
    for url in urls:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        if url["lastmod"]:
            parts.append(f"<lastmod>{_lastmod(url['lastmod'], zone)}</lastmod>")
        if url["changefreq"]:
            parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url["priority"]:
            parts.append(f"<priority>{escape(url['priority'])}</priority>")
        parts.append("</url>")
    parts.append("</urlset>\n")
    return "".join(parts)


@conditional_page
def index(request):
    """/sitemap.xml: the index of every section's files."""
    return views.index(request, SITEMAPS, sitemap_url_name="sitemap-section")


@conditional_page
def section(request, section):
    """/sitemap-<section>.xml[?p=N]: Django's sitemap view, its urlset written directly."""
    response = views.sitemap(request, SITEMAPS, section=section)
    # A plain response (its headers kept): conditional_page answers 304 only for those.
    return HttpResponse(_urlset_xml(response.context_data["urlset"]), headers=response.headers)
