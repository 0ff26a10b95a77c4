"""Rules a legal document must obey, in the database and in the admin's form."""

import datetime

import pytest

from documents.models import LegalDocument
from tests.support.models import assert_refused_by_validation_and_database

pytestmark = pytest.mark.django_db


def test_document_effective_date_cannot_precede_issue_date():
    document = LegalDocument(
        number="1/QĐ-X",
        kind="quyet-dinh",
        issuing_body="Sở",
        issued_on=datetime.date(2017, 9, 8),
        effective_on=datetime.date(2017, 9, 1),
        title="x",
    )
    assert_refused_by_validation_and_database(document, "Ngày hiệu lực")
