"""Uploaded images: verified by Pillow, bounded, re-encoded, stored under random names.

Every image field of the project (article images, banners, the editor's uploads) goes
through ``validate_image`` and stores its files under ``random_upload_to(prefix)``, so an
SVG or HTML file renamed ``.jpg`` never becomes a file we serve.
"""

import io
import secrets
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from PIL import Image

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def _limits():
    return settings.UPLOAD_IMAGE_MAX_BYTES, settings.UPLOAD_IMAGE_MAX_PIXELS


def validate_image(file):
    """Raise ``ValidationError`` (Vietnamese) unless ``file`` is a real, bounded image.

    Returns the Pillow format name ("JPEG", "PNG", "WEBP" or "GIF").
    """
    max_bytes, max_pixels = _limits()
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            "Tệp ảnh quá lớn (tối đa %(mb)s MB).",
            code="image_too_large",
            params={"mb": max_bytes // (1024 * 1024)},
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image_format = image.format
                width, height = image.size
                if width * height > max_pixels:
                    raise ValidationError(
                        "Ảnh có kích thước quá lớn (%(w)s × %(h)s điểm ảnh).",
                        code="image_too_many_pixels",
                        params={"w": width, "h": height},
                    )
                image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            "Ảnh có kích thước quá lớn, không thể xử lý.", code="image_bomb"
        ) from exc
    except Exception as exc:
        raise ValidationError(
            "Tệp tải lên không phải là ảnh hợp lệ (chỉ nhận JPEG, PNG, WebP, GIF).",
            code="not_an_image",
        ) from exc
    finally:
        file.seek(position)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            "Định dạng ảnh không được hỗ trợ (chỉ nhận JPEG, PNG, WebP, GIF).",
            code="image_format",
        )
    return image_format


def reencode_image(file, name_prefix="image"):
    """Return a new in-memory file holding ``file`` re-encoded without its metadata."""
    image_format = validate_image(file)
    file.seek(0)
    with Image.open(file) as image:
        if image_format == "GIF":
            image.seek(0)
        if image_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        output = io.BytesIO()
        save_args = {"format": image_format}
        if image_format == "JPEG":
            save_args.update(quality=88, optimize=True)
        image.save(output, **save_args)  # EXIF and other metadata are not carried over
    extension = ALLOWED_FORMATS[image_format]
    output.seek(0)
    return InMemoryUploadedFile(
        output,
        field_name=None,
        name=f"{name_prefix}.{extension}",
        content_type=f"image/{'jpeg' if extension == 'jpg' else extension}",
        size=output.getbuffer().nbytes,
        charset=None,
    )


@deconstructible
class random_upload_to:  # noqa: N801 - used like a function in model fields
    """``upload_to`` that stores files as ``<prefix>/<yyyy>/<mm>/<random>.<ext>``."""

    def __init__(self, prefix):
        self.prefix = prefix.strip("/")

    def __call__(self, instance, filename):
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
        extension = "".join(ch for ch in extension if ch.isalnum())[:5] or "bin"
        now = timezone.now()
        return f"{self.prefix}/{now:%Y/%m}/{secrets.token_hex(16)}.{extension}"

    def __eq__(self, other):
        return isinstance(other, random_upload_to) and other.prefix == self.prefix
