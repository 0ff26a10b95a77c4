"""Read paths of /van-ban/: the cleaned search and the public documents it finds."""

from dataclasses import dataclass, field

from documents.models import LegalDocument

MAX_QUERY_LENGTH = 200


@dataclass
class DocumentFilter:
    """The cleaned search of /van-ban/: invalid values are dropped with a notice."""

    q: str = ""
    kind: str = ""
    year: int | None = None
    notices: list = field(default_factory=list)


def document_filter_from(params):
    """Read ``q``, ``kind`` and ``year`` from a QueryDict without ever failing."""
    result = DocumentFilter()
    q = params.get("q", "")
    result.q = " ".join(q.replace("\x00", "").split())[:MAX_QUERY_LENGTH]
    kind = params.get("kind", "").strip()
    if kind:
        if kind in LegalDocument.Kind.values:
            result.kind = kind
        else:
            result.notices.append("Loại văn bản không hợp lệ, đã bỏ qua điều kiện này.")
    year = params.get("year", "").strip()
    if year:
        if year.isdigit() and len(year) == 4 and 1900 <= int(year) <= 2100:
            result.year = int(year)
        else:
            result.notices.append("Năm ban hành không hợp lệ, đã bỏ qua điều kiện này.")
    return result


def documents(search):
    """Public legal documents matching a ``DocumentFilter``."""
    qs = LegalDocument.objects.public().search(search.q)
    if search.kind:
        qs = qs.filter(kind=search.kind)
    if search.year:
        qs = qs.filter(issued_on__year=search.year)
    return qs


def document_years():
    return sorted(
        {d.year for d in LegalDocument.objects.public().dates("issued_on", "year")}, reverse=True
    )
