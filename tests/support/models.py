"""Checks shared by the tests of model rules."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction


def assert_refused_by_validation_and_database(obj, match):
    """``obj`` breaks a rule twice guarded: ``full_clean`` refuses it with a message matching
    ``match``, and saving it anyway fails on the database's constraint."""
    with pytest.raises(ValidationError, match=match):
        obj.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()
