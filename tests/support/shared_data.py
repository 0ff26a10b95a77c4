"""Data loaded once for a test module whose tests only read it (Django's ``setUpTestData``
pattern): ``load()`` runs in an outer transaction that each test's own transaction nests
in as a savepoint, and the outer one is rolled back after the module.

Only for modules whose tests are all ``django_db`` without ``transaction=True``: a
transactional test (its own connections, its flush) cannot run inside the open transaction.
"""

from contextlib import contextmanager


@contextmanager
def loaded_for_module(django_db_blocker, tmp_path_factory, load):
    from django.conf import settings
    from django.db import transaction
    from django.test import override_settings

    # What the function-scoped fixtures of tests/conftest.py set (temporary folders for
    # public and private files, plain static storage), for the module's own work.
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=tmp_path_factory.mktemp("shared-media"),
            PRIVATE_MEDIA_ROOT=tmp_path_factory.mktemp("shared-private"),
            STORAGES=storages,
        ),
        transaction.atomic(),
    ):
        load()
        yield
        transaction.set_rollback(True)
