import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image


def png_bytes(size=(300, 100), colour=(11, 79, 138)):
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, format="PNG")
    return output.getvalue()


def banner_fields(title, target_url):
    """A sidebar banner's own fields, its alternative text its title (model or form data)."""
    return {"title": title, "alt_text": title, "target_url": target_url, "position": "sidebar"}


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def make_banner(db):
    from banners.models import Banner

    def make(**fields):
        defaults = banner_fields("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/")
        defaults.update(fields)
        banner = Banner(**defaults)
        banner.image.save("banner.png", ContentFile(png_bytes()), save=False)
        banner.full_clean()
        banner.save()
        return banner

    return make
