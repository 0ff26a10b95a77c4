"""Django's SQLite back-end, with each query text's parameter conversion remembered.

Django writes parameters as ``%s``; Python's sqlite3 module wants ``?``. Django's cursor
converts every query that has parameters with a regular expression with a look-behind
(``(?<!%)%s``), anew on each execution. Measured by callgrind on a page from the page
cache: 200 000 instructions a request, 8.7 % of the whole hit and more than SQLite spent
running the page's statements. The same text always converts the same way, and a process
runs the same few hundred texts again and again (the ORM's and the counters'): the
conversion is remembered per text, Django's own for the rest (named parameters, and texts
too long to be worth keeping, such as a bulk insert's). ``tests/core/test_db_sqlite.py``.
"""

import functools

from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteDatabaseWrapper
from django.db.backends.sqlite3.base import SQLiteCursorWrapper

# Texts longer than this are converted each time, as by Django (a bulk insert's text is
# long and seldom the same twice).
LONGEST_REMEMBERED = 4096


class CursorWrapper(SQLiteCursorWrapper):
    def convert_query(self, query, *, param_names=None):
        if param_names is None and len(query) <= LONGEST_REMEMBERED:
            return _converted(query)
        return super().convert_query(query, param_names=param_names)


@functools.lru_cache(maxsize=1024)
def _converted(query):
    # Django's own conversion; for ``format``-style parameters it does not use the cursor.
    return SQLiteCursorWrapper.convert_query(None, query)


class DatabaseWrapper(SQLiteDatabaseWrapper):
    def create_cursor(self, name=None):
        return self.connection.cursor(factory=CursorWrapper)
