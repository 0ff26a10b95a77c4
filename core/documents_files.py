"""Validation of uploaded documents: PDF, Word or an image, checked by extension AND content.

A file is accepted only when its name ends in an allowed extension and its first bytes are
what that format starts with, so an HTML page renamed ``.pdf`` is refused before it is
stored. Images go through the project's Pillow check (``core.uploads.validate_image``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

from core.uploads import validate_image

PDF_MAGIC = b"%PDF"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "webp", "gif"}
ALLOWED_EXTENSIONS = {"pdf", "doc", "docx"} | IMAGE_EXTENSIONS


def _extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in (name or "") else ""


def _head(file, length=8):
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        return file.read(length) or b""
    finally:
        file.seek(position)


def upload_max_bytes():
    """Largest accepted document upload (``UPLOAD_DOCUMENT_MAX_BYTES``, default 10 MB)."""
    return int(getattr(settings, "UPLOAD_DOCUMENT_MAX_BYTES", 10 * 1024 * 1024))


@deconstructible
class DocumentFileValidator:
    """Accept PDF, DOC, DOCX and images up to ``UPLOAD_DOCUMENT_MAX_BYTES``."""

    def __call__(self, file):
        extension = _extension(getattr(file, "name", ""))
        if extension not in ALLOWED_EXTENSIONS:
            raise ValidationError(
                "Chỉ nhận tệp PDF, Word (DOC, DOCX) hoặc ảnh (JPG, PNG, WebP, GIF).",
                code="file_extension",
            )
        max_bytes = upload_max_bytes()
        size = getattr(file, "size", None)
        if size is not None and size > max_bytes:
            raise ValidationError(
                "Tệp quá lớn (tối đa %(mb)s MB).",
                code="file_too_large",
                params={"mb": max_bytes // (1024 * 1024)},
            )
        if extension in IMAGE_EXTENSIONS:
            validate_image(file)
            return
        head = _head(file)
        expected = {"pdf": PDF_MAGIC, "docx": ZIP_MAGIC, "doc": OLE_MAGIC}[extension]
        if not head.startswith(expected):
            raise ValidationError(
                "Nội dung tệp không đúng định dạng %(ext)s.",
                code="file_content",
                params={"ext": extension.upper()},
            )

    def __eq__(self, other):
        return isinstance(other, DocumentFileValidator)


validate_document_file = DocumentFileValidator()
