"""Back up, restore into a fresh database, and see the same site.

Uses scripts/backup.sh and scripts/restore.sh (the commands of docs/operations.md): on
PostgreSQL pg_dump -Fc / pg_restore into a newly created database, on SQLite sqlite3's
online ".backup"; the media folder as a tar.gz. A separate ``manage.py``-style process on
the restored database must show the same pages and hold the same content.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from tests.security.snapshot import snapshot

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["/", "/dien-hinh-tien-tien/", "/tin-tuc/"]

# Renders PAGES and takes the content snapshot in a process of its own, on DATABASE_URL.
RENDER = """
import json, sys
import django
from django.conf import settings
django.setup()
settings.STORAGES = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
from django.test import Client
from tests.security.snapshot import snapshot
client = Client()
pages = {path: client.get(path).content.decode() for path in json.loads(sys.argv[1])}
print(json.dumps({"pages": pages, "snapshot": snapshot()}))
"""


def _url(name=None):
    conf = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{name or conf['NAME']}"
    user = conf["USER"] or "root"
    password = f":{conf['PASSWORD']}" if conf["PASSWORD"] else ""
    host, port = conf["HOST"] or "127.0.0.1", conf["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{name or conf['NAME']}"


def _env(**extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"))
    }
    env.update(DJANGO_SECRET_KEY="x", DJANGO_ALLOWED_HOSTS="testserver", PYTHONPATH=str(ROOT))
    env.update(extra)
    return env


def _run(command, **env):
    result = subprocess.run(
        command, cwd=ROOT, env=_env(**env), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _main(html):
    """The page's main region, without per-request tokens."""
    match = re.search(r'<main id="main".*?</main>', html, re.S)
    region = match.group(0) if match else html
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", region)


def _files(root):
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(root).rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def restored_database(tmp_path):
    """A fresh, empty database to restore into; dropped afterwards."""
    if connection.vendor == "sqlite":
        yield _url(str(tmp_path / "restored.sqlite3"))
        return
    name = f"{connection.settings_dict['NAME']}_restored_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _url(name)
    finally:
        connection.close()
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_restores_into_a_fresh_database_with_the_same_pages(
    media_root, demo_data, restored_database, tmp_path, settings
):
    client = Client()
    original_pages = {path: client.get(path).content.decode() for path in PAGES}
    for path, html in original_pages.items():
        assert '<main id="main"' in html, path
    original_snapshot = snapshot()
    original_media = _files(media_root)
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    (private_root / "awards/attachments").mkdir(parents=True, exist_ok=True)
    (private_root / "awards/attachments/cv.pdf").write_bytes(b"%PDF-1.4 private")
    original_private = _files(private_root)

    backups = tmp_path / "backups"
    folder = Path(
        _run(
            ["bash", "scripts/backup.sh", str(backups)],
            DATABASE_URL=_url(),
            MEDIA_ROOT=str(media_root),
            PRIVATE_MEDIA_ROOT=str(private_root),
        ).strip()
    )
    assert (folder / ("db.sqlite3" if connection.vendor == "sqlite" else "db.dump")).is_file()
    assert (folder / "SHA256SUMS").is_file()

    restored_media = tmp_path / "restored-media"
    restored_private = tmp_path / "restored-private"
    _run(
        ["bash", "scripts/restore.sh", str(folder)],
        DATABASE_URL=restored_database,
        MEDIA_ROOT=str(restored_media),
        PRIVATE_MEDIA_ROOT=str(restored_private),
    )
    output = _run(
        [sys.executable, "-c", RENDER, json.dumps(PAGES)],
        DATABASE_URL=restored_database,
        DJANGO_SETTINGS_MODULE="portal.settings",
    )
    restored = json.loads(output.strip().splitlines()[-1])

    assert restored["snapshot"] == {k: list(v) for k, v in original_snapshot.items()}
    assert sum(count for count, _digest in original_snapshot.values()) > 50
    for path in PAGES:
        assert _main(restored["pages"][path]) == _main(original_pages[path]), path
    assert _files(restored_media) == original_media
    assert _files(restored_private) == original_private  # private files are backed up too


def test_restore_refuses_a_corrupted_backup(media_root, demo_data, tmp_path, restored_database):
    folder = Path(
        _run(
            ["bash", "scripts/backup.sh", str(tmp_path / "backups")],
            DATABASE_URL=_url(),
            MEDIA_ROOT=str(media_root),
        ).strip()
    )
    dump = next(path for path in folder.iterdir() if path.name.startswith("db."))
    with dump.open("r+b") as handle:
        handle.seek(200)
        handle.write(b"corrupted")
    result = subprocess.run(
        ["bash", "scripts/restore.sh", str(folder)],
        cwd=ROOT,
        env=_env(DATABASE_URL=restored_database, MEDIA_ROOT=str(tmp_path / "m")),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
