"""Legal documents for the tests of every package that lists or links them."""

import datetime

from documents.models import LegalDocument

NATIONAL_LINK = "https://vbpl.vn/caobang/Pages/vbpq-toanvan.aspx?ItemID=1"


def _fields(number, extra):
    values = {
        "kind": "quyet-dinh",
        "issuing_body": "Ủy ban nhân dân tỉnh Cao Bằng",
        "issued_on": datetime.date(2018, 3, 1),
        "title": f"Quyết định {number}",
    }
    values.update(extra)
    return {"number": number, **values}


def legal_document(number, **extra):
    """``make_legal_document``'s document, not saved (for the tests of validation rules)."""
    return LegalDocument(**_fields(number, extra))


def make_legal_document(number, **extra):
    """A public decision of the province numbered ``number``; ``extra`` sets other fields."""
    return LegalDocument.objects.create(**_fields(number, extra))


def replaced_pair(old_field="Khoa học và công nghệ"):
    """Điều 4 k1 a: 25/2023/QĐ-UBND (in force, with its field and the national database
    link) and 12/2018/QĐ-UBND (in ``old_field``), replaced by it from 15/05/2023.
    Returns (new, old)."""
    new = make_legal_document(
        "25/2023/QĐ-UBND",
        issued_on=datetime.date(2023, 5, 2),
        field="Khoa học và công nghệ",
        national_database_url=NATIONAL_LINK,
    )
    old = make_legal_document(
        "12/2018/QĐ-UBND",
        status=LegalDocument.Status.REPLACED,
        expired_on=datetime.date(2023, 5, 15),
        replaced_by=new,
        field=old_field,
    )
    return new, old
