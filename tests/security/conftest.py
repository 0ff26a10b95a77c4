"""Fixtures for the site-wide security and reliability tests.

The browser fixtures of tests/browser are re-exported so that the editor-under-CSP test
can drive Chromium from here.
"""

import pytest
from django.core.management import call_command

from tests.browser.conftest import browser_context, page, page_problems  # noqa: F401

STAFF_PASSWORD = "Mat-khau-rat-dai-2026!"  # noqa: S105 - test fixture


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_superuser(
        username="bientap", email="bientap@example.invalid", password=STAFF_PASSWORD
    )


@pytest.fixture
def demo_data(db):
    call_command("loaddemo", verbosity=0)


@pytest.fixture(scope="module")
def shared_demo_data(django_db_setup, django_db_blocker, tmp_path_factory):
    """``loaddemo`` once for a module whose tests only read the demo (about 10 s saved per
    test): loaded in an outer transaction that each test's own transaction nests in as a
    savepoint, and rolled back after the module, as Django's ``setUpTestData`` does. Only
    for a module whose tests are all ``django_db`` without ``transaction=True``: a
    transactional test (its own connections, its flush) cannot run inside the open
    transaction."""
    from django.conf import settings
    from django.db import transaction
    from django.test import override_settings

    media = tmp_path_factory.mktemp("demo-media")
    private = tmp_path_factory.mktemp("demo-private")
    # What the function-scoped fixtures of tests/conftest.py set (temporary folders for
    # public and private files, plain static storage), for the module's own work.
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PRIVATE_MEDIA_ROOT=private, STORAGES=storages),
    ):
        with transaction.atomic():
            call_command("loaddemo", verbosity=0)
            yield
            transaction.set_rollback(True)


@pytest.fixture
def media_root(settings, tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Password hashing is not what these tests are about; PBKDF2 would make them slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
