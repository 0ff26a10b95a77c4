"""/api/docs/: Swagger UI over the schema, served from this site under the strict CSP."""

import pytest

from tests.support.pages import page_html

pytestmark = pytest.mark.django_db


def test_docs_page_loads_swagger_ui_from_our_own_static_files(client):
    response, html = page_html(client, "/api/docs/")
    assert '<html lang="vi">' in html
    assert 'id="swagger-ui"' in html
    # Every script and style is a file of this site: no CDN, nothing inline.
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html
    assert "<style" not in html
    assert "<script>" not in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle" in html
    assert "/api/docs/?script=" in html
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_docs_start_up_script_points_at_the_schema(client):
    response = client.get("/api/docs/?script=")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert '"/api/schema/' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["?lang=%3Cscript%3Ealert(1)%3C/script%3E", "?script=&lang=%22%3E%3Cimg", "?format=xml"],
)
def test_hostile_query_strings_are_escaped_or_refused_never_500(client, query):
    response = client.get("/api/docs/" + query)
    assert response.status_code < 500
    assert b"<script>alert(1)" not in response.content
    assert b'"><img' not in response.content


def test_the_catalogue_links_the_interactive_docs(client):
    html = client.get("/api/").content.decode()
    assert 'href="/api/docs/"' in html
