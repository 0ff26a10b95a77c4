"""Many OS processes recording at once: no visit lost, none counted twice.

Each child process opens its own connections to the test database (a SQLite file or the
PostgreSQL test database) or to Redis DB 12, as separate gunicorn workers would.
"""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from tests.support.redis import TEST_REDIS_URL
from visitors.selectors import daily_totals, visitor_stats

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

PROCESSES = 8
THREADS = 8
ROOT = Path(settings.BASE_DIR)


def database_url():
    db = connection.settings_dict
    if db["ENGINE"] in ("django.db.backends.sqlite3", "core.db.sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] or ""
    if db.get("PASSWORD"):
        auth += f":{db['PASSWORD']}"
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def run_workers(tmp_path, batches, now, redis=False):
    """Start one process per batch of visitor ids, release them together, wait for all."""
    go_file = tmp_path / "go"
    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_SECRET_KEY": "test-only"}
    env.pop("REDIS_URL", None)
    if redis:
        env["REDIS_URL"] = TEST_REDIS_URL
        env["VISITORS_REDIS_PREFIX"] = settings.VISITORS_REDIS_PREFIX
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.visitors.worker", str(go_file), now.isoformat()]
            + [str(len(batch))]
            + batch,
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for batch in batches
    ]
    go_file.touch()
    for child in children:
        _out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err


def visitor_ids(count, seed):
    return [hashlib.sha256(f"{seed}-{n}".encode()).hexdigest() for n in range(count)]


@pytest.fixture(params=["db", "redis"])
def storage(request):
    if request.param == "redis":
        request.getfixturevalue("redis_mode")
    return request.param


def test_64_concurrent_new_visitors_raise_today_and_total_by_exactly_64(tmp_path, storage):
    now = timezone.now()
    before = visitor_stats(now=now)
    ids = visitor_ids(PROCESSES * THREADS, seed=f"new-{now.timestamp()}")
    batches = [ids[i::PROCESSES] for i in range(PROCESSES)]
    run_workers(tmp_path, batches, now, redis=storage == "redis")
    after = visitor_stats(now=now)
    assert after["today"] - before["today"] == 64
    assert after["total"] - before["total"] == 64
    assert after["online"] - before["online"] == 64
    (day,) = daily_totals(start=timezone.localdate(now), end=timezone.localdate(now))
    assert (day.visits, day.pageviews, day.visitors) == (64, 64, 64)


def test_concurrent_page_views_by_the_same_visitor_count_one_visit(tmp_path, storage):
    now = timezone.now()
    (same,) = visitor_ids(1, seed=f"same-{now.timestamp()}")
    batches = [[same] * 4 for _ in range(PROCESSES)]
    run_workers(tmp_path, batches, now, redis=storage == "redis")
    (day,) = daily_totals(start=timezone.localdate(now), end=timezone.localdate(now))
    assert (day.visits, day.pageviews, day.visitors) == (1, PROCESSES * 4, 1)
    assert visitor_stats(now=now)["online"] == 1
