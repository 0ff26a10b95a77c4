"""Diacritic- and case-insensitive "contains" for the admin's search and autocomplete.

Editors type "dong khe", "đông khê" or "Đông Khê" and expect the same rows; "dao" must
find "Đạo". The public search already folds text (``core.text.fold``); this module gives
every ``ModelAdmin`` the same forgiveness without a stored search column:

* ``fold_contains``, a lookup registered on ``CharField`` and ``TextField``:
  ``title__fold_contains="Đông"`` compares the folded column with the folded term.
  - PostgreSQL: ``unaccent(lower(column)) LIKE '%dong%'`` (the ``unaccent`` extension is
    created by migration ``news/0002``; it maps "đ" to "d" as ``fold`` does);
  - SQLite: ``portal_fold(column) LIKE '%dong%'``, where ``portal_fold`` is ``fold``
    registered as a deterministic function on every new connection;
  - any other database: ``LOWER(column) LIKE`` (case-insensitive only).
* ``FoldedSearchMixin`` for ``ModelAdmin``: plain ``search_fields`` entries ("title",
  "unit__name") are searched with ``fold_contains``; entries with Django's prefixes
  (``^``, ``=``, ``@``) or an explicit lookup are left alone. The autocomplete widgets call
  ``get_search_results`` too, so they fold as well.

A term is folded once in Python, so both sides of ``LIKE`` are lower-case ASCII-ish text.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models import CharField, Lookup, TextField
from django.utils.translation import gettext_lazy as _

from core.text import fold

SQLITE_FUNCTION = "portal_fold"


def _sqlite_fold(value):
    return None if value is None else fold(value)


def register_sqlite_function(connection):
    """Give an SQLite connection ``portal_fold()``; harmless for other databases."""
    if connection.vendor == "sqlite" and connection.connection is not None:
        connection.connection.create_function(SQLITE_FUNCTION, 1, _sqlite_fold, deterministic=True)


def _on_connection_created(sender, connection, **kwargs):
    register_sqlite_function(connection)


class FoldContains(Lookup):
    """``field__fold_contains=term``: the folded field contains the folded term."""

    lookup_name = "fold_contains"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        pattern = "%" + connection.ops.prep_for_like_query(fold(value)) + "%"
        return "%s", [pattern]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        _rhs, rhs_params = self.get_db_prep_lookup(self.rhs, connection)
        if connection.vendor == "postgresql":
            sql = f"unaccent(lower({lhs})) LIKE %s"
        elif connection.vendor == "sqlite":
            sql = f"{SQLITE_FUNCTION}({lhs}) LIKE %s ESCAPE '\\'"
        else:
            sql = f"LOWER({lhs}) LIKE %s"
        return sql, [*lhs_params, *rhs_params]


def install():
    """Register the lookup and the SQLite function (idempotent; called at import)."""
    CharField.register_lookup(FoldContains)
    TextField.register_lookup(FoldContains)
    connection_created.connect(_on_connection_created, dispatch_uid="core.search.fold")
    for connection in connections.all(initialized_only=True):
        register_sqlite_function(connection)


class FoldedSearchMixin:
    """Admin search that ignores case and Vietnamese diacritics (see the module docstring).

    Put it first among a ``ModelAdmin``'s bases: ``class XAdmin(FoldedSearchMixin,
    admin.ModelAdmin)``.
    """

    search_help_text = _(
        "Tìm không phân biệt chữ hoa, chữ thường và dấu: “dong khe” tìm được “Đông Khê”."
    )

    def get_search_fields(self, request):
        return [_folded(self.model, name) for name in super().get_search_fields(request)]


def _text_field(model, path):
    """The Char/Text field at the end of ``path`` ("unit__name"), or None."""
    opts, field = model._meta, None
    for part in path.split("__"):
        try:
            field = opts.get_field(opts.pk.name if part == "pk" else part)
        except FieldDoesNotExist:
            return None
        if getattr(field, "path_infos", None):
            opts = field.path_infos[-1].to_opts
    return field if isinstance(field, (CharField, TextField)) else None


def _folded(model, name):
    if name[:1] in "^=@" or _text_field(model, name) is None:
        return name
    return f"{name}__{FoldContains.lookup_name}"


install()
