"""Two gunicorn servers on one database (and one Redis when the run has REDIS_URL) show the
same visitor statistics and the same view counts, whichever server a reader lands on.

Readers are told apart by their User-Agent (every request comes from 127.0.0.1). Each of
twelve visitors reads the home page and one article on "their" server (visitor n → server
n % 2); some also read their article on the other server, or again on the same one, which
must not count again (same visitor within 30 minutes). The first half of the visitors
come one after the other, the second half all at once through a thread pool. The final
reads are made as Googlebot, which the site shows pages to but never counts.
"""

import random
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from core.readers import is_bot_user_agent
from news.models import Article
from news.services import view_counts_flush
from tests.scale.stats import stats_of
from tests.support.servers import Gunicorn, database_url, server_environment, shared_static_root
from visitors.models import DailyStat, VisitorActivity
from visitors.selectors import visitor_stats

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

VISITORS = 12
BOT = "Googlebot/2.1 (+http://www.google.com/bot.html)"
# The widget and the page cache may show numbers up to 5 seconds old.
STATS_LAG_SECONDS = 6


def browser_agent(number):
    return (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        f"Chrome/124.0.{number}.0 Safari/537.36"
    )


@dataclass(frozen=True)
class Visit:
    visitor: int
    server: int
    path: str


@pytest.fixture
def two_servers(transactional_db, tmp_path):
    """Two gunicorn servers, two workers each, on the test database (and the run's Redis).

    Depends on ``transactional_db`` so that the servers are stopped before the test
    database is flushed (PostgreSQL refuses to drop a database that has connections).
    """
    env = server_environment(
        database=database_url(connection.settings_dict),
        secret_key="scale-test-" + "k" * 40,
        redis_url=settings.REDIS_URL or None,
        DJANGO_STATIC_ROOT=shared_static_root(),
        MEDIA_ROOT=tmp_path / "media",
    )
    (tmp_path / "media").mkdir()
    servers = []
    try:
        for number in range(2):
            servers.append(Gunicorn(env=env, log_path=tmp_path / f"gunicorn-{number}.log"))
        for server in servers:
            server.wait_until("/healthz", 200, agent=BOT, timeout=30)
        yield servers
    finally:
        for server in servers:
            server.stop()


def _articles():
    """Four published articles, dated a minute ago (public on every server's clock)."""
    moment = timezone.now() - timedelta(minutes=1)
    return [
        Article.objects.create(
            title=f"Hội nghị khoa học và công nghệ số {number}",
            body=f"<p>Nội dung bài viết số {number} về đổi mới sáng tạo tại Cao Bằng.</p>",
            status="published",
            published_at=moment - timedelta(seconds=number),
        )
        for number in range(1, 5)
    ]


def _plan(articles):
    """(sequential visits, concurrent visits). Article 0: six readers, 1 and 2: three each,
    article 3: none. Visitors 0, 1, 6, 7 also read their article on the other server;
    visitors 3 and 9 read theirs twice on their own."""
    urls = [article.get_absolute_url() for article in articles]

    def article_of(visitor):
        return urls[visitor % 3] if visitor < 9 else urls[0]

    def visits_of(visitor):
        own = visitor % 2
        visits = [Visit(visitor, own, "/"), Visit(visitor, own, article_of(visitor))]
        if visitor in (0, 1, 6, 7):
            visits.append(Visit(visitor, 1 - own, article_of(visitor)))
        if visitor in (3, 9):
            visits.append(Visit(visitor, own, article_of(visitor)))
        return visits

    sequential = [v for n in range(VISITORS // 2) for v in visits_of(n)]
    concurrent = [v for n in range(VISITORS // 2, VISITORS) for v in visits_of(n)]
    random.Random(7).shuffle(concurrent)  # noqa: S311 - a fixed order, not security
    return sequential, concurrent


def _send(servers, visit):
    status, body, _headers = servers[visit.server].get(
        visit.path, agent=browser_agent(visit.visitor)
    )
    return visit, status, body


def _read_as_bot(server, path, times):
    """Read ``path`` ``times`` times as Googlebot (gunicorn hands the requests to either worker);
    return the ``data-stat`` numbers, failing if any two readings differ."""
    readings = []
    for _ in range(times):
        status, body, _headers = server.get(path, agent=BOT)
        assert status == 200, f"{server!r} {path} answered {status}:\n{server.log()}"
        readings.append(stats_of(body))
    assert all(r == readings[0] for r in readings), f"{server!r} {path}: {readings}"
    return readings[0]


def test_two_servers_report_the_same_statistics_and_view_counts(two_servers):
    servers = two_servers
    # Preconditions the counts below rely on: our readers are people, our checker is a bot.
    assert not any(is_bot_user_agent(browser_agent(n)) for n in range(VISITORS))
    assert is_bot_user_agent(BOT)
    articles = _articles()
    sequential, concurrent = _plan(articles)
    visits = sequential + concurrent

    for visit in sequential:
        _visit, status, body = _send(servers, visit)
        assert status == 200, f"{visit}: {status}\n{servers[visit.server].log()}"

    if settings.REDIS_URL:
        # Half-way, move Redis's counters into the database (as the cron jobs do): the
        # servers must then add what is flushed and what is not, without counting twice.
        from visitors.services import stats_flush

        assert stats_flush() >= 1
        assert view_counts_flush() >= 1

    with ThreadPoolExecutor(max_workers=len(concurrent)) as pool:
        answers = list(pool.map(lambda v: _send(servers, v), concurrent))
    for visit, status, body in answers:
        assert status == 200, f"{visit}: {status}\n{servers[visit.server].log()}"
        if visit.path != "/":
            assert 'data-stat="views"' in body
    loaded_at = time.monotonic()

    expected_views = {
        article.pk: len({v.visitor for v in visits if v.path == article.get_absolute_url()})
        for article in articles
    }
    assert sorted(expected_views.values()) == [0, 3, 3, 6]

    # Let every cached copy of the statistics expire (bounded: a few seconds).
    time.sleep(max(0.0, loaded_at + STATS_LAG_SECONDS - time.monotonic()))

    expected_stats = {"online": VISITORS, "today": VISITORS, "week": VISITORS, "total": VISITORS}
    for server in servers:
        home = _read_as_bot(server, "/", times=4)
        assert {k: home.get(k) for k in expected_stats} == expected_stats, f"{server!r}: {home}"
    home_pages = [_read_as_bot(server, "/", times=1) for server in servers]
    assert home_pages[0] == home_pages[1]

    for article in articles:
        shown = [
            _read_as_bot(server, article.get_absolute_url(), times=2)["views"] for server in servers
        ]
        assert shown == [expected_views[article.pk]] * 2, f"{article.title}: {shown}"

    # The same numbers straight from shared storage, in this process.
    if settings.REDIS_URL:
        from visitors.services import stats_flush

        stats_flush()
    assert view_counts_flush() >= 0
    assert visitor_stats(now=timezone.now()) == expected_stats
    day = DailyStat.objects.aggregate(
        visits=Sum("visits"), visitors=Sum("visitors"), pageviews=Sum("pageviews")
    )
    # Every visit above was one page view of a person: counted exactly once.
    assert day == {"visits": VISITORS, "visitors": VISITORS, "pageviews": len(visits)}
    if not settings.REDIS_URL:
        assert VisitorActivity.objects.count() == VISITORS
    for article in articles:
        article.refresh_from_db()
        assert article.view_count == expected_views[article.pk], article.title
