"""Uploaded images: verified by Pillow, bounded, re-encoded, stored under random names.

Every image field of the project (article images, banners, the editor's uploads) goes
through ``validate_image`` and stores its files under ``random_upload_to(prefix)``, so an
SVG or HTML file renamed ``.jpg`` never becomes a file we serve. ``reencode_image`` decodes
the pixels and writes a new file: EXIF (GPS position, camera serial), ICC profiles, text
chunks and anything appended after the image data (HTML/JS polyglots) are left behind.

Memory is bounded before any pixel is decoded: the header gives the canvas size and the
frame count, and Pillow composes every frame of an animation on the whole canvas, so a
few-hundred-byte GIF of 1 × 1 frames on a 2000 × 2000 canvas costs 4 M pixels a frame.
Besides the per-frame limit (``UPLOAD_IMAGE_MAX_PIXELS``) and the frame limit, the product
width × height × frames has a budget (``UPLOAD_IMAGE_MAX_TOTAL_PIXELS``). Re-encoding keeps
an animation's frames only while they fit ``UPLOAD_IMAGE_MAX_ANIMATION_PIXELS`` in all
(Pillow's GIF and WebP writers hold every frame at once); a larger animation is stored as
its first frame, so re-encoding never holds more than one large frame.

The rich-text editor (django-ckeditor's uploader) uses the same rules through
``CKEditorImageBackend`` and ``ckeditor_filename`` (see CKEDITOR_* in settings).
"""

import io
import os
import secrets
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property
from django.utils.html import format_html
from PIL import Image, ImageOps, ImageSequence

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif"}

# Extensions a stored file may keep. Anything else (html, svg, js, php...) is stored as
# ".bin", which the media view and nginx serve as a download, never as a page.
SAFE_EXTENSIONS = {
    "jpg", "jpeg", "png", "gif", "webp",
    "pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "ppt", "pptx", "txt", "csv", "zip", "rar",
}  # fmt: skip

MSG_TOO_LARGE = "Tệp ảnh quá lớn (tối đa %(mb)s MB)."
MSG_TOO_MANY_PIXELS = "Ảnh có kích thước quá lớn (%(w)s × %(h)s điểm ảnh)."
MSG_BOMB = "Ảnh có kích thước quá lớn, không thể xử lý."
MSG_TOO_MANY_FRAMES = "Ảnh động có quá nhiều khung hình (tối đa %(n)s)."
MSG_TOO_MANY_PIXELS_IN_ALL_FRAMES = (
    "Ảnh động quá lớn: %(w)s × %(h)s điểm ảnh × %(n)s khung hình vượt quá giới hạn xử lý "
    "(tối đa %(total)s triệu điểm ảnh cho mọi khung hình cộng lại)."
)
MSG_NOT_AN_IMAGE = "Tệp tải lên không phải là ảnh hợp lệ (chỉ nhận JPEG, PNG, WebP, GIF)."
MSG_FORMAT = "Định dạng ảnh không được hỗ trợ (chỉ nhận JPEG, PNG, WebP, GIF)."


def _limits():
    max_pixels = settings.UPLOAD_IMAGE_MAX_PIXELS
    # Pillow's own guard: a warning above the limit (turned into an error below) and an
    # error at twice the limit, raised while the header is read, before any decoding.
    Image.MAX_IMAGE_PIXELS = max_pixels
    return (
        settings.UPLOAD_IMAGE_MAX_BYTES,
        max_pixels,
        getattr(settings, "UPLOAD_IMAGE_MAX_FRAMES", 300),
        getattr(settings, "UPLOAD_IMAGE_MAX_TOTAL_PIXELS", 60_000_000),
    )


def _animation_budget():
    return getattr(settings, "UPLOAD_IMAGE_MAX_ANIMATION_PIXELS", 8_000_000)


def _size_of(file):
    size = getattr(file, "size", None)
    if size is not None:
        return size
    position = file.tell()
    file.seek(0, os.SEEK_END)
    size = file.tell()
    file.seek(position)
    return size


def validate_image(file):
    """Raise ``ValidationError`` (Vietnamese) unless ``file`` is a real, bounded image.

    Checks, in order: the byte size, that Pillow recognises one of the allowed formats from
    the content (never the name), the pixel count (decompression bombs), the frame count of
    animations, the pixels of all frames together, and the structural integrity of the
    data. All but the last are read from the headers: nothing is decoded. Returns the
    Pillow format name ("JPEG", "PNG", "WEBP" or "GIF").
    """
    max_bytes, max_pixels, max_frames, max_total = _limits()
    if _size_of(file) > max_bytes:
        raise ValidationError(
            MSG_TOO_LARGE, code="image_too_large", params={"mb": max_bytes // (1024 * 1024)}
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file, formats=list(ALLOWED_FORMATS)) as image:
                image_format = image.format
                width, height = image.size
                if width * height > max_pixels:
                    raise ValidationError(
                        MSG_TOO_MANY_PIXELS,
                        code="image_too_many_pixels",
                        params={"w": width, "h": height},
                    )
                frames = getattr(image, "n_frames", 1)
                if frames > max_frames:
                    raise ValidationError(
                        MSG_TOO_MANY_FRAMES, code="image_too_many_frames", params={"n": max_frames}
                    )
                if width * height * frames > max_total:
                    raise ValidationError(
                        MSG_TOO_MANY_PIXELS_IN_ALL_FRAMES,
                        code="image_too_many_pixels_in_all_frames",
                        params={
                            "w": width,
                            "h": height,
                            "n": frames,
                            "total": max_total // 1_000_000,
                        },
                    )
                image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(MSG_BOMB, code="image_bomb") from exc
    except Exception as exc:
        # UnidentifiedImageError for SVG/HTML/text, SyntaxError/OSError for broken data.
        raise ValidationError(MSG_NOT_AN_IMAGE, code="not_an_image") from exc
    finally:
        file.seek(position)
    if image_format not in ALLOWED_FORMATS:  # pragma: no cover - ``formats=`` already limits
        raise ValidationError(MSG_FORMAT, code="image_format")
    return image_format


def _without_metadata(frame):
    clean = frame.copy()
    transparency = frame.info.get("transparency")
    clean.info = {}
    if transparency is not None:
        clean.info["transparency"] = transparency
    return clean


def _encode(image, image_format):
    """Decode the pixels of ``image`` and write them anew, without metadata.

    An animation keeps its frames while all of them fit the animation budget; otherwise,
    like an animated PNG, it is stored as its first frame.
    """
    output = io.BytesIO()
    frames = getattr(image, "n_frames", 1)
    width, height = image.size
    animated = frames > 1 and image_format in {"GIF", "WEBP"}
    if animated and width * height * frames <= _animation_budget():
        sequence, durations = [], []
        for frame in ImageSequence.Iterator(image):
            sequence.append(_without_metadata(frame))
            durations.append(frame.info.get("duration", 100))
        sequence[0].save(
            output,
            format=image_format,
            save_all=True,
            append_images=sequence[1:],
            duration=durations,
            loop=image.info.get("loop", 0),
        )
    else:
        if frames > 1:
            image.seek(0)  # stored as its first frame
        upright = ImageOps.exif_transpose(image)  # keep photos the right way up
        if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        clean = _without_metadata(upright)
        options = {"format": image_format}
        if image_format == "JPEG":
            options.update(quality=88, optimize=True)
        clean.save(output, **options)
    output.seek(0)
    return output


def reencode_upload(value, *, name_prefix):
    """A form's image value with a new upload re-encoded (``reencode_image``: EXIF, such as
    place and camera, and anything appended to the image are dropped); the stored file or
    nothing as it is."""
    if isinstance(value, UploadedFile):
        return reencode_image(value, name_prefix=name_prefix)
    return value


def admin_thumbnail(instance, image, alt):
    """An admin page's small preview of a stored ``image``; "-" for an unsaved ``instance``
    or without an image."""
    if not instance.pk or not image:
        return "-"
    return format_html('<img src="{}" alt="{}" width="120" loading="lazy">', image.url, alt)


def reencode_image(file, name_prefix="image"):
    """Return a new in-memory file holding ``file`` re-encoded without its metadata.

    Raises ``ValidationError`` (Vietnamese) for anything ``validate_image`` refuses and for
    data that is structurally valid but cannot be decoded to the end (truncated images).
    """
    image_format = validate_image(file)
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file, formats=[image_format]) as image:
                output = _encode(image, image_format)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(MSG_BOMB, code="image_bomb") from exc
    except Exception as exc:
        raise ValidationError(MSG_NOT_AN_IMAGE, code="not_an_image") from exc
    finally:
        file.seek(0)
    extension = ALLOWED_FORMATS[image_format]
    return InMemoryUploadedFile(
        output,
        field_name=None,
        name=f"{name_prefix}.{extension}",
        content_type=CONTENT_TYPES[extension],
        size=output.getbuffer().nbytes,
        charset=None,
    )


def safe_extension(filename):
    """The lower-case extension of ``filename`` if it is harmless to serve, else "bin"."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    extension = "".join(ch for ch in extension if ch.isascii() and ch.isalnum())
    return extension if extension in SAFE_EXTENSIONS else "bin"


@deconstructible
class random_upload_to:  # noqa: N801 - used like a function in model fields
    """``upload_to`` that stores files as ``<prefix>/<yyyy>/<mm>/<random>.<ext>``.

    The uploader's file name is dropped (it may hold a person's name or path); only a
    whitelisted extension is kept.
    """

    def __init__(self, prefix):
        self.prefix = prefix.strip("/")

    def __call__(self, instance, filename):
        now = timezone.now()
        return f"{self.prefix}/{now:%Y/%m}/{secrets.token_hex(16)}.{safe_extension(filename)}"

    def __eq__(self, other):
        return isinstance(other, random_upload_to) and other.prefix == self.prefix

    def __hash__(self):
        return hash(self.prefix)


def ckeditor_filename(filename, request=None):
    """CKEDITOR_FILENAME_GENERATOR: a random name; the backend fixes the extension."""
    return f"{secrets.token_hex(16)}.{safe_extension(filename)}"


class CKEditorImageBackend:
    """django-ckeditor image backend that stores only re-encoded, verified images.

    ``is_image`` is False for anything ``validate_image`` refuses; with
    ``CKEDITOR_ALLOW_NONIMAGE_FILES = False`` the upload view then stores nothing.
    ``save_as`` re-encodes (no metadata, no appended payload) and stores the file with the
    extension of its real format, plus the thumbnail the editor's file browser shows.
    """

    THUMBNAIL_SIZE = (150, 150)

    def __init__(self, storage_engine, file_object):
        self.storage_engine = storage_engine
        self.file_object = file_object

    @cached_property
    def validation_error(self):
        try:
            validate_image(self.file_object)
        except ValidationError as exc:
            return exc
        return None

    @property
    def is_image(self):
        return self.validation_error is None

    def save_as(self, filepath):
        if self.validation_error is not None:
            raise self.validation_error
        clean = reencode_image(self.file_object)
        base, _extension = os.path.splitext(filepath)
        extension = clean.name.rsplit(".", 1)[-1]
        saved_path = self.storage_engine.save(f"{base}.{extension}", clean)
        self._save_thumbnail(clean, saved_path)
        return saved_path

    def _save_thumbnail(self, clean, saved_path):
        # Named as django-ckeditor's browser expects: "<name>_thumb.<same extension>".
        base, extension = os.path.splitext(saved_path)
        clean.seek(0)
        with Image.open(clean) as image:
            image_format = image.format
            thumbnail = image.convert("RGBA" if image_format in {"PNG", "WEBP"} else "RGB")
            thumbnail.thumbnail(self.THUMBNAIL_SIZE)
            output = io.BytesIO()
            thumbnail.save(output, format=image_format)
        output.seek(0)
        self.storage_engine.save(f"{base}_thumb{extension}", output)
