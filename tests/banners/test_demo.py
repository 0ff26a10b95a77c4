"""Demo banners: drawn with Pillow, stored through the ImageField, loaded once."""

import pytest
from PIL import Image

from banners import demo
from banners.models import Banner

pytestmark = pytest.mark.django_db


def test_demo_banners_are_loaded_once_with_real_images(settings):
    demo.load()
    demo.load()
    banners = list(Banner.objects.all())
    assert len(banners) == len(demo.DEMO_BANNERS) == 4
    assert {banner.title for banner in banners} >= {
        "Cổng Dịch vụ công quốc gia",
        "Cổng thông tin điện tử tỉnh Cao Bằng",
        "Bộ Khoa học và Công nghệ",
        "Hệ thống văn bản",
    }
    for banner in banners:
        assert banner.alt_text
        assert banner.target_url.startswith("https://")
        path = settings.MEDIA_ROOT / banner.image.name
        assert path.is_file()
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert image.size == (banner.image_width, banner.image_height)
    assert len(Banner.objects.active()) == 4
