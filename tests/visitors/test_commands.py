"""Housekeeping: prune_visitor_activity, flush_visitor_stats, the demo loader."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.readers import local_today
from tests.visitors.conftest import local
from visitors.models import DailySalt, DailyStat, RedisFlush, VisitorActivity, VisitorStatsSettings
from visitors.selectors import daily_totals, visitor_stats
from visitors.services import activity_prune, stats_flush

pytestmark = pytest.mark.django_db


def test_prune_deletes_old_activity_and_salts_but_keeps_daily_stats(make_visitor):
    now = timezone.now()
    make_visitor().view(now - timedelta(hours=30))
    make_visitor().view(now - timedelta(minutes=10))
    today = local_today(now)
    DailySalt.objects.get_or_create(day=today - timedelta(days=5), defaults={"salt": "a" * 64})
    DailySalt.objects.get_or_create(day=today - timedelta(days=1), defaults={"salt": "b" * 64})
    before = list(DailyStat.objects.values_list("day", "visits"))
    out = StringIO()
    call_command("prune_visitor_activity", stdout=out)
    assert VisitorActivity.objects.count() == 1
    assert not DailySalt.objects.filter(day=today - timedelta(days=5)).exists()
    assert DailySalt.objects.filter(day=today - timedelta(days=1)).exists()
    assert list(DailyStat.objects.values_list("day", "visits")) == before
    assert "Đã xóa 1 bản ghi hoạt động" in out.getvalue()


def test_prune_keeps_a_visitor_counted_once_a_day(make_visitor):
    visitor = make_visitor()
    visitor.view(local(2025, 3, 12, 0, 5))
    activity_prune(now=local(2025, 3, 12, 23, 0))
    assert visitor.view(local(2025, 3, 12, 23, 10)).new_visitor is False


def test_a_new_days_salt_deletes_salts_older_than_two_days():
    from visitors.identity import daily_salt

    DailySalt.objects.create(day=local(2025, 3, 1).date(), salt="c" * 64)
    DailySalt.objects.create(day=local(2025, 3, 9).date(), salt="d" * 64)
    daily_salt(local(2025, 3, 11).date())
    days = set(DailySalt.objects.values_list("day", flat=True))
    assert local(2025, 3, 1).date() not in days
    assert local(2025, 3, 9).date() in days


def test_flush_moves_redis_counters_into_the_database_without_changing_numbers(
    redis_mode, make_visitor
):
    now = local(2025, 3, 12, 10, 0)
    for _ in range(3):
        make_visitor().view(now)
    make_visitor().view(local(2025, 3, 11, 10, 0))
    before = visitor_stats(now=now)
    assert not DailyStat.objects.exists()
    assert stats_flush() == 2  # one batch per day
    assert visitor_stats(now=now) == before
    day = daily_totals(start=now.date(), end=now.date())[0]
    assert (day.visits, day.pageviews, day.visitors) == (3, 3, 3)
    assert sum(DailyStat.objects.values_list("visits", flat=True)) == 4
    assert stats_flush() == 0  # nothing left: running it again adds nothing
    assert sum(DailyStat.objects.values_list("visits", flat=True)) == 4


def test_flush_interrupted_after_the_commit_does_not_count_twice(redis_mode, make_visitor):
    now = local(2025, 3, 12, 10, 0)
    make_visitor().view(now)
    make_visitor().view(now)
    # Simulate a crash after the database commit: the batch is left in Redis.
    original_delete = redis_mode.delete
    redis_mode.delete = lambda *keys: None
    stats_flush()
    redis_mode.delete = original_delete
    assert RedisFlush.objects.count() == 1
    assert visitor_stats(now=now)["today"] == 2  # the leftover batch is not added again
    stats_flush()
    assert visitor_stats(now=now)["today"] == 2
    assert sum(DailyStat.objects.values_list("visits", flat=True)) == 2


def test_flush_command_without_redis_says_there_is_nothing_to_do():
    out = StringIO()
    call_command("flush_visitor_stats", stdout=out)
    assert "không có gì để chuyển" in out.getvalue()


def test_flush_command_in_redis_mode(redis_mode, make_visitor):
    make_visitor().view(timezone.now())
    out = StringIO()
    call_command("flush_visitor_stats", stdout=out)
    assert "Đã chuyển 1 lô" in out.getvalue()
    assert visitor_stats()["today"] == 1


def test_demo_loader_is_idempotent():
    from visitors import demo

    demo.load()
    demo.load()
    assert VisitorStatsSettings.objects.count() == 1
