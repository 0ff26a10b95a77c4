"""Helpers for tests that read a page through Django's test client."""


def page_html(client, url, status=200):
    """GET ``url``, check it answers ``status`` and return (response, decoded HTML)."""
    response = client.get(url)
    assert response.status_code == status, response.status_code
    return response, response.content.decode()


def assert_found_not_missing(client, url, found, missing):
    """The page at ``url`` links an entry titled ``found`` and none titled ``missing``."""
    _, html = page_html(client, url)
    assert f">{found}</a>" in html
    assert f">{missing}</a>" not in html
