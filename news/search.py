"""The full-text index of articles: one per database, both built from ``Article.search_text``.

``Article.save()`` folds the title, the summary and the body's text (``core.text.fold``: no
case, no diacritics, đ → d) into ``search_text``, one line each (``article_search_text``).
The database indexes those three lines, so search never reads or folds a row at query time:

- PostgreSQL: ``news_article.search_vector``, a stored generated ``tsvector`` column (title
  weight A, summary B, body C, configuration ``news_vi``) with a GIN index. ``to_tsvector``
  with a constant configuration is immutable, so PostgreSQL computes the column on every
  insert and on every update of ``search_text`` (not of the view count), whatever wrote it.
- SQLite: ``news_article_fts``, an FTS5 table of the three lines keyed by the article's id,
  kept in step by triggers on ``news_article``. Django rebuilds an SQLite table to alter it,
  which drops its triggers: ``ensure_index`` runs after every ``migrate`` and puts them back
  (and refills the table if it fell out of step).

Neither is a model field: each exists on one database only and is read by
``news.selectors.search_articles`` alone. Anything that writes articles without ``save()``
(``bulk_create``, the scale benchmark) fills ``search_text`` with ``article_search_text``.
"""

import contextlib
import time

from django.db import OperationalError, connection, transaction
from django.db.models import Expression, Q
from django.db.models.expressions import RawSQL

from core.text import fold, html_to_text

FTS_TABLE = "news_article_fts"
# The weights of title, summary and body in SQLite's bm25 (PostgreSQL's are A, B, C).
FTS_WEIGHTS = (10.0, 4.0, 1.0)


def article_search_text(title, summary, body):
    """The folded lines the search index reads: title, summary, body text."""
    return "\n".join(fold(part) for part in (title, summary, html_to_text(body)))


# --- PostgreSQL ---------------------------------------------------------------------------

_PG_LINE = (
    "setweight(to_tsvector('news_vi'::regconfig, split_part(search_text, E'\\n', {n})), '{w}')"
)
PG_CREATE = f"""
ALTER TABLE news_article ADD COLUMN IF NOT EXISTS search_vector tsvector
  GENERATED ALWAYS AS ({" || ".join(_PG_LINE.format(n=n, w=w) for n, w in ((1, "A"), (2, "B"), (3, "C")))}) STORED;
CREATE INDEX IF NOT EXISTS news_article_search_idx ON news_article USING gin (search_vector);
"""  # noqa: E501
PG_DROP = """
DROP INDEX IF EXISTS news_article_search_idx;
ALTER TABLE news_article DROP COLUMN IF EXISTS search_vector;
"""


class SearchDocument(Expression):
    """``news_article.search_vector`` in a query (PostgreSQL), under whatever alias the
    query gives the table (``U0`` in a subquery)."""

    def __init__(self):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.base_table)
        return f"{table}.search_vector", []


# --- SQLite -------------------------------------------------------------------------------


def _sqlite_lines(row):
    """SQL expressions of the three lines of ``row``.search_text (row: ``new`` or ``old``)."""
    text = f"({row}.search_text || char(10) || char(10))"
    rest = f"substr({text}, instr({text}, char(10)) + 1)"
    return (
        f"substr({text}, 1, instr({text}, char(10)) - 1)",
        f"substr({rest}, 1, instr({rest}, char(10)) - 1)",
        f"substr({rest}, instr({rest}, char(10)) + 1)",
    )


def _sqlite_insert(row):
    title, summary, body = _sqlite_lines(row)
    return (
        f"INSERT INTO {FTS_TABLE}(rowid, title, summary, body) "
        f"VALUES ({row}.id, {title}, {summary}, {body});"
    )


SQLITE_TABLE = f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, summary, body)"
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS news_article_fts_ai AFTER INSERT ON news_article "
    f"BEGIN {_sqlite_insert('new')} END",
    f"CREATE TRIGGER IF NOT EXISTS news_article_fts_ad AFTER DELETE ON news_article "
    f"BEGIN DELETE FROM {FTS_TABLE} WHERE rowid = old.id; END",
    f"CREATE TRIGGER IF NOT EXISTS news_article_fts_au AFTER UPDATE OF search_text, id "
    f"ON news_article BEGIN DELETE FROM {FTS_TABLE} WHERE rowid = old.id; "
    f"{_sqlite_insert('new')} END",
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS news_article_fts_ai",
    "DROP TRIGGER IF EXISTS news_article_fts_ad",
    "DROP TRIGGER IF EXISTS news_article_fts_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
)


def _sqlite_refill(cursor):
    title, summary, body = _sqlite_lines("news_article")
    cursor.execute(f"DELETE FROM {FTS_TABLE}")
    cursor.execute(
        f"INSERT INTO {FTS_TABLE}(rowid, title, summary, body) "
        f"SELECT id, {title}, {summary}, {body} FROM news_article"
    )


def _execute(*statements):
    """A function of a cursor that executes ``statements`` in order."""

    def run(cursor):
        for statement in statements:
            cursor.execute(statement)

    return run


def _sqlite_ensure(cursor):
    _execute(SQLITE_TABLE, *SQLITE_TRIGGERS)(cursor)
    cursor.execute(f"SELECT (SELECT count(*) FROM {FTS_TABLE}), count(*) FROM news_article")
    indexed, articles = cursor.fetchone()
    if indexed != articles:
        _sqlite_refill(cursor)


def _on_index(using_connection, **by_vendor):
    """Call ``by_vendor[<the connection's vendor>](cursor)``; other databases have no index."""
    conn = using_connection or connection
    with conn.cursor() as cursor:
        action = by_vendor.get(conn.vendor)
        if action is not None:
            action(cursor)


def ensure_index(using_connection=None):
    """Create the database's search index if it is missing (idempotent, cheap when present)."""
    _on_index(using_connection, postgresql=_execute(PG_CREATE), sqlite=_sqlite_ensure)


def drop_index(using_connection=None):
    _on_index(using_connection, postgresql=_execute(PG_DROP), sqlite=_execute(*SQLITE_DROP))


def ensure_index_after_migrate(sender, using, **kwargs):
    """``post_migrate``: put back what an SQLite table rebuild dropped."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    conn = connections[using]
    if conn.vendor != "sqlite":
        return
    recorder = MigrationRecorder(conn)
    if ("news", "0003_search_index_and_list_indexes") in recorder.applied_migrations():
        ensure_index(conn)


def filter_words(queryset, words):
    """``queryset`` narrowed to the articles whose title, summary or body holds every one
    of ``words`` (folded ``\\w+`` runs), the last one as the start of a word: read from
    the index, never by a scan of the table.

    The admin's search, typed as one types ("khoa h" finds "khoa học"). Only the last word
    is a prefix: PostgreSQL's GIN index estimates and reads a prefix of every word far
    more dearly than whole words. PostgreSQL: ``search_vector @@ to_tsquery('news_vi',
    $$'khoa' & 'h':*$$)`` on the GIN index; SQLite: the ids of the FTS5 table's
    ``"khoa" "h"*`` match.
    """
    if not words:
        return queryset
    *whole, last = words
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        raw = " & ".join([*(f"'{word}'" for word in whole), f"'{last}':*"])
        query = SearchQuery(raw, config="news_vi", search_type="raw")
        return queryset.alias(document=SearchDocument()).filter(document=query)
    if connection.vendor == "sqlite":
        match = " ".join([*(f'"{word}"' for word in whole), f'"{last}"*'])
        ids = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])
        return queryset.filter(pk__in=ids)
    condition = Q()
    for word in words:
        condition &= Q(search_text__contains=word)
    return queryset.filter(condition)


def fts_match(words):
    """An FTS5 query needing every word (words are ``\\w+`` runs, so quoting is enough)."""
    return " ".join(f'"{word}"' for word in words)


# --- time limit ---------------------------------------------------------------------------


class SearchTimeout(Exception):
    """A search ran past ``NEWS_SEARCH_TIMEOUT_MS`` and was cancelled by the database."""


def _is_cancelled(error):
    cause = error.__cause__
    if getattr(cause, "pgcode", None) == "57014":  # query_canceled (statement_timeout)
        return True
    return connection.vendor == "sqlite" and "interrupted" in str(error)


@contextlib.contextmanager
def time_limit(milliseconds):
    """Run the queries of the block with a time limit; past it, raise ``SearchTimeout``.

    PostgreSQL: ``SET LOCAL statement_timeout`` inside the block's transaction (it ends with
    it; inside an outer transaction it is set back at the end of the block). SQLite: a
    progress handler interrupts a statement past the deadline.
    """
    nested = connection.in_atomic_block
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL statement_timeout = %s", [int(milliseconds)])
                yield
                if nested:
                    with connection.cursor() as cursor:
                        cursor.execute("SET LOCAL statement_timeout TO DEFAULT")
            elif connection.vendor == "sqlite":
                deadline = time.monotonic() + milliseconds / 1000
                raw = connection.connection
                raw.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
                try:
                    yield
                finally:
                    raw.set_progress_handler(None, 0)
            else:
                yield
    except OperationalError as error:
        if _is_cancelled(error):
            raise SearchTimeout from error
        raise
