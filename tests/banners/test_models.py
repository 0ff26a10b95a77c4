"""The Banner model: who may see it, what addresses it accepts."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from banners.models import Banner

pytestmark = pytest.mark.django_db


def test_active_shows_switched_on_banner_inside_its_window(make_banner):
    now = timezone.now()
    inside = make_banner(
        title="Trong", active_from=now - timedelta(days=1), active_until=now + timedelta(days=1)
    )
    open_ended = make_banner(title="Không hạn")
    assert set(Banner.objects.active(now)) == {inside, open_ended}


def test_active_hides_switched_off_banner(make_banner):
    make_banner(is_active=False)
    assert not Banner.objects.active().exists()


def test_active_hides_banner_before_its_start_and_after_its_end(make_banner):
    now = timezone.now()
    make_banner(title="Chưa đến", active_from=now + timedelta(minutes=5))
    make_banner(
        title="Đã hết", active_from=now - timedelta(days=2), active_until=now - timedelta(days=1)
    )
    assert not Banner.objects.active(now).exists()


def test_active_until_is_exclusive(make_banner):
    now = timezone.now()
    banner = make_banner(active_until=now + timedelta(hours=1))
    assert banner in Banner.objects.active(now + timedelta(minutes=59))
    assert banner not in Banner.objects.active(now + timedelta(hours=1))


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "ftp://example.com/file",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/",
    ],
)
def test_target_url_must_be_http_or_https(make_banner, url):
    with pytest.raises(ValidationError) as excinfo:
        make_banner(target_url=url)
    assert "target_url" in excinfo.value.message_dict


def test_database_refuses_a_non_http_target_url_even_without_clean(make_banner):
    banner = make_banner()
    with pytest.raises(IntegrityError), transaction.atomic():
        Banner.objects.filter(pk=banner.pk).update(target_url="javascript:alert(1)")


def test_alt_text_is_required(make_banner):
    with pytest.raises(ValidationError) as excinfo:
        make_banner(alt_text="")
    assert "alt_text" in excinfo.value.message_dict


def test_window_must_end_after_it_starts(make_banner):
    now = timezone.now()
    with pytest.raises(ValidationError) as excinfo:
        make_banner(active_from=now, active_until=now - timedelta(hours=1))
    assert "Thời điểm kết thúc" in str(excinfo.value.message_dict["active_until"])


def test_image_is_stored_under_a_random_name_with_its_size(make_banner):
    banner = make_banner()
    assert banner.image.name.startswith("banners/")
    assert "banner" not in banner.image.name.rsplit("/", 1)[-1]
    assert (banner.image_width, banner.image_height) == (300, 100)


def test_a_file_that_is_not_an_image_is_refused():
    from django.core.files.base import ContentFile

    banner = Banner(
        title="Giả", alt_text="Giả", target_url="https://example.com/", position="sidebar"
    )
    banner.image.save("evil.png", ContentFile(b"<svg onload=alert(1)>"), save=False)
    with pytest.raises(ValidationError) as excinfo:
        banner.full_clean()
    assert "image" in excinfo.value.message_dict
