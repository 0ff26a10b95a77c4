"""The rich-text editor, wired in this one module.

The site uses django-ckeditor (CKEditor 4.22.1). Its maintainers have deprecated it and
CKEditor 4 has open advisories (e.g. CVE-2024-24815), so it is contained here:

* ``RichTextField`` is a plain ``TextField`` whose form widget is the editor. The database
  holds HTML only; moving to another editor means changing this module (and, at most, a
  data-free migration that repoints the field class).
* Every body is cleaned by ``news.sanitize`` when the model is saved, whatever the editor.
* ``upload_image`` replaces django-ckeditor's uploader: staff only, images only (verified
  by Pillow through ``core.uploads``), re-encoded without metadata and stored under a
  random name, refused with a Vietnamese message otherwise.
"""

import json
import logging

from ckeditor_uploader import utils as ckeditor_utils
from ckeditor_uploader.backends.pillow_backend import PillowBackend
from ckeditor_uploader.widgets import CKEditorUploadingWidget
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models
from django.http import HttpResponse, JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.uploads import random_upload_to, reencode_image

logger = logging.getLogger(__name__)

UPLOAD_PREFIX = "uploads"  # settings.CKEDITOR_UPLOAD_PATH, so the editor's browser finds them


class RichTextWidget(CKEditorUploadingWidget):
    """The editor's widget (CKEditor 4 with the image uploader)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("config_name", "default")
        super().__init__(*args, **kwargs)


class RichTextField(models.TextField):
    """HTML text edited with the site's rich-text editor."""

    def formfield(self, **kwargs):
        # The admin passes its own Textarea for TextFields; the editor wins.
        kwargs["widget"] = RichTextWidget()
        return super().formfield(**kwargs)


def _callback_number(request):
    number = request.GET.get("CKEditorFuncNum", "")
    return number if number.isdigit() else None


def _js_string(value):
    return json.dumps(value or "").replace("<", "\\u003c").replace(">", "\\u003e")


def _upload_response(request, *, url=None, message=None, status=200):
    """Answer in the form CKEditor asked for: a script in its dialog's frame, or JSON."""
    number = _callback_number(request)
    if number is not None:
        script = (
            "<!DOCTYPE html><meta charset='utf-8'><script>"
            f"window.parent.CKEDITOR.tools.callFunction({number}, {_js_string(url)}, "
            f"{_js_string(message)});</script>"
        )
        return HttpResponse(script, status=status, content_type="text/html; charset=utf-8")
    if url:
        return JsonResponse(
            {"uploaded": 1, "fileName": url.rsplit("/", 1)[-1], "url": url}, status=status
        )
    return JsonResponse({"uploaded": 0, "error": {"message": message}}, status=status)


def _csrf_ok(request):
    # CKEditor 4 sends its own double-submit token (cookie + form field) with each upload.
    cookie = request.COOKIES.get("ckCsrfToken", "")
    field = request.POST.get("ckCsrfToken", "")
    return bool(cookie) and constant_time_compare(cookie, field)


@csrf_exempt  # CKEditor cannot send Django's token; its own token is checked instead
@require_POST
def _upload_image(request):
    """Store one image uploaded from the editor; refuse anything that is not an image."""
    if not _csrf_ok(request):
        return _upload_response(
            request, message="Phiên làm việc không hợp lệ, vui lòng tải lại trang.", status=403
        )
    uploaded = request.FILES.get("upload")
    if uploaded is None:
        return _upload_response(request, message="Chưa chọn tệp ảnh để tải lên.", status=400)
    try:
        clean = reencode_image(uploaded, name_prefix="upload")
    except ValidationError as exc:
        return _upload_response(request, message=" ".join(exc.messages), status=400)
    path = random_upload_to(UPLOAD_PREFIX)(None, clean.name)
    saved = default_storage.save(path, clean)
    try:  # the small preview shown by the editor's image browser
        clean.seek(0)
        PillowBackend(default_storage, clean).create_thumbnail(clean, saved)
    except Exception:
        logger.warning("editor: no thumbnail for %s", saved, exc_info=True)
    return _upload_response(request, url=ckeditor_utils.get_media_url(saved))


upload_image = staff_member_required(_upload_image)
