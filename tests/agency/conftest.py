"""Fixtures of the agency tests: the demo department, on a real database."""

import pytest

from tests.browser.conftest import browser_context, page, page_problems  # noqa: F401


@pytest.fixture
def agency_demo(db, settings, tmp_path):
    """The department, its 7 units, the demo officials, procedures and disclosures."""
    settings.MEDIA_ROOT = tmp_path / "media"
    from agency import demo

    demo.load()
    return demo


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="quantri", email="quantri@example.invalid", password="mat-khau-dai-2026"
    )
