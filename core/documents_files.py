"""Validation of uploaded documents: PDF, Word or an image, checked by extension AND content.

A file is accepted only when its name ends in an allowed extension and its first bytes are
what that format starts with, so an HTML page renamed ``.pdf`` is refused before it is
stored. Images go through the project's Pillow check (``core.uploads.validate_image``).

``validate_attachment_file`` (files attached to news articles) is stricter and wider: Office
and OpenDocument formats too, and a ZIP-based format must contain its own main member.
"""

import zipfile

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


def _refuse_if_larger(file, max_bytes):
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            "Tệp quá lớn (tối đa %(mb)s MB).",
            code="file_too_large",
            params={"mb": max_bytes // (1024 * 1024)},
        )


def _wrong_content(extension):
    return ValidationError(
        "Nội dung tệp không đúng định dạng %(ext)s.",
        code="file_content",
        params={"ext": extension.upper()},
    )


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
        _refuse_if_larger(file, upload_max_bytes())
        if extension in IMAGE_EXTENSIONS:
            validate_image(file)
            return
        head = _head(file)
        expected = {"pdf": PDF_MAGIC, "docx": ZIP_MAGIC, "doc": OLE_MAGIC}[extension]
        if not head.startswith(expected):
            raise _wrong_content(extension)

    def __eq__(self, other):
        return isinstance(other, DocumentFileValidator)


validate_document_file = DocumentFileValidator()


# --- Office and PDF attachments (news articles) ---------------------------------------------
#
# Stricter than ``DocumentFileValidator``: a ZIP-based document must be a readable ZIP that
# holds the member its format is made of (a ZIP of anything renamed ``.docx`` is refused),
# and the ODF ``mimetype`` member must name the right type.

ATTACHMENT_LABELS = {
    "pdf": "PDF",
    "doc": "Word",
    "docx": "Word",
    "xls": "Excel",
    "xlsx": "Excel",
    "odt": "OpenDocument văn bản",
    "ods": "OpenDocument bảng tính",
    "ppt": "PowerPoint",
    "pptx": "PowerPoint",
}
ATTACHMENT_EXTENSIONS = set(ATTACHMENT_LABELS)
OOXML_MEMBERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


def attachment_max_bytes():
    """Largest accepted article attachment (``UPLOAD_ATTACHMENT_MAX_BYTES``, default 10 MB)."""
    return int(getattr(settings, "UPLOAD_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))


def _zip_matches(file, extension):
    """True when ``file`` is a ZIP holding the member (or ODF mimetype) of ``extension``."""
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if extension in OOXML_MEMBERS:
                return OOXML_MEMBERS[extension] in names
            if "mimetype" not in names or archive.getinfo("mimetype").file_size > 200:
                return False
            return archive.read("mimetype").strip() == ODF_MIMETYPES[extension]
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError):
        return False
    finally:
        file.seek(position)


def attachment_content_matches(file, extension):
    """True when the content of ``file`` is really a document of type ``extension``."""
    head = _head(file)
    if extension == "pdf":
        return head.startswith(PDF_MAGIC)
    if extension in {"doc", "xls", "ppt"}:
        return head.startswith(OLE_MAGIC)
    if extension in OOXML_MEMBERS or extension in ODF_MIMETYPES:
        return head.startswith(ZIP_MAGIC) and _zip_matches(file, extension)
    return False


@deconstructible
class AttachmentFileValidator:
    """Accept PDF, DOC/DOCX, XLS/XLSX, ODT/ODS, PPT/PPTX up to ``UPLOAD_ATTACHMENT_MAX_BYTES``,
    checked by extension and content."""

    def __call__(self, file):
        extension = _extension(getattr(file, "name", ""))
        if extension not in ATTACHMENT_EXTENSIONS:
            raise ValidationError(
                "Chỉ nhận tệp PDF, Word (DOC, DOCX), Excel (XLS, XLSX), "
                "OpenDocument (ODT, ODS) hoặc PowerPoint (PPT, PPTX).",
                code="file_extension",
            )
        _refuse_if_larger(file, attachment_max_bytes())
        if not attachment_content_matches(file, extension):
            raise _wrong_content(extension)

    def __eq__(self, other):
        return isinstance(other, AttachmentFileValidator)


validate_attachment_file = AttachmentFileValidator()
