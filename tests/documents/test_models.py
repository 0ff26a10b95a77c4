"""Rules a legal document must obey, in the database and in the admin's form."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from documents.models import LegalDocument

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
    with pytest.raises(ValidationError, match="Ngày hiệu lực"):
        document.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        document.save()
