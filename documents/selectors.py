"""Read paths of /van-ban/: the cleaned search and the public documents it finds."""

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from documents.models import DraftDocument, LegalDocument

MAX_QUERY_LENGTH = 200


@dataclass
class DocumentFilter:
    """The cleaned search of /van-ban/: invalid values are dropped with a notice."""

    q: str = ""
    kind: str = ""
    year: int | None = None
    status: str = ""
    field: str = ""
    notices: list = dataclass_field(default_factory=list)


def document_filter_from(params):
    """Read ``q``, ``kind``, ``year``, ``status`` and ``field`` from a QueryDict, never failing."""
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
    status = params.get("status", "").strip()
    if status:
        if status in LegalDocument.Status.values:
            result.status = status
        else:
            result.notices.append("Tình trạng hiệu lực không hợp lệ, đã bỏ qua điều kiện này.")
    field_ = " ".join(params.get("field", "").split())[:120]
    if field_:
        if field_ in document_fields():
            result.field = field_
        else:
            result.notices.append("Lĩnh vực không hợp lệ, đã bỏ qua điều kiện này.")
    return result


def documents(search):
    """Public legal documents matching a ``DocumentFilter``."""
    qs = LegalDocument.objects.public().search(search.q)
    if search.kind:
        qs = qs.filter(kind=search.kind)
    if search.year:
        qs = qs.filter(issued_on__year=search.year)
    if search.status:
        qs = qs.filter(status=search.status)
    if search.field:
        qs = qs.filter(field=search.field)
    return qs


def document_years():
    return sorted(
        {d.year for d in LegalDocument.objects.public().dates("issued_on", "year")}, reverse=True
    )


def document_fields():
    """The fields (lĩnh vực) of public documents, for the filter of /van-ban/."""
    return list(
        LegalDocument.objects.public()
        .exclude(field="")
        .order_by("field")
        .values_list("field", flat=True)
        .distinct()
    )


def draft_lists(today):
    """Public drafts split into those open for comment on ``today`` and the closed ones."""
    drafts = list(DraftDocument.objects.public())
    open_ = [d for d in drafts if d.is_open_on(today)]
    open_.sort(key=lambda d: (d.comment_until, d.title))
    closed = [d for d in drafts if d.comment_until < today]
    return open_, closed
