"""core.counters.counter_batch: a deferred counter statement rides with the next one.

Without Redis, a page from the page cache writes the visitor statistics' page view and the
article's view count; inside the batch both go in one transaction: on PostgreSQL one query
string (one round trip, one implicit transaction), on SQLite one ``BEGIN IMMEDIATE`` …
``COMMIT`` (one commit, not four). Measured outside a test-wide transaction
(``transaction=True``), as requests run.
"""

import re

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.counters import (
    counter_batch,
    counter_transaction,
    defer_counter,
    explained,
    run_counter,
)
from news.backends import DatabaseViewCounter
from news.models import Article
from visitors.backends import DatabaseBackend
from visitors.models import DailyStat, VisitorActivity

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's query strings"
)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's transactions")


def pageviews():
    return sum(DailyStat.objects.values_list("pageviews", flat=True))


def transactions(context):
    """SQLite: the statements sent, grouped by transaction (a statement outside one is a
    group of its own)."""
    groups, current = [], None
    for query in context.captured_queries:
        sql = query["sql"]
        if sql.startswith("BEGIN"):
            current = []
        elif sql == "COMMIT":
            groups.append(current)
            current = None
        elif current is not None:
            current.append(sql)
        else:
            groups.append([sql])
    assert current is None, "a transaction left open"
    return groups


def captured(context):
    """The statements sent, each with the text of the prepared statements it executes
    (``core.counters.explained``); a connection's one-time ``PREPARE`` of a counter
    statement aside (``tests/core/test_prepared.py``)."""
    return [
        explained(q["sql"]) for q in context.captured_queries if not q["sql"].startswith("PREPARE")
    ]


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_deferred_page_view_and_an_article_view_are_one_statement(make_article):
    article = make_article()
    now = timezone.now()
    with CaptureQueriesContext(connection) as context, counter_batch():
        DatabaseBackend().record_deferred(visitor="v" * 64, now=now)
        assert captured(context) == []  # deferred: nothing sent yet
        counted, count = DatabaseViewCounter().record(
            article_id=article.pk, visitor="v" * 64, now=now
        )
    [sql] = captured(context)
    assert '"visitors_visitoractivity"' in sql and '"news_articleviewer"' in sql
    assert (counted, count) == (True, 1)  # the article's answer, not the page view's
    assert pageviews() == 1 and VisitorActivity.objects.count() == 1
    assert Article.objects.get(pk=article.pk).view_count == 1


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_on_sqlite_a_deferred_page_view_and_an_article_view_are_one_transaction(make_article):
    article = make_article()
    now = timezone.now()
    with CaptureQueriesContext(connection) as context, counter_batch():
        DatabaseBackend().record_deferred(visitor="v" * 64, now=now)
        assert context.captured_queries == []  # deferred: nothing run yet
        counted, count = DatabaseViewCounter().record(
            article_id=article.pk, visitor="v" * 64, now=now
        )
    [statements] = transactions(context)  # one commit
    assert [re.search(r'"(\w+)"', sql)[1] for sql in statements] == [
        "visitors_visitoractivity",
        "visitors_dailystat",
        "news_articleviewer",
        "news_article",  # UPDATE … SET view_count
        "news_articlemonthlyviews",
    ]
    assert (counted, count) == (True, 1)
    assert pageviews() == 1 and VisitorActivity.objects.count() == 1
    assert DailyStat.objects.get().visits == 1 and DailyStat.objects.get().visitors == 1
    assert Article.objects.get(pk=article.pk).view_count == 1


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_on_sqlite_a_returning_visitor_is_counted_from_their_row():
    """The day's slot takes the page view's counts from the visitor's row as the same
    transaction left it: a new visitor counts a visit and a visitor, the same one a
    minute later neither, after the visit's timeout a visit again."""
    now = timezone.now()
    for minutes in (0, 1, 120):
        with counter_batch():
            DatabaseBackend().record_deferred(
                visitor="r" * 64, now=now + timezone.timedelta(minutes=minutes)
            )
    totals = [
        sum(DailyStat.objects.values_list(name, flat=True))
        for name in ("pageviews", "visits", "visitors")
    ]
    assert totals == [3, 2, 1]


@pytest.mark.django_db(transaction=True)
def test_what_is_still_deferred_is_sent_when_the_batch_ends():
    with CaptureQueriesContext(connection) as context:
        with counter_batch():
            DatabaseBackend().record_deferred(visitor="a" * 64, now=timezone.now())
            DatabaseBackend().record_deferred(visitor="b" * 64, now=timezone.now())
            assert captured(context) == []
        if connection.vendor == "postgresql":
            assert len(captured(context)) == 1  # both in one round trip
        else:
            assert len(transactions(context)) == 1  # both in one transaction
    assert pageviews() == 2 and VisitorActivity.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_any_other_query_sends_the_deferred_statements_first():
    with counter_batch():
        DatabaseBackend().record_deferred(visitor="c" * 64, now=timezone.now())
        # A read in the same request sees the page view it has already recorded.
        assert pageviews() == 1
    assert pageviews() == 1  # and it was not sent twice


@pytest.mark.django_db(transaction=True)
def test_a_failing_statement_takes_the_deferred_page_view_with_it():
    with pytest.raises(DatabaseError), counter_batch():
        DatabaseBackend().record_deferred(visitor="d" * 64, now=timezone.now())
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                run_counter(cursor, "SELECT 1 / 0", [])
        else:
            with counter_transaction() as cursor:
                cursor.execute("SELECT missing_column FROM visitors_dailystat", [])
    assert pageviews() == 0  # one transaction: neither half is written
    assert VisitorActivity.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_outside_a_batch_a_deferred_statement_runs_at_once():
    DatabaseBackend().record_deferred(visitor="e" * 64, now=timezone.now())
    assert pageviews() == 1
    assert DailyStat.objects.get().visitors == 1
    with counter_batch():
        defer_counter(
            (
                f"UPDATE {connection.ops.quote_name(DailyStat._meta.db_table)} "
                "SET pageviews = pageviews + %s",
                [1],
            )
        )
    assert pageviews() == 2


def cached_article_hit(make_article, settings):
    """A second reader's hit on a cached article without Redis: the queries it ran. Asserts
    that it was answered and counted once (a page view and a view)."""
    from tests.news.conftest import make_reader

    settings.VISITORS_USE_REDIS = False
    settings.NEWS_USE_REDIS = False
    article = make_article()
    make_reader(1).get(article.get_absolute_url())  # renders and stores the page
    before = (pageviews(), Article.objects.get(pk=article.pk).view_count)
    with CaptureQueriesContext(connection) as context:
        response = make_reader(2).get(article.get_absolute_url())
    assert response.status_code == 200
    assert (pageviews(), Article.objects.get(pk=article.pk).view_count) == (
        before[0] + 1,
        before[1] + 1,
    )
    return context


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_cached_article_hit_without_redis_is_one_statement(make_article, settings):
    [sql] = captured(cached_article_hit(make_article, settings))
    assert '"visitors_visitoractivity"' in sql and '"news_articleviewer"' in sql


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_a_cached_article_hit_on_sqlite_is_one_commit(make_article, settings):
    context = cached_article_hit(make_article, settings)
    writes = [group for group in transactions(context) if not group[0].startswith("SELECT")]
    assert len(writes) == 1 and len(writes[0]) == 5  # every counter write, one commit
