"""Shared fixtures. Tests run on a real database: SQLite by default, PostgreSQL when
DATABASE_URL says so (as `.ci/run` does)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def _compile_stale_messages():
    """Compile the project's catalogue when a .po is newer than its .mo (``make messages``
    does it for `make test`; a bare `pytest` after editing a .po must not test stale text)."""
    for po in LOCALE.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        if not shutil.which("msgfmt"):
            pytest.exit("msgfmt not found: run `make messages` (installs Debian's gettext)", 2)
        partial = mo.with_suffix(f".mo.{os.getpid()}")
        subprocess.run(["msgfmt", "--check-format", "-o", str(partial), str(po)], check=True)
        os.replace(partial, mo)
        # Django may have loaded the catalogues already: drop them, as runserver's reloader does.
        from django.utils.translation.reloader import translation_file_changed

        translation_file_changed(None, mo)


_compile_stale_messages()


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage needs `collectstatic`; tests read static files from the finders.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(scope="session")
def _private_media_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("private")


@pytest.fixture(autouse=True)
def _private_media_in_tmp(settings, _private_media_dir):
    """Private files of a test go to a temporary folder, never to the project's private/."""
    settings.PRIVATE_MEDIA_ROOT = _private_media_dir


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def redis_mode(settings):
    """Count (visitor statistics and article views) and cache in the test Redis, under
    prefixes of this test's own; skipped when Redis is down."""
    from tests.support.redis import forget, redis_available, use_redis

    if not redis_available():
        pytest.skip("Redis is not reachable (TEST_REDIS_URL)")
    client = use_redis(settings)
    yield client
    forget(client)


@pytest.fixture(params=["db", "redis"])
def backend(request, settings):
    """Run a test once with each counting back-end: the database, then Redis (when a
    Redis server answers)."""
    if request.param == "redis":
        request.getfixturevalue("redis_mode")
    else:
        settings.VISITORS_USE_REDIS = False
        settings.NEWS_USE_REDIS = False
    return request.param


@pytest.fixture(scope="session")
def browser():
    """One Chromium (Debian's, driven by Playwright) for the whole run.

    Defined here, once: a second session fixture elsewhere would start a second Playwright
    event loop in the same thread, which Playwright's sync API refuses.
    """
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser` (Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
