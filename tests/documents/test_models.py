"""Rules a legal document must obey, in the database and in the admin's form."""

import datetime

import pytest

from tests.support.documents import legal_document
from tests.support.models import assert_refused_by_validation_and_database

pytestmark = pytest.mark.django_db


def test_document_effective_date_cannot_precede_issue_date():
    document = legal_document(
        "1/QĐ-X", issued_on=datetime.date(2017, 9, 8), effective_on=datetime.date(2017, 9, 1)
    )
    assert_refused_by_validation_and_database(document, "Ngày hiệu lực")
