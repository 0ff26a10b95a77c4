"""Helpers of the error-page tests: a database that refuses every query, and the 500 view
called the way Django calls it (while an exception is being handled)."""

from django.db import OperationalError


def break_database(monkeypatch):
    """Every query of this process fails as with a dead database server."""
    from django.db.backends.utils import CursorWrapper

    def broken(self, *args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    monkeypatch.setattr(CursorWrapper, "executemany", broken)


def server_error_page(rf, exc):
    """``portal.views.server_error`` answering a request while ``exc`` is handled."""
    from portal import views

    try:
        raise exc
    except Exception:
        return views.server_error(rf.get("/"))
