"""Settings come from the environment; checked in a fresh interpreter each time."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "db = settings.DATABASES['default'];"
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']),"
    " 'options': {k: str(v) for k, v in db.get('OPTIONS', {}).items()},"
    " 'conn_max_age': db.get('CONN_MAX_AGE'), 'host': db.get('HOST'), 'port': db.get('PORT'),"
    " 'user': db.get('USER'), 'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS,"
    " 'cache': settings.CACHES['default']['BACKEND'], 'tz': settings.TIME_ZONE,"
    " 'lang': settings.LANGUAGE_CODE, 'media': str(settings.MEDIA_ROOT),"
    " 'csrf': settings.CSRF_TRUSTED_ORIGINS}))"
)


def run_settings(**env):
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "MEDIA_ROOT"))
    }
    base["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    base.update(env)
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=base, capture_output=True, text=True
    )


def settings_with(**env):
    """The settings the probe prints for ``env`` with a secret key; they must load."""
    result = run_settings(DJANGO_SECRET_KEY="x" * 50, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_sqlite_is_the_default_and_waits_for_concurrent_writers():
    conf = settings_with()
    assert conf["engine"] == "core.db.sqlite3"  # Django's, see core/db/sqlite3
    assert conf["name"] == str(ROOT / "db.sqlite3")
    assert conf["options"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in conf["options"]["init_command"]
    assert int(conf["options"]["timeout"]) >= 5
    assert conf["conn_max_age"] == 600  # no PRAGMAs and no new connection per request
    assert conf["debug"] is False
    assert conf["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert conf["tz"] == "Asia/Ho_Chi_Minh"
    assert conf["lang"] == "vi"


def test_postgres_url_uses_psycopg2_with_persistent_connections():
    conf = settings_with(
        DATABASE_URL="postgres://portal:secret@db.example.internal:5433/portal",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    # Django's PostgreSQL back-end with a health check that asks the socket (core.db).
    assert conf["engine"] == "core.db.postgresql"
    assert conf["name"] == "portal"
    assert conf["host"] == "db.example.internal"
    assert int(conf["port"]) == 5433
    assert conf["user"] == "portal"
    assert conf["conn_max_age"] > 0
    assert conf["cache"] == "django_redis.cache.RedisCache"


def test_pgbouncer_deployments_can_turn_persistent_connections_off():
    conf = settings_with(
        DATABASE_URL="postgres://portal:secret@127.0.0.1:6432/portal", DJANGO_CONN_MAX_AGE="0"
    )
    assert conf["conn_max_age"] == 0


def test_hosts_origins_debug_and_media_come_from_the_environment(tmp_path):
    conf = settings_with(
        DJANGO_DEBUG="1",
        DJANGO_ALLOWED_HOSTS="sokhcn.caobang.gov.vn, www.sokhcn.caobang.gov.vn",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://sokhcn.caobang.gov.vn",
        MEDIA_ROOT=str(tmp_path),
    )
    assert conf["debug"] is True
    assert conf["hosts"] == ["sokhcn.caobang.gov.vn", "www.sokhcn.caobang.gov.vn"]
    assert conf["csrf"] == ["https://sokhcn.caobang.gov.vn"]
    assert conf["media"] == str(tmp_path)


def test_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = run_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
