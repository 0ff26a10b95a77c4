"""The banner widgets in the layout, and their cache."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.utils import timezone

from banners.models import Banner
from banners.services import CACHE_KEY, CACHE_MAX_SECONDS, banners_visible
from core.caching import content_cache_seconds

pytestmark = pytest.mark.django_db


def render(position):
    return Template('{% load banners_tags %}{% banners "' + position + '" %}').render(Context())


def test_sidebar_widget_links_through_the_click_counter_with_alt_text(make_banner):
    banner = make_banner(alt_text="Cổng thông tin điện tử tỉnh Cao Bằng")
    html = render("sidebar")
    assert f'href="/qc/{banner.pk}/"' in html
    assert 'alt="Cổng thông tin điện tử tỉnh Cao Bằng"' in html
    assert banner.image.url in html
    assert 'width="300" height="100"' in html
    assert "dichvucong.gov.vn" not in html  # the target is reached only through /qc/


def test_header_and_sidebar_banners_are_kept_apart(make_banner):
    make_banner(title="Đầu trang", alt_text="Ảnh đầu trang", position="header")
    make_banner(title="Cột phải", alt_text="Ảnh cột phải", position="sidebar")
    assert "Ảnh đầu trang" in render("header")
    assert "Ảnh đầu trang" not in render("sidebar")
    assert "Ảnh cột phải" in render("sidebar")


def test_widget_is_empty_without_visible_banners(make_banner):
    make_banner(is_active=False)
    assert render("sidebar").strip() == ""


def test_widgets_are_in_the_home_page_in_order(client, make_banner):
    make_banner(alt_text="Bộ Khoa học và Công nghệ")
    html = client.get("/").content.decode()
    titles = ["Thông tin mới nhất", "Thống kê truy cập", "Đăng nhập", "Liên kết"]
    positions = [html.index(f">{title}</h2>") for title in titles]
    assert positions == sorted(positions)
    assert 'alt="Bộ Khoa học và Công nghệ"' in html


def test_second_render_comes_from_the_cache(make_banner, django_assert_num_queries):
    make_banner()
    render("sidebar")
    with django_assert_num_queries(0):
        html = render("sidebar")
    assert "/qc/" in html


def test_saving_a_banner_shows_the_change_at_once(make_banner):
    banner = make_banner(alt_text="Tên cũ")
    assert "Tên cũ" in render("sidebar")
    banner.alt_text = "Tên mới"
    banner.save()
    assert "Tên mới" in render("sidebar")


def test_switching_off_or_deleting_hides_the_banner_at_once(make_banner):
    first = make_banner(title="Một", alt_text="Quảng cáo một")
    second = make_banner(title="Hai", alt_text="Quảng cáo hai")
    assert "Quảng cáo một" in render("sidebar")
    first.is_active = False
    first.save()
    assert "Quảng cáo một" not in render("sidebar")
    second.delete()
    assert "Quảng cáo hai" not in render("sidebar")


def test_admin_switch_off_action_drops_the_cached_list(make_banner):
    from banners.services import banners_set_active

    banner = make_banner(alt_text="Sắp tắt")
    assert "Sắp tắt" in render("sidebar")
    banners_set_active(banners=Banner.objects.filter(pk=banner.pk), is_active=False)
    assert "Sắp tắt" not in render("sidebar")


def test_cache_expires_when_the_next_banner_starts(make_banner, monkeypatch):
    now = timezone.now()
    make_banner(active_from=now + timedelta(seconds=20))
    timeouts = []
    real_set = cache.set
    monkeypatch.setattr(cache, "set", lambda k, v, t=None: timeouts.append(t) or real_set(k, v, t))
    assert banners_visible(position="sidebar", now=now) == []
    assert timeouts and 1 <= timeouts[0] <= 20
    # Once the start has passed, a fresh computation shows it.
    cache.delete(CACHE_KEY.format(position="sidebar"))
    assert len(banners_visible(position="sidebar", now=now + timedelta(seconds=21))) == 1


def test_cache_never_outlives_a_minute(make_banner, monkeypatch):
    make_banner()
    timeouts = []
    real_set = cache.set
    monkeypatch.setattr(cache, "set", lambda k, v, t=None: timeouts.append(t) or real_set(k, v, t))
    banners_visible(position="sidebar")
    assert timeouts == [content_cache_seconds(CACHE_MAX_SECONDS)]
    assert CACHE_MAX_SECONDS <= 60


def test_unknown_position_shows_nothing(make_banner):
    make_banner()
    assert banners_visible(position="footer") == []
