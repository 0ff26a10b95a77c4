"""Files attached to articles: checked by content, size-limited, stored under random names,
edited inline in the admin and listed under the article as "File đính kèm"."""

import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from core.documents_files import OLE_MAGIC, validate_attachment_file
from news.models import Article, ArticleAttachment

from .conftest import NO_OLD_SLUGS
from .nukeviet_fixture import PDF_BYTES, docx_bytes


def xlsx_bytes():
    """A real workbook, as Excel or LibreOffice would save it (openpyxl writes the format)."""
    workbook = Workbook()
    workbook.active["A1"] = "Danh sách đề xuất"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def zip_bytes(members):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return output.getvalue()


def odt_bytes():
    return zip_bytes(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"}
    )


def pptx_bytes():
    return zip_bytes({"ppt/presentation.xml": "<p:presentation/>"})


def _refusal(name, content):
    with pytest.raises(ValidationError) as caught:
        validate_attachment_file(SimpleUploadedFile(name, content))
    return caught.value


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("ke-hoach.pdf", PDF_BYTES),
        ("mau-don.docx", docx_bytes()),
        ("danh-sach.xlsx", xlsx_bytes()),
        ("bao-cao.odt", odt_bytes()),
        ("trinh-chieu.pptx", pptx_bytes()),
        ("cong-van.doc", OLE_MAGIC + b"\x00" * 504),
        ("bang-tinh.xls", OLE_MAGIC + b"\x00" * 504),
    ],
)
def test_real_documents_of_each_format_are_accepted(name, content):
    validate_attachment_file(SimpleUploadedFile(name, content))


@pytest.mark.parametrize("name", ["thong-bao.pdf", "thong-bao.docx", "thong-bao.doc"])
def test_html_renamed_as_a_document_is_refused(name):
    error = _refusal(name, b"<!DOCTYPE html><html><script>alert(1)</script></html>")
    assert error.code == "file_content"
    assert "Nội dung tệp không đúng định dạng" in error.messages[0]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("mau-don.docx", zip_bytes({"evil.html": "<script>x</script>"})),  # any ZIP
        ("mau-don.docx", xlsx_bytes()),  # a workbook is not a Word document
        ("danh-sach.xlsx", docx_bytes()),
        ("bao-cao.odt", zip_bytes({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})),
        ("mau-don.docx", b"PK\x03\x04broken-zip"),
    ],
)
def test_zip_documents_must_hold_their_own_member(name, content):
    assert _refusal(name, content).code == "file_content"


@pytest.mark.parametrize("name", ["anh.svg", "trang.html", "chay.exe", "khong-duoi"])
def test_other_types_are_refused_by_extension(name):
    error = _refusal(name, PDF_BYTES)
    assert error.code == "file_extension"
    assert "Chỉ nhận tệp PDF, Word" in error.messages[0]


def test_size_limit_comes_from_settings(settings):
    settings.UPLOAD_ATTACHMENT_MAX_BYTES = 1024 * 1024
    error = _refusal("lon.pdf", PDF_BYTES + b"0" * (1024 * 1024))
    assert error.code == "file_too_large"
    assert "tối đa 1 MB" in error.messages[0]
    validate_attachment_file(SimpleUploadedFile("vua.pdf", PDF_BYTES + b"0" * 1000))


def _admin_add(staff_client, category, files):
    data = {
        "title": "Kế hoạch có tệp",
        "slug": "",
        "category": category.pk,
        "summary": "",
        "body": "<p>Nội dung</p>",
        "image_alt": "",
        "status": "published",
        "published_at_0": "01/01/2024",
        "published_at_1": "08:00:00",
        "byline": "",
        "attachments-TOTAL_FORMS": str(len(files)),
        "attachments-INITIAL_FORMS": "0",
        **NO_OLD_SLUGS,
    }
    for index, (title, upload) in enumerate(files):
        data[f"attachments-{index}-title"] = title
        data[f"attachments-{index}-file"] = upload
        data[f"attachments-{index}-order"] = str(index)
    return staff_client.post("/admin/news/article/add/", data)


def test_admin_inline_stores_real_documents_under_random_names(
    staff_client, category, media_root, client
):
    response = _admin_add(
        staff_client,
        category,
        [
            ("Mẫu đơn", SimpleUploadedFile("Mẫu đơn của Nguyễn Văn A.docx", docx_bytes())),
            ("Danh sách", SimpleUploadedFile("danh-sach.xlsx", xlsx_bytes())),
        ],
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(title="Kế hoạch có tệp")
    first, second = article.attachments.all()
    assert re.fullmatch(r"news/attachments/\d{4}/\d{2}/[0-9a-f]{32}\.docx", first.file.name)
    assert second.file.name.endswith(".xlsx") and "danh-sach" not in second.file.name
    page = client.get(article.get_absolute_url()).content.decode().replace("\xa0", " ")
    assert "File đính kèm" in page
    assert "Mẫu đơn" in page and "(Word, DOCX," in page and "(Excel, XLSX," in page
    download = client.get(second.file.url)
    assert download["Content-Disposition"].startswith("attachment")


def test_admin_inline_refuses_an_html_page_renamed_docx(staff_client, category, media_root):
    response = _admin_add(
        staff_client,
        category,
        [("Giả mạo", SimpleUploadedFile("don.docx", b"<html><script>x()</script></html>"))],
    )
    assert response.status_code == 200
    assert "Nội dung tệp không đúng định dạng DOCX" in response.content.decode()
    assert not Article.objects.filter(title="Kế hoạch có tệp").exists()
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


def test_article_without_attachments_shows_no_block(make_article, client):
    article = make_article()
    assert "File đính kèm" not in client.get(article.get_absolute_url()).content.decode()
    assert ArticleAttachment.objects.count() == 0


def attached(article, name="ke-hoach.pdf"):
    attachment = ArticleAttachment(article=article, title="Kế hoạch")
    attachment.file.save(name, SimpleUploadedFile(name, PDF_BYTES))
    return attachment


def test_a_published_articles_attachment_is_public_and_not_kept_by_caches(
    make_article, media_root, client
):
    attachment = attached(make_article())
    response = client.get(attachment.file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    # Checked on every request: no cache keeps it once the article is taken back.
    assert response["Cache-Control"] == "private, no-cache"


@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_an_unpublished_articles_attachment_is_not_the_publics(
    state, make_article, media_root, client, staff_client, django_user_model
):
    from datetime import timedelta

    from django.utils import timezone

    if state == "draft":
        article = make_article(status=Article.Status.DRAFT)
    else:
        article = make_article(published_at=timezone.now() + timedelta(days=2))
    attachment = attached(article)
    url = attachment.file.url
    assert client.get(url).status_code == 404
    # Another spelling of the same file's address is the same file.
    assert client.get(url.replace("/attachments/", "/./attachments/")).status_code == 404
    assert client.get(url.replace("/attachments/", "//attachments/")).status_code == 404
    # Staff who may preview the article (its editors) may read it, as they see the article.
    assert staff_client.get(url).status_code == 200
    other = django_user_model.objects.create_user(
        username="thuky-khenthuong", password="x-secret-123", is_staff=True
    )
    client.force_login(other)  # staff without the news permissions: the public's answer
    assert client.get(url).status_code == 404
    # Published: everybody's.
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.PUBLISHED, published_at=timezone.now() - timedelta(minutes=1)
    )
    client.logout()
    assert client.get(url).status_code == 200


def test_a_file_no_article_holds_is_not_served(make_article, media_root, client):
    attachment = attached(make_article())
    url = attachment.file.url
    ArticleAttachment.objects.filter(pk=attachment.pk).delete()  # the file stays on disk
    assert (media_root / attachment.file.name).is_file()
    assert client.get(url).status_code == 404


def test_other_media_stay_public_and_cached(media_root, client):
    (media_root / "banners").mkdir(parents=True)
    (media_root / "banners" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    response = client.get("/media/banners/logo.png")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=86400"
