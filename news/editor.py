"""The rich-text editor, wired in this one module.

The site uses django-ckeditor (CKEditor 4.22.1). Its maintainers have deprecated it and
CKEditor 4 has open advisories (e.g. CVE-2024-24815), so it is contained here:

* ``RichTextField`` is a plain ``TextField`` whose form widget is the editor. The database
  holds HTML only; moving to another editor means changing this module (and, at most, a
  data-free migration that repoints the field class).
* Every body is cleaned by ``news.sanitize`` when the model is saved, whatever the editor.
* ``upload_image`` replaces django-ckeditor's uploader: images only (verified by Pillow
  through ``core.uploads``), re-encoded without metadata and stored under a random name,
  refused with a Vietnamese message otherwise.
* ``editor_access`` guards the upload and the image browser: staff who may add or change
  articles (``is_staff`` alone is not enough), from a page of this site (a foreign
  ``Origin``, or a foreign ``Referer`` when there is no ``Origin``, gets 403).
"""

import functools
import json
import logging
from urllib.parse import urlsplit

from ckeditor_uploader import utils as ckeditor_utils
from ckeditor_uploader.backends.pillow_backend import PillowBackend
from ckeditor_uploader.widgets import CKEditorUploadingWidget
from django.conf import settings
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


EDITOR_PERMISSIONS = ("news.add_article", "news.change_article")
MSG_NO_PERMISSION = "Bạn không có quyền tải ảnh lên hoặc xem thư viện ảnh của bài viết."
MSG_FOREIGN_ORIGIN = "Yêu cầu đến từ một trang khác, không được chấp nhận."


def may_use_editor(user):
    """Staff who may add or change articles: the only people whose bodies hold images."""
    return user.is_active and user.is_staff and any(user.has_perm(p) for p in EDITOR_PERMISSIONS)


def _origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else None


def from_this_site(request):
    """False when the browser says the request comes from another site.

    ``Origin`` decides when present ("null" included); otherwise ``Referer``; a request
    with neither (a typed address, a privacy extension) is let through to the other checks.
    The site's own origin and ``CSRF_TRUSTED_ORIGINS`` are this site.
    """
    claimed = request.headers.get("Origin")
    if claimed is None:
        referer = request.headers.get("Referer")
        if not referer:
            return True
        claimed = _origin_of(referer)
    own = {f"{request.scheme}://{request.get_host()}".lower()}
    own.update(origin.lower() for origin in settings.CSRF_TRUSTED_ORIGINS)
    return claimed is not None and claimed.lower() in own


def editor_access(view):
    """Staff login first (the admin's login page), then permission and origin, else 403."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if not from_this_site(request):
            return _refusal(request, view, MSG_FOREIGN_ORIGIN)
        if not may_use_editor(request.user):
            return _refusal(request, view, MSG_NO_PERMISSION)
        return view(request, *args, **kwargs)

    return staff_member_required(guarded)


def _refusal(request, view, message):
    if view is _upload_image:
        return _upload_response(request, message=message, status=403)
    return HttpResponse(message, status=403, content_type="text/plain; charset=utf-8")


upload_image = editor_access(_upload_image)
