"""Uploaded files that the public may read only while their record is public.

An article's attachments are stored under random names in ``MEDIA_ROOT`` from the moment
they are uploaded, before the article is published (or after it is taken back to draft):
anybody given the address could read a draft's attachment. The app that owns such files
registers, in ``AppConfig.ready()``, a *gate* for their folder (this package imports no
app); the media view asks it for every file under that folder and answers 404 when it says
no. Files under a gated folder are sent with ``Cache-Control: private, no-cache``, so that
no cache keeps one after its record stops being public.

Behind nginx, a gated folder must be passed to the application, not served from disk
(docs/deploy.md).
"""

_gates = {}


def register_media_gate(folder, function):
    """``function(request, name)`` says whether ``request`` may read the stored file
    ``name`` (its name in the storage, under ``folder``, e.g. ``news/attachments``)."""
    _gates[folder.strip("/") + "/"] = function


def media_gate(name):
    """The gate of the stored file ``name``, or ``None`` when it is not gated."""
    for folder, function in _gates.items():
        if name.startswith(folder):
            return function
    return None
