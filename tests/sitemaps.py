"""Reading the sitemap as a crawler does: the index, then each file it lists."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sitemap_files(client):
    """The paths of the files /sitemap.xml (an index) lists."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [_path(node.text) for node in root.findall("s:sitemap/s:loc", NS)]


def sitemap_urls(client):
    """Every ``<url>`` of every file, in order: (location, lastmod) pairs."""
    urls = []
    for path in sitemap_files(client):
        response = client.get(path)
        assert response.status_code == 200, path
        for node in ET.fromstring(response.content).findall("s:url", NS):
            urls.append(
                (node.findtext("s:loc", namespaces=NS), node.findtext("s:lastmod", namespaces=NS))
            )
    return urls


def sitemap_locations(client):
    return [location for location, _lastmod in sitemap_urls(client)]
