"""Honest view counts: distinct visitors, a 30-minute window, no bots, no staff, exact.

The rules run against both counting back-ends (``backend``: the database, then Redis when
a Redis server answers)."""

import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from news import conf as news_conf
from news.models import Article, ArticleMonthlyViews, ArticleViewer, view_month
from news.services import (
    article_record_view,
    article_view_count,
    article_viewers_prune,
    view_counts_flush,
)

from .conftest import BOT_UA, make_reader

ROOT = Path(__file__).resolve().parents[2]


def views_shown(response):
    html = response.content.decode()
    marker = 'data-stat="views">'
    start = html.index(marker) + len(marker)
    return int(html[start : html.index("<", start)].replace(".", ""))


def test_first_view_counts_and_the_count_is_returned(backend, make_article):
    article = make_article(view_count=10)
    assert article_record_view(article=article, visitor="a") == 11
    assert article_view_count(article=article) == 11


def test_same_visitor_within_30_minutes_counts_once(backend, make_article):
    article = make_article()
    start = timezone.now()
    assert article_record_view(article=article, visitor="a", now=start) == 1
    assert article_record_view(article=article, visitor="a", now=start + timedelta(minutes=10)) == 1
    assert article_record_view(article=article, visitor="a", now=start + timedelta(minutes=29)) == 1
    assert article_view_count(article=article) == 1


def test_same_visitor_after_30_minutes_counts_again(backend, make_article):
    article = make_article()
    start = timezone.now()
    article_record_view(article=article, visitor="a", now=start)
    article_record_view(article=article, visitor="a", now=start + timedelta(minutes=20))
    # The window runs from the last *counted* view, so views inside it do not extend it.
    assert article_record_view(article=article, visitor="a", now=start + timedelta(minutes=31)) == 2
    assert article_record_view(article=article, visitor="a", now=start + timedelta(minutes=40)) == 2
    assert article_record_view(article=article, visitor="a", now=start + timedelta(minutes=62)) == 3


def test_window_length_is_a_setting(backend, make_article, settings):
    settings.NEWS_VIEW_DEDUPE_MINUTES = 5
    article = make_article()
    start = timezone.now()
    article_record_view(article=article, visitor="a", now=start)
    assert article_record_view(article=article, visitor="a", now=start + timedelta(minutes=6)) == 2


def test_two_visitors_count_twice(backend, make_article):
    article = make_article()
    article_record_view(article=article, visitor="a")
    assert article_record_view(article=article, visitor="b") == 2


def test_same_visitor_counts_separately_per_article(backend, make_article):
    first, second = make_article(), make_article()
    assert article_record_view(article=first, visitor="a") == 1
    assert article_record_view(article=second, visitor="a") == 1


def test_page_shows_the_count_including_this_view_and_reloads_do_not_add(backend, make_article):
    article = make_article(view_count=701)
    visitor = make_reader(20)
    assert views_shown(visitor.get(article.get_absolute_url())) == 702
    assert views_shown(visitor.get(article.get_absolute_url())) == 702
    assert views_shown(make_reader(21).get(article.get_absolute_url())) == 703


def test_bots_are_not_counted(backend, make_article, client):
    article = make_article(view_count=3)
    response = client.get(article.get_absolute_url(), HTTP_USER_AGENT=BOT_UA)
    assert views_shown(response) == 3
    assert client.get(article.get_absolute_url(), HTTP_USER_AGENT="").status_code == 200
    assert article_view_count(article=article) == 3
    assert not ArticleViewer.objects.exists()


def test_staff_are_not_counted(backend, make_article, staff_client):
    article = make_article(view_count=3)
    assert views_shown(staff_client.get(article.get_absolute_url())) == 3
    assert article_view_count(article=article) == 3


def test_previews_of_drafts_are_not_counted(backend, make_article, staff_client):
    draft = make_article(status="draft")
    staff_client.get(draft.get_absolute_url())
    assert article_view_count(article=draft) == 0


def test_counting_views_adds_no_history(backend, make_article):
    article = make_article()
    article_record_view(article=article, visitor="a")
    make_reader(30).get(article.get_absolute_url())
    assert article.history.count() == 1


def test_prune_deletes_only_rows_older_than_a_day(make_article, settings):
    settings.NEWS_USE_REDIS = False  # the database's de-duplication rows
    article = make_article()
    now = timezone.now()
    article_record_view(article=article, visitor="old", now=now - timedelta(days=2))
    article_record_view(article=article, visitor="new", now=now - timedelta(hours=2))
    assert article_viewers_prune(older_than=timedelta(days=1), now=now) == 1
    assert list(ArticleViewer.objects.values_list("visitor", flat=True)) == ["new"]


def test_prune_command_removes_old_rows(make_article, settings):
    settings.NEWS_USE_REDIS = False  # the database's de-duplication rows
    article = make_article()
    article_record_view(article=article, visitor="old", now=timezone.now() - timedelta(days=3))
    call_command("prune_article_viewers")
    assert not ArticleViewer.objects.exists()


def _database_url():
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{settings['USER']}{password}@{host}:{port}/{settings['NAME']}"


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_64_concurrent_distinct_visitors_in_several_processes_add_exactly_64(make_article):
    article = make_article(view_count=1000)
    processes, threads = 8, 8
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    env.setdefault("DJANGO_SECRET_KEY", "test-only")
    start_at = time.time() + 4
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.news.view_worker",
                str(article.pk),
                str(n),
                str(threads),
                str(start_at),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for n in range(processes)
    ]
    returned = []
    for worker in workers:
        out, err = worker.communicate(timeout=180)
        assert worker.returncode == 0, err
        returned += [int(value) for value in out.split()]
    assert article_view_count(article=article) == 1064
    # The month's row gained exactly the 64 counted views (flushed first in Redis mode).
    view_counts_flush()
    month = view_month(timezone.now())
    assert ArticleMonthlyViews.objects.get(article=article, month=month).views == 64
    if not news_conf.use_redis():  # in Redis mode the de-duplication keys live in Redis
        assert ArticleViewer.objects.filter(article=article).count() == 64
    # Every increment was exact: each view got its own number, none lost or repeated.
    assert sorted(returned) == list(range(1001, 1065))


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_simultaneous_first_views_by_one_visitor_count_once(make_article):
    article = make_article()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    env.setdefault("DJANGO_SECRET_KEY", "test-only")
    script = (
        "import os, sys, threading, time, django; django.setup()\n"
        "from django.db import connection\n"
        "from news.models import Article\n"
        "from news.services import article_record_view\n"
        f"article = Article.objects.get(pk={article.pk}); connection.close()\n"
        "barrier = threading.Barrier(8)\n"
        "def go():\n"
        "    barrier.wait()\n"
        "    article_record_view(article=article, visitor='same')\n"
        "    connection.close()\n"
        "ts = [threading.Thread(target=go) for _ in range(8)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
    )
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", script], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
        )  # fmt: skip
        for _ in range(3)
    ]
    for worker in workers:
        _out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
    assert article_view_count(article=article) == 1
    view_counts_flush()
    assert ArticleMonthlyViews.objects.get(article=article).views == 1


def test_redis_counts_are_flushed_into_the_database(redis_mode, make_article):
    article = make_article(view_count=41)
    article_record_view(article=article, visitor="a")
    article_record_view(article=article, visitor="b")
    assert Article.objects.get(pk=article.pk).view_count == 41  # not yet flushed
    assert view_counts_flush() == 1
    assert Article.objects.get(pk=article.pk).view_count == 43
    assert view_counts_flush() == 0  # nothing new
    call_command("flush_view_counts", verbosity=0)
    assert Article.objects.get(pk=article.pk).view_count == 43


def test_database_mode_counts_in_the_article_row(make_article, settings):
    settings.NEWS_USE_REDIS = False
    article = make_article(view_count=5)
    assert article_record_view(article=article, visitor="a") == 6
    assert Article.objects.get(pk=article.pk).view_count == 6


def test_a_cached_article_hit_is_two_redis_round_trips_and_counts_both(redis_mode, make_article):
    """The page (with the version and the statistics), then one pipeline: the page view of
    the visitor statistics rides with the article's view count (``core.redis``)."""
    from tests.support.redis import RoundTrips
    from visitors.services import stats_flush

    article = make_article(view_count=7)
    make_reader(60).get(article.get_absolute_url())  # renders and stores the page
    stats_flush()
    with RoundTrips() as trips:
        response = make_reader(61).get(article.get_absolute_url())
    assert response.status_code == 200
    assert views_shown(response) == 9
    assert trips.count == 2
    assert stats_flush() == 1  # this hit's page view reached Redis with the view count
    response = make_reader(61).get(article.get_absolute_url())
    assert views_shown(response) == 9  # the same visitor again: not counted twice


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row versions (xmin)")
@pytest.mark.django_db(transaction=True)
def test_a_view_that_does_not_count_writes_no_new_row_version(make_article):
    from news.backends import DatabaseViewCounter

    article = make_article()
    counter = DatabaseViewCounter()
    now = timezone.now()

    def row_version():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT xmin::text FROM news_articleviewer WHERE article_id = %s", [article.pk]
            )
            return cursor.fetchone()[0]

    assert counter.record(article_id=article.pk, visitor="r" * 64, now=now) == (True, 1)
    first = row_version()
    # Within the window: not counted, the number is read, and the row is left as it was.
    assert counter.record(
        article_id=article.pk, visitor="r" * 64, now=now + timedelta(seconds=5)
    ) == (False, 1)
    assert row_version() == first
    later = now + news_conf.view_dedupe_window() + timedelta(seconds=1)
    assert counter.record(article_id=article.pk, visitor="r" * 64, now=later) == (True, 2)
    assert row_version() != first
