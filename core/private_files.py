"""Files only staff may read: stored where no web server serves them, delivered by a view
that checks the permission (issue #15, finding 7).

* ``private_storage()``: a ``FileSystemStorage`` under ``PRIVATE_MEDIA_ROOT`` (default
  ``private/`` in the project, never inside ``MEDIA_ROOT``). Its ``url()`` is the checking
  view, ``/admin/tep-rieng/<name>``: nomination attachments, council minutes.
* ``publishable_storage()``: for files that are public or not with their record (a legal
  document's file). A public file lives in ``MEDIA_ROOT`` at its usual ``/media/`` address;
  a withheld one lives under ``PRIVATE_MEDIA_ROOT`` *at the same name*, so publishing it
  again gives back the address it had. New files are written to the private side; the
  owner moves them (``publish`` / ``withhold``) when it knows whether they are public.
* ``register_private_field(model, field_name)``: the apps say, in ``AppConfig.ready()``,
  which fields hold such files (this package imports no app). ``serve_private_file`` finds
  the record holding the requested name and answers only staff with the model's ``view``
  permission (the login page for anyone else not logged in, 403 for staff without it).

The file is sent by Django, or by nginx when ``PRIVATE_MEDIA_ACCEL_REDIRECT`` names an
``internal`` location (``X-Accel-Redirect``, docs/deploy.md). Either way the answer is a
download, ``Cache-Control: private, no-store``.
"""

import mimetypes
import os
import shutil
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.files.storage import FileSystemStorage
from django.core.signals import setting_changed
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseRedirect,
)
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

_fields = []


def private_media_root():
    return Path(getattr(settings, "PRIVATE_MEDIA_ROOT", Path(settings.BASE_DIR) / "private"))


class PrivateStorage(FileSystemStorage):
    """Files under ``PRIVATE_MEDIA_ROOT``; their URL is the view that checks permission."""

    def __init__(self):
        super().__init__()
        setting_changed.connect(self._forget_location)

    @cached_property
    def base_location(self):
        return str(private_media_root())

    def url(self, name):
        return reverse("private_file", kwargs={"name": name.replace("\\", "/")})

    def _forget_location(self, setting, **kwargs):
        if setting == "PRIVATE_MEDIA_ROOT":
            for name in ("base_location", "location"):
                self.__dict__.pop(name, None)


class PublishableStorage(FileSystemStorage):
    """``MEDIA_ROOT`` for public files, ``PRIVATE_MEDIA_ROOT`` (same name) for the others.

    Every read (open, size, exists, delete) goes to the side that holds the file; a new
    file, held by neither, is written to the private side.
    """

    def __init__(self, private):
        super().__init__()
        self.private = private

    def public_path(self, name):
        return super().path(name)

    def is_public(self, name):
        return os.path.lexists(self.public_path(name))

    def path(self, name):
        return self.public_path(name) if self.is_public(name) else self.private.path(name)

    def url(self, name):
        return super().url(name) if self.is_public(name) else self.private.url(name)

    def _save(self, name, content):
        # Withheld until its record says it is public (the record then calls ``publish``).
        return self.private._save(name, content)

    def publish(self, name):
        """Move ``name`` to ``MEDIA_ROOT`` (its ``/media/`` address); True if it moved."""
        return move_file(self.private.path(name), self.public_path(name))

    def withhold(self, name):
        """Move ``name`` out of ``MEDIA_ROOT``; True if it moved."""
        return move_file(self.public_path(name), self.private.path(name))


def move_file(source, target):
    """Move ``source`` to ``target`` unless ``source`` is missing or ``target`` exists
    (nothing is overwritten or deleted: a conflict leaves both where they are)."""
    source, target = Path(source), Path(target)
    if not source.is_file() or target.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(source, target)
    return True


def move_stored_files(names, *, to_private):
    """Move the files ``names`` from ``MEDIA_ROOT`` to ``PRIVATE_MEDIA_ROOT`` (or back):
    the data migrations that put existing files where their storage now looks. A file
    missing at the source, or already present at the target, is left alone."""
    public, private = Path(settings.MEDIA_ROOT), private_media_root()
    source, target = (public, private) if to_private else (private, public)
    moved = 0
    for name in names:
        if name and move_file(source / name, target / name):
            moved += 1
    return moved


_private = PrivateStorage()
_publishable = PublishableStorage(_private)


def private_storage():
    """The storage of files that are never public (a callable, for ``FileField``)."""
    return _private


def publishable_storage():
    """The storage of files that are public while their record is (``PublishableStorage``)."""
    return _publishable


def register_private_field(model, field_name):
    """Files of ``model.field_name`` are served by ``serve_private_file`` to staff with the
    model's ``view`` permission."""
    if (model, field_name) not in _fields:
        _fields.append((model, field_name))


def _owner(name):
    for model, field_name in _fields:
        found = model._default_manager.filter(**{field_name: name}).first()
        if found is not None:
            return found, getattr(found, field_name)
    return None, None


def _view_permission(model):
    opts = model._meta
    return f"{opts.app_label}.view_{opts.model_name}"


@require_safe
@never_cache
@staff_member_required
def serve_private_file(request, name):
    """A private file, to staff allowed to view its record; 404 for a name no record holds."""
    owner, field_file = _owner(name)
    if owner is None:
        raise Http404("Không tìm thấy tệp")
    if not request.user.has_perm(_view_permission(type(owner))):
        return HttpResponseForbidden(
            "Bạn không có quyền xem tệp này.", content_type="text/plain; charset=utf-8"
        )
    storage = field_file.storage
    if isinstance(storage, PublishableStorage) and storage.is_public(name):
        return HttpResponseRedirect(storage.url(name))  # public now: its /media/ address
    filename = os.path.basename(name)
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    accel = getattr(settings, "PRIVATE_MEDIA_ACCEL_REDIRECT", "")
    if accel:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + quote(name)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    else:
        try:
            handle = storage.open(name, "rb")
        except OSError as exc:
            raise Http404("Không tìm thấy tệp") from exc
        response = FileResponse(
            handle, content_type=content_type, as_attachment=True, filename=filename
        )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
