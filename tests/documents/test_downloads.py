"""Downloads of /van-ban/: named from the document, type and size shown, public ones only;
the search matches kind words with numbers; the demo's documents carry a real PDF."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import LegalDocument
from documents.pdf import minimal_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _document(number="45/QĐ-SKHCN", kind="quyet-dinh", is_public=True, file=True, **extra):
    return LegalDocument.objects.create(
        number=number,
        kind=kind,
        issuing_body="Sở Khoa học và Công nghệ tỉnh Cao Bằng",
        issued_on=datetime.date(2017, 9, 8),
        title="Về việc tặng Giấy khen cho các tập thể, cá nhân điển hình tiên tiến",
        is_public=is_public,
        file=SimpleUploadedFile("a8f3c2.pdf", minimal_pdf(["Quyet dinh"])) if file else "",
        **extra,
    )


def test_download_is_named_from_the_document_number(client):
    document = _document()
    response = client.get(f"/van-ban/{document.pk}/tai-ve/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="45-QD-SKHCN.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")


def test_download_of_a_private_document_or_one_without_file_is_404(client):
    hidden = _document(number="9/NB-SKHCN", is_public=False)
    empty = _document(number="10/TB-SKHCN", file=False)
    assert client.get(f"/van-ban/{hidden.pk}/tai-ve/").status_code == 404
    assert client.get(f"/van-ban/{empty.pk}/tai-ve/").status_code == 404
    assert client.post(f"/van-ban/{_document().pk}/tai-ve/").status_code == 405


@pytest.mark.parametrize("path", ["/van-ban/", "/van-ban/{pk}/"])
def test_list_and_page_link_the_named_download_with_type_and_size(client, path):
    document = _document()
    size = document.file.size
    html = client.get(path.format(pk=document.pk)).content.decode()
    assert f'href="/van-ban/{document.pk}/tai-ve/"' in html
    assert document.file.url not in html
    # filesizeformat puts a no-break space between the number and the unit.
    assert re.search(rf"\(PDF, {size}\xa0(bytes|byte)\)", html)


@pytest.mark.parametrize(
    "query",
    ["quyết định 45", "quyet dinh 45", "Quyết định số 45", "45/QĐ-SKHCN", "qd skhcn 45"],
)
def test_search_matches_kind_words_and_number_together(client, query):
    _document()
    _document(number="46/KH-SKHCN", kind="ke-hoach")
    html = client.get("/van-ban/", {"q": query}).content.decode()
    assert "45/QĐ-SKHCN" in html
    assert "46/KH-SKHCN" not in html


def test_minimal_pdf_is_well_formed():
    """Every cross-reference offset points at its object; the trailer points at the xref."""
    data = minimal_pdf(["Quyết định số 45/QĐ-SKHCN", "(ngoặc) \\ gạch"])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    startxref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[startxref:].startswith(b"xref\n0 6\n")
    entries = data[startxref:].split(b"\n")[3:8]
    for number, entry in enumerate(entries, start=1):
        offset = int(entry.split()[0])
        assert data[offset:].startswith(b"%d 0 obj" % number)
    length = int(re.search(rb"/Length (\d+)", data).group(1))
    stream = data.split(b"stream\n", 1)[1].split(b"\nendstream", 1)[0]
    assert len(stream) == length
    assert b"(Quyet dinh so 45/QD-SKHCN) Tj" in stream
    assert b"(\\(ngoac\\) \\\\ gach) Tj" in stream


def test_demo_documents_get_real_pdfs(db):
    from awards import demo

    demo.load()
    documents = LegalDocument.objects.all()
    assert documents.count() >= 3
    for document in documents:
        assert document.file, document.number
        with document.file.open("rb") as handle:
            assert handle.read().startswith(b"%PDF-1.4")
    names = {document.download_name for document in documents}
    assert "45-QD-SKHCN.pdf" in names
    files_before = {document.file.name for document in documents}
    demo.load()
    assert {d.file.name for d in LegalDocument.objects.all()} == files_before
