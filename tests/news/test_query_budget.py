"""The warm article page and home page stay within 6 SQL queries for an anonymous visitor
(the article page 7 on SQLite counting in the database: the month's row is one more
statement there).

Requests are measured outside a test-wide transaction (``transaction=True``), as they run
in production. Transaction control (BEGIN/COMMIT/SAVEPOINT/RELEASE) is not counted as a
query: Django logs it on SQLite but not on PostgreSQL, so counting it would measure the
backend rather than the page.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.counters import explained
from news import conf as news_conf

from .conftest import make_reader

BUDGET = 6
TRANSACTION_CONTROL = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b", re.I)


def statements(context):
    """What ran, each prepared counter statement with its text (``core.counters.explained``)."""
    return [
        explained(q["sql"])
        for q in context.captured_queries
        if not TRANSACTION_CONTROL.match(q["sql"])
    ]


def counting_statements(*, counted):
    """SQL statements that counting a view runs.

    Database mode, PostgreSQL: one statement (the (article, visitor) upsert, the increment
    and the month's row in one data-modifying WITH, which also reads the number when the
    view does not count). SQLite, which has no data-modifying WITH: the upsert, then the
    increment and the month's upsert, or, when the view does not count, a fresh read of
    the number. Redis mode: none, one Lua call does both.
    """
    if news_conf.use_redis():
        return 0
    if connection.vendor == "postgresql":
        return 1
    return 3 if counted else 2


def article_budget():
    """6; one more on SQLite counting in the database (the month's upsert, see above)."""
    return BUDGET + 1 if counting_statements(counted=True) == 3 else BUDGET


INCREMENT = re.compile(r'(^|; )UPDATE "news_article"')


def news_statements(context):
    return [sql for sql in statements(context) if '"news_' in sql]


@pytest.mark.django_db(transaction=True)
def test_warm_article_page_runs_at_most_6_queries(make_article):
    articles = [make_article(title=f"Tin {n}") for n in range(15)]
    article = articles[-1]
    make_reader(40).get(article.get_absolute_url())  # warms the lists and the day's salt
    with CaptureQueriesContext(connection) as context:
        response = make_reader(41).get(article.get_absolute_url() + "?page=2")
    assert response.status_code == 200
    assert len(statements(context)) <= article_budget(), statements(context)
    # The article (with its category), its attachments ("File đính kèm"), then counting
    # the view.
    expected = 2 + counting_statements(counted=True)
    assert len(news_statements(context)) == expected, news_statements(context)


@pytest.mark.django_db(transaction=True)
def test_warm_repeat_view_skips_the_increment(make_article):
    article = make_article()
    visitor = make_reader(42)
    visitor.get(article.get_absolute_url())
    stored = type(article).objects.values_list("view_count", flat=True).get(pk=article.pk)
    with CaptureQueriesContext(connection) as context:
        visitor.get(article.get_absolute_url())
    assert type(article).objects.values_list("view_count", flat=True).get(pk=article.pk) == stored
    assert len(statements(context)) <= BUDGET
    # The page comes from the cache: only counting the (repeated) view touches the database.
    expected = counting_statements(counted=False)
    assert len(news_statements(context)) == expected, news_statements(context)
    assert not [sql for sql in news_statements(context) if INCREMENT.search(sql)]


@pytest.mark.django_db(transaction=True)
def test_warm_home_page_runs_at_most_6_queries(make_article, django_assert_max_num_queries):
    for n in range(12):
        make_article(title=f"Tin {n}", is_featured=n % 3 == 0)
    make_reader(43).get("/")
    with django_assert_max_num_queries(BUDGET) as context:
        response = make_reader(44).get("/")
    assert response.status_code == 200
    assert not news_statements(context)


@pytest.mark.django_db(transaction=True)
def test_warm_list_page_reads_no_article_rows(make_article):
    for n in range(12):
        make_article(title=f"Tin {n}")
    make_reader(45).get("/tin-tuc/")
    with CaptureQueriesContext(connection) as context:
        make_reader(46).get("/tin-tuc/?page=2")
    assert len(statements(context)) <= BUDGET
    assert not news_statements(context)
