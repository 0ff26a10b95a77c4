"""``/qc/<id>/``: counts the click and redirects to the banner's own address only."""

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"


def test_click_counts_once_and_redirects_to_the_stored_url(client, make_banner):
    banner = make_banner(target_url="https://dichvucong.gov.vn/p/home.html")
    response = client.get(f"/qc/{banner.pk}/", HTTP_USER_AGENT=BROWSER_UA)
    assert response.status_code == 302
    assert response["Location"] == "https://dichvucong.gov.vn/p/home.html"
    banner.refresh_from_db()
    assert banner.click_count == 1


def test_each_click_adds_one(client, make_banner):
    banner = make_banner()
    for _ in range(3):
        client.get(f"/qc/{banner.pk}/", HTTP_USER_AGENT=BROWSER_UA)
    banner.refresh_from_db()
    assert banner.click_count == 3


@pytest.mark.parametrize(
    "query", ["?next=https://evil.example/", "?url=https://evil.example/", "?to=//evil.example"]
)
def test_redirect_ignores_any_address_in_the_query(client, make_banner, query):
    banner = make_banner(target_url="https://caobang.gov.vn/")
    response = client.get(f"/qc/{banner.pk}/{query}", HTTP_USER_AGENT=BROWSER_UA)
    assert response.status_code == 302
    assert response["Location"] == "https://caobang.gov.vn/"


def test_unknown_banner_is_404(client, make_banner):
    banner = make_banner()
    response = client.get(f"/qc/{banner.pk + 1000}/", HTTP_USER_AGENT=BROWSER_UA)
    assert response.status_code == 404


def test_switched_off_or_expired_banner_is_404_and_not_counted(client, make_banner):
    off = make_banner(is_active=False)
    expired = make_banner(
        title="Hết hạn",
        active_from=timezone.now() - timedelta(days=2),
        active_until=timezone.now() - timedelta(days=1),
    )
    for banner in (off, expired):
        assert client.get(f"/qc/{banner.pk}/", HTTP_USER_AGENT=BROWSER_UA).status_code == 404
        banner.refresh_from_db()
        assert banner.click_count == 0


def test_bot_is_redirected_but_not_counted(client, make_banner):
    banner = make_banner()
    response = client.get(
        f"/qc/{banner.pk}/",
        HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    )
    assert response.status_code == 302
    banner.refresh_from_db()
    assert banner.click_count == 0


def test_post_is_not_allowed(client, make_banner):
    banner = make_banner()
    assert client.post(f"/qc/{banner.pk}/").status_code == 405


def test_clicks_counted_through_a_stale_copy_are_not_lost(make_banner):
    from banners.services import banner_record_click

    banner = make_banner()
    stale = type(banner).objects.get(pk=banner.pk)
    banner_record_click(banner=banner)
    banner_record_click(banner=stale)  # a stale copy does not overwrite the first click
    banner.refresh_from_db()
    assert banner.click_count == 2
