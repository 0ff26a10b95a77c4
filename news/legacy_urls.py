"""Addresses of the old NukeViet site (see ``news.legacy``); included by ``portal.urls``."""

from django.urls import path, re_path

from news import legacy

app_name = "news_legacy"

urlpatterns = [
    path("index.php", legacy.index_php, name="index_php"),
    re_path(r"^(?:vi/)?news/(?P<op>.*)$", legacy.rewritten, name="rewritten"),
]
