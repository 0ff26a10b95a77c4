"""NUL characters: a 400 page with the site's security headers, never a database error.

The admin hands its filter and autocomplete values to the database; on PostgreSQL a NUL
in a string is a ``ValueError`` (a 500). Run on SQLite and on PostgreSQL
(``DATABASE_URL=postgres://...``).
"""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ADMIN_URLS = [
    "/admin/news/article/?status=%00",
    "/admin/news/article/?q=a%00b",
    "/admin/news/article/?%00=1",
    "/admin/autocomplete/?term=%00&app_label=news&model_name=article&field_name=category",
    "/admin/awards/nomination/?stage=%00",
    "/ckeditor/browse/?CKEditorFuncNum=%00",
]


@pytest.fixture
def staff_client(staff_user):
    client = Client()
    client.force_login(staff_user)
    return client


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_nul_in_an_admin_query_string_gets_a_400(staff_client, url):
    response = staff_client.get(url)
    assert response.status_code == 400, response.status_code
    assert "Traceback" not in response.content.decode()


def test_the_admin_still_filters_ordinary_query_strings(staff_client):
    assert staff_client.get("/admin/news/article/?status=published").status_code == 200
    autocomplete = staff_client.get(
        "/admin/autocomplete/?term=tin&app_label=news&model_name=article&field_name=category"
    )
    assert autocomplete.status_code == 200


@pytest.mark.parametrize(
    "request_args",
    [
        {"path": "/tin-tuc/bai%00viet/"},
        {"path": "/", "HTTP_COOKIE": "sessionid=abc\x00def"},
        {"path": "/admin/news/article/?status=%00"},
    ],
)
def test_the_400_page_carries_the_security_headers(client, request_args):
    response = client.get(**request_args)
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
