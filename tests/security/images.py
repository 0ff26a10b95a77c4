"""Small image and not-an-image files built in memory for the upload tests."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.cookie)</script></svg>"
)
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SECRET = "GPS 22.6657N 106.2522E Nguyen Van A"


def image_bytes(fmt="PNG", size=(64, 48), color=(200, 30, 30), *, exif=True, mode="RGB"):
    image = Image.new(mode, size, color)
    options = {"format": fmt}
    if exif:
        data = Image.Exif()
        data[0x010E] = SECRET  # ImageDescription
        data[0x0112] = 1  # Orientation
        options["exif"] = data.tobytes()
    output = io.BytesIO()
    image.save(output, **options)
    return output.getvalue()


def animated_gif(frames=3, size=(16, 16)):
    images = [Image.new("RGB", size, (index * 60, 255 - index * 60, 0)) for index in range(frames)]
    output = io.BytesIO()
    images[0].save(
        output, format="GIF", save_all=True, append_images=images[1:], duration=80, loop=0
    )
    return output.getvalue()


def _chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_claiming(width, height):
    """A tiny PNG whose header claims ``width`` × ``height`` (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def gif_canvas_bomb(frames=30, width=2000, height=2000):
    """A few-hundred-byte GIF: ``frames`` frames of 1 × 1 pixel on a ``width`` × ``height``
    canvas. Each frame passes the per-frame pixel and the frame-count limits, but Pillow
    composes every frame on the whole canvas: ``frames`` × ``width`` × ``height`` pixels."""
    screen = struct.pack("<6sHHBBB", b"GIF89a", width, height, 0xF0, 0, 0)
    palette = b"\x00\x00\x00\xff\xff\xff"
    loop = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    pixel = [b"\x02\x02\x44\x01\x00", b"\x02\x02\x4c\x01\x00"]  # LZW: colour 0, colour 1
    body = b"".join(
        b"\x21\xf9\x04\x04\x0a\x00\x00\x00"  # graphic control: keep, 100 ms
        + b"\x2c"
        + struct.pack("<HHHHB", 0, 0, 1, 1, 0)
        + pixel[index % 2]  # frames differ, so no writer merges them
        for index in range(frames)
    )
    return screen + palette + loop + body + b"\x3b"
