"""Issue #17, "editor at scale": the article changelist with a few thousand articles (as
`make bench-scale` writes 100 000) runs a bounded number of queries whatever it shows, and
on PostgreSQL its search, filters, count and date hierarchy read indexes, never the table.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.admin import ArticleAdmin
from news.models import Article

from .conftest import BROWSER_UA, article_select_plans, bulk_archive

ARCHIVE = 3000
URL = "/admin/news/article/"
TRANSACTION_CONTROL = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b", re.I)


@pytest.fixture(scope="module")
def _archive(django_db_setup, django_db_blocker):
    """Written once for the module."""
    with bulk_archive(django_db_blocker, ARCHIVE, seed=17) as categories:
        yield categories


@pytest.fixture
def archive(_archive, db):
    return _archive


@pytest.fixture
def editor(django_user_model, client):
    user = django_user_model.objects.create_user(
        username="bientap", password="x-secret-123", is_staff=True, is_superuser=True
    )
    client.defaults["HTTP_USER_AGENT"] = BROWSER_UA
    client.force_login(user)
    return client


def _month(archive):
    """A (year, month) holding some published articles, in local time."""
    when = timezone.localtime(Article.objects.published().order_by("published_at")[ARCHIVE // 3]
                              .published_at)  # fmt: skip
    return when.year, when.month


def _paths(archive):
    """The changelist as editors use it; every search here names a rare word (a word in
    most articles is read from most rows, index or not: ``test_search_...`` covers one)."""
    year, month = _month(archive)
    category = archive[2]
    return [
        URL,
        f"{URL}?q=P%C3%A1c+B%C3%B3",
        f"{URL}?q=p%C3%A1c",
        f"{URL}?status__exact=published&category__id__exact={category.pk}",
        f"{URL}?status__exact=draft",
        f"{URL}?published_at__year={year}",
        f"{URL}?published_at__year={year}&published_at__month={month}",
        f"{URL}?q=pac+b&published_at__year={year}&o=4",
    ]


def _statements(context):
    return [q["sql"] for q in context.captured_queries if not TRANSACTION_CONTROL.match(q["sql"])]


def _run(client, path):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, path
    return response, _statements(context)


def test_changelist_queries_do_not_grow_with_the_rows_shown(editor, archive, monkeypatch):
    for path in [*_paths(archive), f"{URL}?q=khoa+h"]:
        monkeypatch.setattr(ArticleAdmin, "list_per_page", 10)
        _few, few = _run(editor, path)
        monkeypatch.setattr(ArticleAdmin, "list_per_page", 100)
        response, many = _run(editor, path)
        shown = response.context["cl"].result_list
        assert len(few) == len(many), (path, few, many)
        assert len(many) <= 14, (path, many)
        # One COUNT (the filtered rows): not a second one of the whole table.
        assert sum("COUNT(" in sql.upper() for sql in many) <= 1, (path, many)
        assert response.context["cl"].full_result_count is None
        if path == URL:
            assert len(shown) == 100


def test_search_reads_the_index_and_matches_word_starts(editor, archive):
    response, statements = _run(editor, f"{URL}?q=khoa+h")
    rows = list(response.context["cl"].result_list)
    assert rows
    # Every word's start, anywhere in the title, summary or body.
    assert all(re.search(r"\bkhoa", row.search_text) and re.search(r"\bh", row.search_text)
               for row in rows)  # fmt: skip
    assert not [sql for sql in statements if "LIKE" in sql.upper()], statements
    rare = set(Article.objects.filter(search_text__contains="pac bo").values_list("pk", flat=True))
    response, _ = _run(editor, f"{URL}?q=Pác+Bó")
    found = {article.pk for article in response.context["cl"].result_list}
    assert rare and rare <= found


def _plans(client, paths):
    plans = {}
    for path in paths:
        _response, statements = _run(client, path)
        for sql, plan in article_select_plans(statements):
            plans[(path, sql)] = plan
    return plans


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_changelist_search_count_and_date_hierarchy_do_not_scan_the_table(editor, archive):
    plans = _plans(editor, _paths(archive))
    dates = [sql for (_path, sql) in plans if "DATE_TRUNC" in sql.upper()]
    assert dates, "no date hierarchy query was checked"
    searched = "\n".join(plan for (path, _sql), plan in plans.items() if "q=" in path)
    assert "news_article_search_idx" in searched
    scans = {key: plan for key, plan in plans.items() if "Seq Scan on news_article" in plan}
    assert not scans, "\n\n".join(f"{path}\n{sql}\n{plan}" for (path, sql), plan in scans.items())
