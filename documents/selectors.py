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

    def take(name, raw, valid, what, convert=str):
        """Keep ``raw`` as ``result.<name>`` when ``valid``; else a notice naming ``what``."""
        if not raw:
            return
        if valid(raw):
            setattr(result, name, convert(raw))
        else:
            result.notices.append(f"{what} không hợp lệ, đã bỏ qua điều kiện này.")

    kinds, statuses = LegalDocument.Kind.values, LegalDocument.Status.values
    take("kind", params.get("kind", "").strip(), kinds.__contains__, "Loại văn bản")
    take(
        "year",
        params.get("year", "").strip(),
        lambda y: y.isdigit() and len(y) == 4 and 1900 <= int(y) <= 2100,
        "Năm ban hành",
        convert=int,
    )
    take("status", params.get("status", "").strip(), statuses.__contains__, "Tình trạng hiệu lực")
    field_ = " ".join(params.get("field", "").split())[:120]
    take("field", field_, lambda f: f in document_fields(), "Lĩnh vực")
    return result


def documents(search):
    """Public legal documents matching a ``DocumentFilter``."""
    given = {
        "kind": search.kind,
        "issued_on__year": search.year,
        "status": search.status,
        "field": search.field,
    }
    return (
        LegalDocument.objects.public()
        .search(search.q)
        .filter(**{lookup: value for lookup, value in given.items() if value})
    )


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
