"""The portal's URLs. Each app owns its own paths in its ``urls.py``."""

import os

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from core.private_files import serve_private_file
from portal import sitemaps, views

admin.site.site_header = "Quản trị Cổng thông tin Sở KH&CN Cao Bằng"
admin.site.site_title = "Quản trị Sở KH&CN Cao Bằng"
admin.site.index_title = "Quản trị nội dung"

handler500 = "portal.views.server_error"


urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    # Private files (core.private_files): staff with the record's view permission only.
    path("admin/tep-rieng/<path:name>", serve_private_file, name="private_file"),
    path("admin/", admin.site.urls),
    path("ckeditor/", include("news.editor_urls")),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.section, name="sitemap-section"),
    path("", include("portal.site_urls")),
    path("", include("api.urls")),
    path("", include("agency.urls")),
    path("", include("visitors.urls")),
    path("", include("banners.urls")),
    path("", include("awards.urls")),
    path("", include("documents.urls")),
    path("", include("news.urls")),
    path("", include("news.legacy_urls")),
    re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", views.serve_media, name="media"),
]

if os.environ.get("PORTAL_BENCH_VIEW") == "1":
    # `make bench`'s ceiling: a bare view served by the same gunicorn and middleware.
    from bench.views import bare

    urlpatterns.insert(0, path("bench/bare/", bare))
