"""Views that belong to the site as a whole: health check, media, error pages."""

import logging
import mimetypes
import sys
from pathlib import Path

from django.conf import settings
from django.db import Error as DatabaseLayerError
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template import loader
from django.templatetags.static import static
from django.utils._os import safe_join
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.media_gates import media_gate

logger = logging.getLogger(__name__)

# Uploaded files are shown inline only when they are one of these types; anything else is
# sent as a download, so that a stored HTML or SVG file can never run as a page of ours.
INLINE_MEDIA_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"}


@never_cache
@require_safe
def healthz(request):
    """200 when the application and its database answer; 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseLayerError:
        logger.warning("healthz: database unreachable", exc_info=True)
        return JsonResponse({"status": "error", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def favicon(request):
    """/favicon.ico, which browsers ask for on pages without an icon link (the admin)."""
    response = HttpResponseRedirect(static("img/favicon.png"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def serve_media(request, path):
    """Serve an uploaded file (single-server setup; nginx takes this over at scale)."""
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except Exception as exc:  # SuspiciousFileOperation and friends
        raise Http404("Không tìm thấy tệp") from exc
    if not full_path.is_file():
        raise Http404("Không tìm thấy tệp")
    # A file public only with its record (an unpublished article's attachment): 404, as
    # for a file that does not exist, to anyone the record's app does not let read it.
    # Its name in the storage, whatever spelling of the path led to it ("a/./b", "a//b").
    try:
        name = full_path.resolve().relative_to(Path(settings.MEDIA_ROOT).resolve()).as_posix()
    except ValueError as exc:  # a link inside MEDIA_ROOT to somewhere outside it
        raise Http404("Không tìm thấy tệp") from exc
    gate = media_gate(name)
    if gate is not None and not gate(request, name):
        raise Http404("Không tìm thấy tệp")
    content_type, _encoding = mimetypes.guess_type(full_path.name)
    content_type = content_type or "application/octet-stream"
    as_attachment = content_type not in INLINE_MEDIA_TYPES
    if as_attachment:
        content_type = "application/octet-stream"
    response = FileResponse(
        full_path.open("rb"), content_type=content_type, as_attachment=as_attachment
    )
    response["X-Content-Type-Options"] = "nosniff"
    # A gated file is checked on every request: no cache may keep it.
    response["Cache-Control"] = "public, max-age=86400" if gate is None else "private, no-cache"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


# Shown if even the error template cannot be rendered (a template tag touching the dead
# database, a missing static manifest...): the visitor still gets Vietnamese, never a trace.
FALLBACK_PAGES = {
    503: (
        "Hệ thống đang bảo trì",
        "Cổng thông tin tạm thời không truy cập được cơ sở dữ liệu (lỗi 503). "
        "Vui lòng quay lại sau ít phút.",
    ),
    500: (
        "Lỗi máy chủ",
        "Đã có lỗi xảy ra phía máy chủ (lỗi 500). Chúng tôi đã ghi nhận và sẽ khắc phục sớm.",
    ),
}


def _fallback_page(status):
    title, text = FALLBACK_PAGES[status]
    html = (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{title} - {settings.SITE_NAME}</title></head>"
        f'<body><main><h1>{title}</h1><p>{text}</p><p><a href="/">Thử lại</a></p></main>'
        "</body></html>"
    )
    return HttpResponse(html, status=status)


def _render_without_database(template_name, status):
    # No request context: context processors or template tags could touch the database,
    # which may be exactly what failed.
    try:
        template = loader.get_template(template_name)
        context = {"SITE_NAME": settings.SITE_NAME, "SITE_CONTACT": settings.SITE_CONTACT}
        return HttpResponse(template.render(context), status=status)
    except Exception:
        logger.exception("error page %s could not be rendered", template_name)
        return _fallback_page(status)


def is_database_failure(exc):
    """True if ``exc`` or an exception it was raised from is a database error."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, DatabaseLayerError):
            return True
        if type(exc).__module__.split(".")[0] in {"psycopg2", "psycopg", "sqlite3"}:
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def server_error(request, *args, **kwargs):
    """handler500: a maintenance page (503) when the database is down, else the 500 page."""
    if is_database_failure(sys.exc_info()[1]):
        response = _render_without_database("503.html", 503)
        response["Retry-After"] = "30"
        return response
    return _render_without_database("500.html", 500)


def lockout(request, original_response=None, credentials=None):
    """Response for a login refused by django-axes after too many failures (HTTP 429).

    Used for the sidebar login and the admin's alike, for the lock of one username from one
    client and for the lock of a client address alone (``portal.login_throttle``);
    ``Retry-After`` tells clients when the cool-off ends.
    """
    from portal.login_throttle import client_is_locked, client_window

    by_address = client_is_locked(request)
    cooloff = client_window() if by_address else settings.AXES_COOLOFF_TIME
    seconds = int(cooloff.total_seconds())
    minutes = max(1, seconds // 60)
    context = {"minutes": minutes, "by_address": by_address}
    try:
        html = loader.get_template("portal/lockout.html").render(context, request)
    except Exception:
        logger.exception("lockout page could not be rendered")
        html = (
            '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
            "<title>Tạm khóa đăng nhập</title></head><body><h1>Tạm khóa đăng nhập</h1>"
            f"<p>Bạn đã nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau {minutes} "
            "phút hoặc liên hệ quản trị viên để được mở khóa.</p></body></html>"
        )
    response = HttpResponse(html, status=429)
    response["Retry-After"] = str(seconds)
    return response
