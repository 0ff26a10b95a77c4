"""Faults, for real: gunicorn serving the project while its database or Redis is gone.

With PostgreSQL cut off (a TCP proxy between gunicorn and the server is stopped), public
pages answer 503 with the Vietnamese maintenance page and /healthz answers 503 JSON; when
the proxy comes back the same gunicorn serves 200 again. With Redis unreachable the site
keeps serving from the database.
"""

import json
import uuid

import pytest
from django.apps import apps
from django.db import connection

from tests.security.proxy import TcpProxy
from tests.support.servers import (
    Gunicorn,
    collectstatic,
    database_url,
    free_port,
    server_environment,
)

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("faults") / "static"
    collectstatic(server_environment(database="sqlite://", secret_key="x", DJANGO_STATIC_ROOT=root))
    return root


def _database_url(host_port=None):
    return database_url(connection.settings_dict, host_port=host_port)


def _server(static_root, *, database, redis_url=None):
    env = server_environment(
        database=database,
        secret_key="fault-test-" + "x" * 40,
        redis_url=redis_url,
        DJANGO_STATIC_ROOT=static_root,
    )
    port = free_port()
    return Gunicorn(env=env, log_path=static_root.parent / f"gunicorn-{port}.log", port=port)


def _article_urls():
    try:
        Article = apps.get_model("news", "Article")
    except LookupError:
        return []
    articles = Article.objects.published() if hasattr(Article.objects, "published") else []
    return [article.get_absolute_url() for article in articles[:2]]


def _pages():
    return ["/", "/dien-hinh-tien-tien/", *_article_urls()[:1]]


def assert_maintenance_or_cached(server, path):
    """A page seen before the outage may still come from a cache; else maintenance."""
    _assert_outage_answer(path, *server.get(path), cached_ok=True)


def assert_maintenance(server, path):
    _assert_outage_answer(path, *server.get(path), cached_ok=False)


def _assert_outage_answer(path, status, body, headers, *, cached_ok):
    assert "Traceback" not in body
    if cached_ok and status in {200, 404}:
        assert '<main id="main"' in body
        return
    assert status == 503, (path, status, body[:500])
    assert "bảo trì" in body
    assert headers.get("Retry-After")


def test_database_outage_gives_503_then_recovers_without_restart(demo_data, static_root):
    if connection.vendor != "postgresql":
        pytest.skip("a database outage is simulated on PostgreSQL (set DATABASE_URL)")
    conf = connection.settings_dict
    proxy = TcpProxy(conf["HOST"] or "127.0.0.1", int(conf["PORT"] or 5432))
    proxy.start()
    server = _server(static_root, database=_database_url(("127.0.0.1", proxy.port)))
    pages = _pages()
    unseen_article = _article_urls()[1:]
    assert len(pages) == 3 and unseen_article, "no published articles in the demo data"
    try:
        server.wait_until("/healthz", 200)
        for path in pages:
            assert server.get(path)[0] == 200, path

        proxy.stop()  # the database goes away, connections are cut
        # Pages read before the outage may still be answered from a worker's cache.
        for path in pages:
            assert_maintenance_or_cached(server, path)
        # Pages that no cache can hold need the database: the maintenance page.
        marker = uuid.uuid4().hex[:12]
        assert_maintenance(server, f"/tin-tuc/bai-chua-ai-doc-{marker}/")
        # Others may be answered from a cache (search reads a cached index), never 500.
        for path in [
            *unseen_article,
            f"/tim-kiem/?q={marker}",
            "/van-ban/",
            "/tin-tuc/",
            "/gioi-thieu/",
            "/dien-hinh-tien-tien/ca-nhan/987654/",
        ]:
            assert_maintenance_or_cached(server, path)
        status, body, _headers = server.get("/healthz")
        assert status == 503
        assert json.loads(body)["database"] == "error"

        proxy.start()  # it comes back: the same gunicorn recovers by itself
        server.wait_until("/", 200, timeout=30)
        for path in pages:
            assert server.get(path)[0] == 200, path
        assert server.get("/healthz")[0] == 200
    finally:
        server.stop()
        proxy.stop()
    # Failures during the outage are logged (with tracebacks); none became a 500.
    output = server.log(tail=None)
    assert "Internal Server Error" not in output
    assert "Error handling request" not in output


def test_site_keeps_serving_when_redis_is_unreachable(demo_data, static_root):
    closed_port = free_port()  # nothing listens there
    server = _server(
        static_root, database=_database_url(), redis_url=f"redis://127.0.0.1:{closed_port}/0"
    )
    try:
        server.wait_until("/healthz", 200)
        for path in [*_pages(), "/tin-tuc/", "/tim-kiem/?q=c%C3%B4ng+ngh%E1%BB%87"]:
            for _ in range(2):  # the second visit reads what the first one cached
                status, body, _headers = server.get(path)
                assert status == 200, (path, status, body[:300])
    finally:
        server.stop()
