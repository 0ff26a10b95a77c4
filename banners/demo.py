"""Demo content of the banners app, loaded by ``manage.py loaddemo``.

The images are drawn with Pillow (Vietnamese text in DejaVu Sans when the font is
installed) and stored through the ImageField, so they land in MEDIA_ROOT under random names.
"""

import io
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from banners.models import Banner, BannerPosition

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]

DEMO_BANNERS = [
    {
        "title": "Cổng Dịch vụ công quốc gia",
        "lines": ["CỔNG DỊCH VỤ CÔNG", "QUỐC GIA"],
        "target_url": "https://dichvucong.gov.vn/",
        "colour": (178, 34, 34),
    },
    {
        "title": "Cổng thông tin điện tử tỉnh Cao Bằng",
        "lines": ["CỔNG THÔNG TIN ĐIỆN TỬ", "TỈNH CAO BẰNG"],
        "target_url": "https://caobang.gov.vn/",
        "colour": (11, 79, 138),
    },
    {
        "title": "Bộ Khoa học và Công nghệ",
        "lines": ["BỘ KHOA HỌC", "VÀ CÔNG NGHỆ"],
        "target_url": "https://mst.gov.vn/",
        "colour": (0, 105, 92),
    },
    {
        "title": "Hệ thống văn bản",
        "lines": ["HỆ THỐNG VĂN BẢN", "QUY PHẠM PHÁP LUẬT"],
        "target_url": "https://vbpl.vn/",
        "colour": (94, 53, 177),
    },
]


def _font(size):
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default()


def draw_banner(lines, colour, size=(300, 100)):
    """A PNG: ``lines`` of white text centred on a coloured rectangle with a light frame."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle([4, 4, width - 5, height - 5], outline=(255, 255, 255), width=2)
    size_pt = max(14, height // 5)
    while True:  # shrink until the widest line fits inside the frame
        font = _font(size_pt)
        boxes = [draw.textbbox((0, 0), line, font=font) for line in lines]
        if size_pt <= 10 or max(box[2] - box[0] for box in boxes) <= width - 24:
            break
        size_pt -= 1
    line_height = max(box[3] - box[1] for box in boxes) + 8
    y = (height - line_height * len(lines)) // 2
    for line, box in zip(lines, boxes, strict=True):
        x = (width - (box[2] - box[0])) // 2
        draw.text((x, y - box[1]), line, font=font, fill=(255, 255, 255))
        y += line_height
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def load(*, stdout=None):
    """Create this app's demo records; running it again changes nothing."""
    created = 0
    for order, spec in enumerate(DEMO_BANNERS, start=1):
        if Banner.objects.filter(title=spec["title"]).exists():
            continue
        banner = Banner(
            title=spec["title"],
            alt_text=spec["title"],
            target_url=spec["target_url"],
            position=BannerPosition.SIDEBAR,
            order=order,
        )
        banner.image.save(
            "banner.png", ContentFile(draw_banner(spec["lines"], spec["colour"])), save=False
        )
        banner.full_clean()
        banner.save()
        created += 1
    if stdout and created:
        stdout.write(f"Quảng cáo mẫu: {created}")
