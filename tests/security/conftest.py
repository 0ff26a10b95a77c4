"""Fixtures for the site-wide security and reliability tests.

The browser fixtures of tests/browser are re-exported so that the editor-under-CSP test
can drive Chromium from here.
"""

import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import Article
from tests.browser.conftest import browser_context, page, page_problems  # noqa: F401
from tests.support.shared_data import loaded_for_module

STAFF_PASSWORD = "Mat-khau-rat-dai-2026!"  # noqa: S105 - test fixture


def published_article(title, body):
    """An article published yesterday, so every reader sees it."""
    return Article.objects.create(
        title=title,
        body=body,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timezone.timedelta(days=1),
    )


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
    test); see tests/support/shared_data.py for how, and for which modules."""
    with loaded_for_module(
        django_db_blocker, tmp_path_factory, lambda: call_command("loaddemo", verbosity=0)
    ):
        yield


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


@pytest.fixture
def locking_urls(settings):
    """The admin site of the concurrency tests (the project's admins with the optimistic
    lock added) at /locking-admin/."""
    settings.ROOT_URLCONF = "tests.security.locking_urls"
    from django.urls import clear_url_caches

    clear_url_caches()
    yield "locking-admin"
    clear_url_caches()
