"""The article view counter: one interface, two back-ends chosen by settings.

``view_counter()`` returns the database back-end, or the Redis one
(``news.redis_backend``) when ``NEWS_USE_REDIS`` is on (default: when ``REDIS_URL`` is
set). The interface:

* ``record(*, article_id, visitor, now)`` -> ``(counted, count)``: counts the view unless
  the visitor was counted within the window; ``count`` is the new number when it is known,
  or, for a view that did not count, the current one if the back-end read it anyway
  (``None``: read the stored one).
* ``count(*, article_id)`` -> the current number, or ``None`` if unknown.
* ``flush()`` -> how many articles' counts were written into ``Article.view_count``.

Database (default): each statement atomic on SQLite (>= 3.35) and PostgreSQL, committed
without waiting for a disk flush on PostgreSQL (``core.counters``): an upsert of the
(article, visitor) row that says whether this view counts, then ``view_count = view_count
+ 1 ... RETURNING view_count`` together with the upsert of the article's row of the month
(``ArticleMonthlyViews``: ``views = views + 1``). On PostgreSQL all of it is one statement
(a data-modifying WITH, one round trip, which also reads the count when the view does not
count); on SQLite the three in one transaction, after the page view deferred before
them (``core.counters.counter_transaction``).
"""

from django.db import connection

from core.counters import counter_sql, counter_transaction, prepared, run_counter
from news import conf
from news.models import Article, ArticleMonthlyViews, ArticleViewer, view_month


def _db_datetime(value):
    # SQLite stores datetimes as text in UTC; PostgreSQL takes aware datetimes as they are.
    return connection.ops.adapt_datetimefield_value(value)


def _viewer_upsert(*, article_id, visitor, now):
    """The upsert of the (article, visitor) row, returning a row (``TRUE``) only when this
    view counts, and its parameters.

    A new row counts; an existing one counts only if its last counted view is older than
    the window, and then its time moves forward. A view that does not count writes nothing
    (``DO UPDATE … WHERE`` locks the row and leaves it as it is). Two simultaneous first
    views by the same visitor: one inserts (counts), the other meets the fresh row (does
    not).
    """
    threshold = now - conf.view_dedupe_window()
    table = connection.ops.quote_name(ArticleViewer._meta.db_table)
    sql = (
        f"INSERT INTO {table} (article_id, visitor, last_counted_at) VALUES (%s, %s, %s) "
        "ON CONFLICT (article_id, visitor) DO UPDATE SET "
        "last_counted_at = excluded.last_counted_at "
        f"WHERE {table}.last_counted_at <= %s "
        "RETURNING TRUE"
    )
    return sql, [article_id, visitor, _db_datetime(now), _db_datetime(threshold)]


def _month_upsert(rows):
    """The article's row of a month gains one view, for ``rows`` (``VALUES`` or a
    ``SELECT`` of article id and month): exact under concurrency, a simultaneous first view
    of the month either inserts or meets the row and adds."""
    table = connection.ops.quote_name(ArticleMonthlyViews._meta.db_table)
    return (
        f"INSERT INTO {table} (article_id, month, views) {rows} "
        f"ON CONFLICT (article_id, month) DO UPDATE SET views = {table}.views + 1"
    )


def _counts_in_database(cursor, *, article_id, visitor, now):
    """SQLite: one upsert of the (article, visitor) row says whether this view counts."""
    sql, params = _viewer_upsert(article_id=article_id, visitor=visitor, now=now)
    cursor.execute(counter_sql(sql), params)
    return cursor.fetchone() is not None


def _add_to_month(cursor, *, article_id, month):
    cursor.execute(
        counter_sql(_month_upsert("VALUES (%s, %s, 1)")),
        [article_id, connection.ops.adapt_datefield_value(month)],
    )


def _increment(cursor, article_id):
    table = connection.ops.quote_name(Article._meta.db_table)
    cursor.execute(
        counter_sql(
            f"UPDATE {table} SET view_count = view_count + 1 WHERE id = %s RETURNING view_count"
        ),
        [article_id],
    )
    return cursor.fetchone()


def _record_in_one_statement(cursor, *, article_id, visitor, now, month):
    """PostgreSQL: the (article, visitor) row, the total and the month's row in one
    statement (a data-modifying WITH: atomic, one round trip, see ``core.counters``).

    Returns ``(counted, count)``: the count after this view when it counted, else the
    stored count (``None`` if the article is gone).
    """
    viewer, viewer_params = _viewer_upsert(article_id=article_id, visitor=visitor, now=now)
    table = connection.ops.quote_name(Article._meta.db_table)
    run_counter(
        cursor,
        prepared(  # planned once per connection
            f"WITH viewer AS ({viewer}), "
            f"counted AS (UPDATE {table} SET view_count = view_count + 1 "
            "WHERE id = %s AND EXISTS (SELECT FROM viewer) RETURNING id, view_count), "
            f"month_row AS ({_month_upsert('SELECT id, %s, 1 FROM counted')}) "
            "SELECT EXISTS (SELECT FROM viewer), "
            "COALESCE((SELECT view_count FROM counted), "
            f"(SELECT view_count FROM {table} WHERE id = %s))"
        ),
        [*viewer_params, article_id, month, article_id],
    )
    counted, count = cursor.fetchone()
    return bool(counted), count


def stored_count(article_id):
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(Article._meta.db_table)
        cursor.execute(f"SELECT view_count FROM {table} WHERE id = %s", [article_id])
        row = cursor.fetchone()
    return None if row is None else row[0]


class DatabaseViewCounter:
    """Every count in ``Article.view_count``, written on the request path."""

    name = "database"

    def record(self, *, article_id, visitor, now):
        month = view_month(now)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                return _record_in_one_statement(
                    cursor, article_id=article_id, visitor=visitor, now=now, month=month
                )
        # SQLite has no data-modifying WITH: the statements in one transaction (BEGIN
        # IMMEDIATE, see settings), with the page view deferred before them
        # (``core.counters``), so the total and the month move together.
        with counter_transaction() as cursor:
            if not _counts_in_database(cursor, article_id=article_id, visitor=visitor, now=now):
                return False, None
            row = _increment(cursor, article_id)
            if row is not None:  # else the article was deleted meanwhile
                _add_to_month(cursor, article_id=article_id, month=month)
        return True, (row[0] if row is not None else None)

    def count(self, *, article_id):
        return stored_count(article_id)

    def raise_to(self, *, article_id, at_least):
        """The stored count becomes at least ``at_least`` (one statement, never lowered)."""
        Article.objects.filter(pk=article_id, view_count__lt=at_least).update(view_count=at_least)

    def flush(self):
        return 0


def view_counter():
    """The back-end the settings choose (read at call time, so tests can switch)."""
    if conf.use_redis():
        from news.redis_backend import RedisViewCounter

        return RedisViewCounter()
    return DatabaseViewCounter()
