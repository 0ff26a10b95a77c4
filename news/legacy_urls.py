"""Addresses of the old NukeViet site (see ``news.legacy``); included by ``portal.urls``."""

from django.urls import path, re_path

from news import legacy

app_name = "news_legacy"

urlpatterns = [
    path("index.php", legacy.index_php, name="index_php"),
    re_path(r"^(?:vi/)?news/(?P<op>.*)$", legacy.rewritten, name="rewritten"),
    # News as NukeViet's home module, its name left out of rewritten addresses:
    # "/<Category>/<Title>-<id>.html". Only that exact shape, never our own prefixes.
    re_path(
        r"^(?!(?:media|static|admin|ckeditor|tin-tuc)/)(?P<op>[^/]+/[^/]+-[0-9]+\.html)$",
        legacy.rewritten,
        name="rewritten_home",
    ),
]
