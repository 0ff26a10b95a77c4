"""core.counters.counter_batch: a deferred counter statement rides with the next one.

On PostgreSQL without Redis, a page from the page cache writes the visitor statistics'
page view and the article's view count; inside the batch both go in one query string (one
round trip), in one implicit transaction. Measured outside a test-wide transaction
(``transaction=True``), as requests run.
"""

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.counters import counter_batch, defer_counter, explained, run_counter
from news.backends import DatabaseViewCounter
from news.models import Article
from visitors.backends import DatabaseBackend
from visitors.models import DailyStat, VisitorActivity

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite runs in the process: nothing to batch"
)


def pageviews():
    return sum(DailyStat.objects.values_list("pageviews", flat=True))


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


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_what_is_still_deferred_is_sent_when_the_batch_ends():
    with CaptureQueriesContext(connection) as context:
        with counter_batch():
            DatabaseBackend().record_deferred(visitor="a" * 64, now=timezone.now())
            DatabaseBackend().record_deferred(visitor="b" * 64, now=timezone.now())
            assert captured(context) == []
        assert len(captured(context)) == 1  # both in one round trip
    assert pageviews() == 2 and VisitorActivity.objects.count() == 2


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_any_other_query_sends_the_deferred_statements_first():
    with counter_batch():
        DatabaseBackend().record_deferred(visitor="c" * 64, now=timezone.now())
        # A read in the same request sees the page view it has already recorded.
        assert pageviews() == 1
    assert pageviews() == 1  # and it was not sent twice


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_failing_statement_takes_the_deferred_page_view_with_it():
    with pytest.raises(DatabaseError), counter_batch():
        DatabaseBackend().record_deferred(visitor="d" * 64, now=timezone.now())
        with connection.cursor() as cursor:
            run_counter(cursor, "SELECT 1 / 0", [])
    assert pageviews() == 0  # one transaction: neither half is written


@pytest.mark.django_db(transaction=True)
def test_outside_a_batch_or_on_sqlite_a_deferred_statement_runs_at_once():
    DatabaseBackend().record_deferred(visitor="e" * 64, now=timezone.now())
    assert pageviews() == 1
    with counter_batch():
        defer_counter(
            f"UPDATE {connection.ops.quote_name(DailyStat._meta.db_table)} "
            "SET pageviews = pageviews + %s",
            [1],
        )
        if connection.vendor == "sqlite":
            assert pageviews() == 2
    assert pageviews() == 2


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_cached_article_hit_without_redis_is_one_statement(make_article, settings):
    from tests.news.conftest import make_reader

    settings.VISITORS_USE_REDIS = False
    settings.NEWS_USE_REDIS = False
    article = make_article()
    make_reader(1).get(article.get_absolute_url())  # renders and stores the page
    before = (pageviews(), Article.objects.get(pk=article.pk).view_count)
    with CaptureQueriesContext(connection) as context:
        response = make_reader(2).get(article.get_absolute_url())
    assert response.status_code == 200
    [sql] = captured(context)
    assert '"visitors_visitoractivity"' in sql and '"news_articleviewer"' in sql
    assert (pageviews(), Article.objects.get(pk=article.pk).view_count) == (
        before[0] + 1,
        before[1] + 1,
    )
