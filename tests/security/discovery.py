"""Find the site's public pages and forms from the URL resolver, the sitemap and the data,
so the hostile-input tests cover every app as it lands."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.apps import apps
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, resolve, reverse

FIXED = [
    "/",
    "/tin-tuc/",
    "/tim-kiem/",
    "/rss/",
    "/sitemap.xml",
    "/dien-hinh-tien-tien/",
    "/van-ban/",
    "/gioi-thieu/",
    "/lien-he/",
    "/healthz",
]
# Old NukeViet addresses (news.legacy): a 301 or the 404, never in the sitemap, and with
# a parameter (the rest of the path) that no model value fills.
LEGACY = [
    "/index.php?language=vi&nv=news&op=Tin-hoat-dong",
    "/news/Tin-hoat-dong/Tin-cu-1.html",
]
# Not public pages: the admin, the editor, files, and the two account POSTs (tested apart).
EXCLUDED_PREFIXES = ("/admin/", "/ckeditor/", "/media/", "/static/", "/dang-xuat/")
PROJECT_APPS = {"portal", "news", "awards", "banners", "visitors", "agency"}


def _walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def _app_of(callback):
    view = getattr(callback, "view_class", None) or callback
    wrapped = getattr(view, "__wrapped__", None)
    module = getattr(view, "__module__", "") or getattr(wrapped, "__module__", "")
    return module.split(".")[0]


def _candidates(app_label, group):
    """Values to try for URL parameter ``group`` of a view of ``app_label``."""
    if group == "fmt":
        return ["csv", "xlsx"]
    values = []
    try:
        models = apps.get_app_config(app_label).get_models()
    except LookupError:
        models = []
    for model in models:
        names = {field.name for field in model._meta.concrete_fields}
        if group == "slug" and "slug" in names:
            values += list(model._default_manager.values_list("slug", flat=True)[:2])
        elif group in {"pk", "id"} or group.endswith("_id"):
            values += list(model._default_manager.values_list("pk", flat=True)[:2])
        elif group in names:
            values += list(model._default_manager.values_list(group, flat=True)[:2])
    return [value for value in values if value not in (None, "")][:12]


def _path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _locations(client, path):
    response = client.get(path)
    if response.status_code != 200:
        return []
    return re.findall(r"<loc>(.*?)</loc>", response.content.decode())


def discover_get_urls(client, per_route_limit=2):
    """Public GET URLs that answer 200: fixed pages, sitemap entries, objects' own pages,
    and one or two concrete URLs for every parametrised route of the project's apps."""
    urls = dict.fromkeys(FIXED)
    urls.update(dict.fromkeys(LEGACY))
    sitemap_files = [_path(loc) for loc in _locations(client, "/sitemap.xml")]
    for sitemap_file in sitemap_files:  # the index lists files, each lists pages
        urls.setdefault(sitemap_file)
        for loc in _locations(client, sitemap_file):
            urls.setdefault(_path(loc))
    for model in apps.get_models():
        if model._meta.app_label in PROJECT_APPS and hasattr(model, "get_absolute_url"):
            for obj in model._default_manager.all()[:2]:
                try:
                    urls.setdefault(_path(obj.get_absolute_url()))
                except Exception:  # noqa: S112 - a model whose URL needs more context
                    continue
    for name, pattern in _walk(get_resolver().url_patterns):
        if name.startswith("admin:"):
            continue
        groups = list(pattern.pattern.regex.groupindex)
        app_label = _app_of(pattern.callback)
        if not groups:
            try:
                urls.setdefault(reverse(name))
            except NoReverseMatch:
                pass
            continue
        if app_label not in PROJECT_APPS:
            continue
        found = 0
        options = {group: _candidates(app_label, group) for group in groups}
        for index in range(max((len(values) for values in options.values()), default=0)):
            kwargs = {g: v[index % len(v)] for g, v in options.items() if v}
            if len(kwargs) != len(groups):
                break
            try:
                url = reverse(name, kwargs=kwargs)
            except NoReverseMatch:
                continue
            if client.get(url).status_code < 400:
                urls.setdefault(url)
                found += 1
                if found == 2:
                    break
    public, per_route = [], {}
    for url in urls:
        if url.startswith(EXCLUDED_PREFIXES):
            continue
        try:
            match = resolve(url.split("?", 1)[0])
        except Exception:  # noqa: S112 - e.g. a sitemap entry of another host
            continue
        # Two pages of each route are enough: the others run the same code.
        route = match.view_name or match.route
        per_route[route] = per_route.get(route, 0) + 1
        if url in FIXED or per_route[route] <= per_route_limit:
            public.append(url)
    return public


class _FormFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._current = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._current = {
                "method": (attrs.get("method") or "get").lower(),
                "action": attrs.get("action") or "",
                "fields": {},
            }
        elif self._current is not None and tag in {"input", "textarea", "select"}:
            name = attrs.get("name")
            kind = (attrs.get("type") or "text").lower()
            if name and kind not in {"submit", "button", "image", "reset", "file"}:
                self._current["fields"][name] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form" and self._current is not None:
            self.forms.append(self._current)
            self._current = None


def discover_forms(client, urls):
    """Every distinct (method, action) form found on ``urls``, with its field names."""
    forms = {}
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        finder = _FormFinder()
        finder.feed(response.content.decode("utf-8", "replace"))
        for form in finder.forms:
            action = _path(form["action"]) if form["action"] else url.split("?", 1)[0]
            if not action.startswith("/") or action.startswith(EXCLUDED_PREFIXES):
                continue
            key = (form["method"], action.split("?", 1)[0])
            forms.setdefault(key, {}).update(form["fields"])
    return forms
