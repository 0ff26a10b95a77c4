import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image


def png_bytes(size=(300, 100), colour=(11, 79, 138)):
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, format="PNG")
    return output.getvalue()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def make_banner(db):
    from banners.models import Banner

    def make(**fields):
        defaults = {
            "title": "Cổng Dịch vụ công quốc gia",
            "alt_text": "Cổng Dịch vụ công quốc gia",
            "target_url": "https://dichvucong.gov.vn/",
            "position": "sidebar",
        }
        defaults.update(fields)
        banner = Banner(**defaults)
        banner.image.save("banner.png", ContentFile(png_bytes()), save=False)
        banner.full_clean()
        banner.save()
        return banner

    return make
