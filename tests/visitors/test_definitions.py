"""Each definition of the statistics with a controlled clock, in database and Redis mode."""

import re
from datetime import timedelta

import pytest

from tests.visitors.conftest import local
from visitors.selectors import visitor_stats
from visitors.services import stats_offset_set

pytestmark = pytest.mark.django_db


def test_same_visitor_within_30_minutes_counts_once(backend, make_visitor):
    visitor = make_visitor()
    start = local(2025, 3, 12, 9, 0)
    assert visitor.view(start).new_visit is True
    assert visitor.view(start + timedelta(minutes=29)).new_visit is False
    assert visitor.view(start + timedelta(minutes=58)).new_visit is False  # 29 min after the last
    assert visitor_stats(now=start + timedelta(minutes=58))["today"] == 1


def test_page_view_after_more_than_30_minutes_starts_a_new_visit(backend, make_visitor):
    visitor = make_visitor()
    start = local(2025, 3, 12, 9, 0)
    visitor.view(start)
    result = visitor.view(start + timedelta(minutes=30, seconds=1))
    assert result.new_visit is True
    assert result.new_visitor is False
    assert visitor_stats(now=start + timedelta(minutes=31))["today"] == 2


def test_exactly_30_minutes_later_is_still_the_same_visit(backend, make_visitor):
    visitor = make_visitor()
    start = local(2025, 3, 12, 9, 0)
    visitor.view(start)
    assert visitor.view(start + timedelta(minutes=30)).new_visit is False


def test_visit_timeout_is_a_setting(backend, make_visitor, settings):
    settings.VISITORS_VISIT_TIMEOUT_MINUTES = 10
    visitor = make_visitor()
    start = local(2025, 3, 12, 9, 0)
    visitor.view(start)
    assert visitor.view(start + timedelta(minutes=11)).new_visit is True


def test_different_visitors_each_count_a_visit(backend, make_visitor):
    now = local(2025, 3, 12, 9, 0)
    for _ in range(3):
        make_visitor().view(now)
    assert visitor_stats(now=now)["today"] == 3


def test_online_counts_distinct_visitors_of_the_last_5_minutes(backend, make_visitor):
    now = local(2025, 3, 12, 9, 0)
    old, recent = make_visitor(), make_visitor()
    old.view(now - timedelta(minutes=6))
    recent.view(now - timedelta(minutes=4))
    recent.view(now - timedelta(minutes=1))  # the same visitor twice is one person online
    assert visitor_stats(now=now)["online"] == 1
    assert visitor_stats(now=now - timedelta(minutes=2))["online"] == 2


def test_online_window_is_a_setting(backend, make_visitor, settings):
    settings.VISITORS_ONLINE_MINUTES = 10
    now = local(2025, 3, 12, 9, 0)
    make_visitor().view(now - timedelta(minutes=6))
    assert visitor_stats(now=now)["online"] == 1


def test_today_starts_at_local_midnight(backend, make_visitor):
    visitor = make_visitor()
    visitor.view(local(2025, 3, 12, 23, 50))
    after_midnight = local(2025, 3, 13, 0, 10)
    # Same browser 20 minutes later, but the hash rotated at midnight: a new visit.
    assert visitor.view(after_midnight).new_visit is True
    stats = visitor_stats(now=after_midnight)
    assert stats["today"] == 1
    assert stats["total"] == 2
    assert visitor_stats(now=local(2025, 3, 12, 23, 59))["today"] == 1


def test_today_uses_ho_chi_minh_time_not_utc(backend, make_visitor):
    # 00:30 in Ho Chi Minh City is 17:30 UTC the day before.
    now = local(2025, 3, 13, 0, 30)
    make_visitor().view(now)
    assert visitor_stats(now=now)["today"] == 1
    assert visitor_stats(now=local(2025, 3, 12, 23, 0))["today"] == 0


def test_week_starts_on_monday_midnight(backend, make_visitor):
    sunday_night = local(2025, 3, 9, 23, 50)  # Sunday
    monday_morning = local(2025, 3, 10, 0, 10)  # Monday
    make_visitor().view(local(2025, 3, 3, 8, 0))  # Monday of the week before
    make_visitor().view(sunday_night)
    make_visitor().view(monday_morning)
    make_visitor().view(local(2025, 3, 16, 22, 0))  # Sunday, end of this week
    assert visitor_stats(now=sunday_night)["week"] == 2  # 03/03 and 09/03
    this_week = visitor_stats(now=local(2025, 3, 16, 23, 0))
    assert this_week["week"] == 2  # 10/03 and 16/03
    assert this_week["total"] == 4


def test_total_adds_the_starting_offset(backend, make_visitor):
    now = local(2025, 3, 12, 9, 0)
    make_visitor().view(now)
    stats_offset_set(total_offset=1_000_000)
    stats = visitor_stats(now=now)
    assert stats["total"] == 1_000_001
    assert stats["today"] == 1


def test_first_page_view_of_the_day_counts_a_unique_visitor(backend, make_visitor):
    from visitors.selectors import daily_totals

    visitor = make_visitor()
    start = local(2025, 3, 12, 9, 0)
    first = visitor.view(start)
    second = visitor.view(start + timedelta(hours=2))
    assert first.new_visitor and not second.new_visitor
    (day,) = daily_totals(start=start.date(), end=start.date())
    assert (day.visits, day.pageviews, day.visitors) == (2, 2, 1)


def test_widget_numbers_are_cached_for_at_most_the_cache_setting(make_visitor, settings):
    from django.core.cache import cache

    from visitors.selectors import STATS_CACHE_KEY

    settings.VISITORS_CACHE_SECONDS = 60  # capped at five seconds
    visitor_stats()
    assert cache.get(STATS_CACHE_KEY) is not None
    from visitors import conf

    assert conf.cache_seconds() == 5


def test_database_and_redis_give_the_same_numbers(settings, request, make_visitor):
    """One scenario recorded twice, once per storage: identical widget numbers."""
    from visitors.models import DailyStat, VisitorActivity

    now = local(2025, 3, 12, 12, 0)
    scenario = [
        (0, local(2025, 3, 10, 8, 0)),
        (1, local(2025, 3, 11, 9, 0)),
        (0, local(2025, 3, 12, 11, 0)),
        (0, local(2025, 3, 12, 11, 20)),
        (0, local(2025, 3, 12, 11, 56)),
        (2, local(2025, 3, 12, 11, 57)),
    ]
    browsers = [make_visitor() for _ in range(3)]

    def run():
        for index, moment in scenario:
            browsers[index].view(moment)
        return visitor_stats(now=now)

    in_database = run()
    DailyStat.objects.all().delete()
    VisitorActivity.objects.all().delete()
    request.getfixturevalue("redis_mode")
    in_redis = run()
    assert not DailyStat.objects.exists()  # Redis mode wrote nothing to the database
    assert in_database == in_redis == {"online": 2, "today": 3, "week": 5, "total": 5}


def test_recording_a_page_view_costs_one_statement_on_postgresql_two_on_sqlite(make_visitor):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    visitor = make_visitor()
    now = local(2025, 3, 12, 9, 0)
    visitor.view(now)  # the day's salt is read once per process, then kept in memory
    with CaptureQueriesContext(connection) as queries:
        visitor.view(now + timedelta(minutes=1))
    statements = [
        q["sql"] for q in queries if not q["sql"].upper().startswith(("SAVEPOINT", "RELEASE"))
    ]
    # PostgreSQL: one round trip (the visitor's row and the day's slot in one WITH, no
    # BEGIN/COMMIT of its own: core.counters); SQLite: the two upserts.
    assert len(statements) == (1 if connection.vendor == "postgresql" else 2)
    if connection.vendor == "postgresql":
        # The statement is planned once per connection (core.counters.prepared): EXECUTE.
        name = re.search(r"EXECUTE (portal_counter_\w+)\(", statements[0]).group(1)
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements WHERE name = %s", [name])
            statements = [cursor.fetchone()[0]]
    assert all(sql.count("ON CONFLICT") == 3 - len(statements) for sql in statements)
