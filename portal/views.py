"""Views that belong to the site as a whole: health check, media, error pages."""

import logging
import mimetypes
import sys
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.template import loader
from django.utils._os import safe_join
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

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
    except DatabaseError:
        logger.warning("healthz: database unreachable", exc_info=True)
        return JsonResponse({"status": "error", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def serve_media(request, path):
    """Serve an uploaded file (single-server setup; nginx takes this over at scale)."""
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except Exception as exc:  # SuspiciousFileOperation and friends
        raise Http404("Không tìm thấy tệp") from exc
    if not full_path.is_file():
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
    response["Cache-Control"] = "public, max-age=86400"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


def _render_without_database(template_name, status):
    # No request context: context processors or template tags could touch the database,
    # which may be exactly what failed.
    template = loader.get_template(template_name)
    return HttpResponse(template.render({"SITE_NAME": settings.SITE_NAME}), status=status)


def server_error(request):
    """handler500: a maintenance page (503) when the database is down, else the 500 page."""
    exc = sys.exc_info()[1]
    if isinstance(exc, DatabaseError):
        response = _render_without_database("503.html", 503)
        response["Retry-After"] = "30"
        return response
    return _render_without_database("500.html", 500)


def lockout(request, original_response=None, credentials=None):
    """Response for a login refused by django-axes after too many failures."""
    template = loader.get_template("portal/lockout.html")
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return HttpResponse(template.render({"minutes": minutes}, request), status=429)
