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

# The demo banners, in order: (title, target URL, background colour).
DEMO_BANNERS = [
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/", (178, 34, 34)),
    ("Cổng thông tin điện tử tỉnh Cao Bằng", "https://caobang.gov.vn/", (11, 79, 138)),
    ("Bộ Khoa học và Công nghệ", "https://mst.gov.vn/", (0, 105, 92)),
    ("Hệ thống văn bản", "https://vbpl.vn/", (94, 53, 177)),
]
# The lines of text drawn on each banner, by its title.
BANNER_LINES = {
    "Cổng Dịch vụ công quốc gia": ["CỔNG DỊCH VỤ CÔNG", "QUỐC GIA"],
    "Cổng thông tin điện tử tỉnh Cao Bằng": ["CỔNG THÔNG TIN ĐIỆN TỬ", "TỈNH CAO BẰNG"],
    "Bộ Khoa học và Công nghệ": ["BỘ KHOA HỌC", "VÀ CÔNG NGHỆ"],
    "Hệ thống văn bản": ["HỆ THỐNG VĂN BẢN", "QUY PHẠM PHÁP LUẬT"],
}


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
    for order, (title, target_url, colour) in enumerate(DEMO_BANNERS, start=1):
        if Banner.objects.filter(title=title).exists():
            continue
        banner = Banner(
            title=title,
            alt_text=title,
            target_url=target_url,
            position=BannerPosition.SIDEBAR,
            order=order,
        )
        banner.image.save(
            "banner.png", ContentFile(draw_banner(BANNER_LINES[title], colour)), save=False
        )
        banner.full_clean()
        banner.save()
        created += 1
    if stdout and created:
        stdout.write(f"Quảng cáo mẫu: {created}")
