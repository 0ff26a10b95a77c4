"""Hostile input against every public URL and form: never a 500, never reflected
unescaped, and nothing stored changes.

The URLs and forms are discovered (resolver, sitemap, demo data), so pages added by any
app are covered. Requests go through Django's test client in-process; each test loops over
the corpus and reports every failure at once.
"""

from urllib.parse import quote, unquote, urlencode, urlsplit

import pytest
from django.test import Client

from tests.security.corpus import CORPUS, RAW_QUERY_VALUES, is_dangerous
from tests.security.discovery import FIXED, discover_forms, discover_get_urls
from tests.security.snapshot import changed_tables, snapshot

pytestmark = pytest.mark.django_db

# Parameter names the site's pages read (search, pagination, filters, sorting) and a few
# they don't: every request carries the payload in all of them at once.
PARAMS = ["q", "page", "p", "year", "nam", "category", "chuyen_muc", "sort", "type", "loai",
          "don_vi", "unit", "period", "hinh_thuc", "fmt", "next", "x"]  # fmt: skip
# Pages that read query values: the whole corpus; other pages: a sample of it.
KEY_URLS = {"/", "/tin-tuc/", "/tim-kiem/", "/dien-hinh-tien-tien/", "/van-ban/", "/rss/"}
SAMPLE_STEP = 7


class Failures(list):
    def check(self, response, payload, label):
        status = response.status_code
        if status >= 500:
            self.append(f"{label}: HTTP {status} for {payload[:60]!r}")
            return
        body = response.content.decode("utf-8", "replace")
        if "Traceback (most recent call last)" in body:
            self.append(f"{label}: traceback in the page for {payload[:60]!r}")
        content_type = response.get("Content-Type", "")
        if is_dangerous(payload) and ("html" in content_type or "xml" in content_type):
            if payload in body:
                self.append(f"{label}: reflected unescaped: {payload[:60]!r}")
        lowered = body.lower()
        for needle in ('href="javascript:', "href='javascript:", 'src="javascript:'):
            if needle in lowered and needle not in self.baseline:
                self.append(f"{label}: a javascript: URL in the page for {payload[:60]!r}")
        location = response.get("Location", "")
        if location and not _on_site(location) and _from_input(location, payload):
            self.append(f"{label}: redirect off the site to {location[:80]!r}")

    baseline = ""

    def report(self):
        return f"{len(self)} problems:\n" + "\n".join(self[:80])


def wire(value):
    """``value`` as a client puts it on the wire: UTF-8 bytes, lone surrogates included."""
    return value.encode("utf-8", "surrogatepass")


def as_header(value):
    """``value`` as WSGI hands a header to Django: its UTF-8 bytes read as Latin-1."""
    return wire(value).decode("latin-1")


def post_form(client, path, data, **extra):
    body = urlencode({name: wire(value) for name, value in data.items()})
    return client.post(path, body, content_type="application/x-www-form-urlencoded", **extra)


def _from_input(location, payload):
    """An off-site redirect the request chose (a banner's stored link is not one)."""
    parts = urlsplit(location.replace("\\", "/").strip())
    if parts.scheme not in {"", "http", "https"}:
        return True
    decoded = unquote(payload).lower()
    return bool(parts.netloc) and parts.netloc.lower() in decoded


def _on_site(location):
    """True for a redirect that a browser resolves to this site (relative or testserver)."""
    parts = urlsplit(location.replace("\\", "/").strip())
    return parts.scheme in {"", "http", "https"} and parts.netloc in {"", "testserver"}


@pytest.fixture(scope="module")
def discovered_urls(shared_demo_data):
    """The URLs found once for the module: its tests only read the demo data."""
    return discover_get_urls(Client())


@pytest.fixture
def site(shared_demo_data, discovered_urls, db):
    return Client(), discovered_urls


@pytest.fixture
def unchanged():
    before = snapshot()
    yield
    after = snapshot()
    assert not changed_tables(before, after), (
        f"stored data changed: {changed_tables(before, after)}"
    )


def test_corpus_is_large_and_varied():
    assert len(CORPUS) + len(RAW_QUERY_VALUES) >= 200
    assert any("\x00" in payload for payload in CORPUS)
    assert any(len(payload) >= 10_000 for payload in CORPUS)
    assert any("\u202e" in payload for payload in CORPUS)
    assert "%ff%fe" in RAW_QUERY_VALUES


def test_discovery_finds_the_public_pages(site):
    client, urls = site
    for url in FIXED:
        assert url in urls
        assert client.get(url).status_code == 200, url
    found = " ".join(urls)
    assert "/tin-tuc/chuyen-muc/" in found, urls  # a category
    assert any(
        url.startswith("/tin-tuc/") and url.count("/") == 3 and "chuyen-muc" not in url
        for url in urls
    ), urls  # an article
    assert any(url.startswith("/dien-hinh-tien-tien/") and url != "/dien-hinh-tien-tien/"
               for url in urls), urls  # fmt: skip


def test_hostile_query_values_on_every_public_url(site, unchanged):
    client, urls = site
    failures = Failures()
    for url in urls:
        base = url.split("?", 1)[0]
        payloads = CORPUS if base in KEY_URLS else CORPUS[::SAMPLE_STEP]
        for payload in payloads:
            query = urlencode({name: wire(payload) for name in PARAMS})
            response = client.get(f"{base}?{query}")
            failures.check(response, payload, f"GET {base}")
    assert not failures, failures.report()


def test_invalid_percent_escapes_in_query_strings(site, unchanged):
    client, urls = site
    failures = Failures()
    for url in urls:
        base = url.split("?", 1)[0]
        for raw in RAW_QUERY_VALUES:
            query = "&".join(f"{name}={raw}" for name in PARAMS)
            failures.check(client.get(f"{base}?{query}"), raw, f"GET {base} raw")
            failures.check(client.get(f"{base}?{raw}={raw}"), raw, f"GET {base} raw name")
    assert not failures, failures.report()


def test_array_style_and_repeated_parameters(site, unchanged):
    client, urls = site
    failures = Failures()
    queries = [
        "q[]=abc&page[]=2",
        "q[]=<script>alert(1)</script>&page[]=1&page[]=2",
        "q=a&q=b&q=<script>alert(1)</script>&page=1&page=2&page=-1",
        "page=2&page=abc&page=",
        "q[0]=x&q[1]=y&page[a]=1",
        "q[$gt]=&page[$ne]=1",
        "q=" + "&q=".join(["x"] * 200),
        "&&&==&=&q",
        "q",
        "=",
        "page=1" * 1000,
        ";q=1;page=2",
    ]
    for url in urls:
        base = url.split("?", 1)[0]
        for query in queries:
            failures.check(client.get(f"{base}?{query}"), query, f"GET {base}")
    assert not failures, failures.report()


def test_hostile_path_segments(site, unchanged):
    """Payloads in place of slugs and ids, and appended as extra segments."""
    client, urls = site
    failures = Failures()
    templates = set()
    for url in urls:
        path = url.split("?", 1)[0]
        segments = [segment for segment in path.split("/") if segment]
        if segments:
            prefix = "/" + "/".join(segments[:-1]) + ("/" if len(segments) > 1 else "")
            templates.add(prefix + "{}" + ("/" if path.endswith("/") else ""))
        templates.add(path.rstrip("/") + "/{}/")
    sample = CORPUS[::3] + [payload for payload in CORPUS if is_dangerous(payload)]
    for template in sorted(templates):
        for payload in sample:
            segment = quote(wire(payload), safe="")
            failures.check(client.get(template.format(segment)), payload, f"GET {template}")
        for raw in RAW_QUERY_VALUES:
            failures.check(client.get(template.format(raw)), raw, f"GET {template} raw")
    assert not failures, failures.report()


def test_hostile_sidebar_login_posts(shared_demo_data, db, unchanged):
    client = Client()
    failures = Failures()
    for index, payload in enumerate(CORPUS):
        data = [
            {"username": payload, "password": payload, "next": payload},
            {"username": f"u{index}", "password": "x", "next": payload},
            {"username[]": payload, "password[]": payload, "next[]": payload},
        ][index % 3]
        response = post_form(client, "/dang-nhap/", data, REMOTE_ADDR=f"198.51.100.{index % 250}")
        failures.check(response, payload, "POST /dang-nhap/")
    for raw in RAW_QUERY_VALUES:
        body = f"username={raw}&password={raw}&next={raw}"
        response = client.post(
            "/dang-nhap/", body, content_type="application/x-www-form-urlencoded"
        )
        failures.check(response, raw, "POST /dang-nhap/ raw")
    # The user is not logged in by any of it.
    assert "_auth_user_id" not in client.session
    assert not failures, failures.report()


def test_hostile_values_in_every_discovered_form(site, unchanged):
    client, urls = site
    forms = discover_forms(client, urls)
    assert ("get", "/tim-kiem/") in forms, forms.keys()  # the header search
    assert ("post", "/dang-nhap/") in forms, forms.keys()  # the sidebar login
    failures = Failures()
    for (method, action), fields in forms.items():
        names = [name for name in fields if name != "csrfmiddlewaretoken"] or ["q"]
        for index, payload in enumerate(CORPUS[::2]):
            data = {name: payload for name in names}
            if method == "post":
                response = post_form(client, action, data, REMOTE_ADDR=f"192.0.2.{index % 250}")
            else:
                response = client.get(
                    f"{action}?{urlencode({k: wire(v) for k, v in data.items()})}"
                )
            failures.check(response, payload, f"{method.upper()} {action}")
    assert not failures, failures.report()


def test_hostile_headers(site, unchanged):
    client, _urls = site
    failures = Failures()
    for index, payload in enumerate(CORPUS):
        header = as_header(payload.replace("\r", " ").replace("\n", " "))
        response = client.get(
            ["/", "/tin-tuc/", "/tim-kiem/?q=a", "/dien-hinh-tien-tien/"][index % 4],
            HTTP_USER_AGENT=header,
            HTTP_REFERER=header,
            HTTP_ACCEPT_LANGUAGE=header[:200],
            HTTP_X_FORWARDED_FOR=header,
            HTTP_COOKIE=f"sessionid={header[:100]}; csrftoken={header[:100]}",
        )
        failures.check(response, payload, "headers")
    assert not failures, failures.report()


def test_unusual_methods_on_public_urls(site, unchanged):
    client, urls = site
    failures = Failures()
    for url in urls:
        for method in ["post", "put", "patch", "delete", "options", "head", "trace"]:
            response = client.generic(method.upper(), url, "<script>alert(1)</script>")
            failures.check(response, "<script>alert(1)</script>", f"{method.upper()} {url}")
    assert not failures, failures.report()
