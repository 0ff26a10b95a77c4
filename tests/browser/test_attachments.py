"""An editor attaches a PDF and a Word file in the article admin; a reader sees them under
the article as "File đính kèm"."""

import pytest

from news.models import Article
from tests.news.nukeviet_fixture import PDF_BYTES, docx_bytes


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_editor_attaches_files_inline_and_readers_see_them(
    live_server, page, log_in_editor, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    log_in_editor(page)

    page.goto(f"{live_server.url}/admin/news/article/add/")
    page.fill("#id_title", "Kế hoạch tuyển chọn nhiệm vụ khoa học năm 2026")
    page.select_option("#id_status", "published")
    page.fill("#id_attachments-0-title", "Kế hoạch số 12/KH-SKHCN")
    page.set_input_files(
        "#id_attachments-0-file",
        {"name": "ke-hoach.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES},
    )
    page.click(".add-row a")  # the inline's "add another" row
    page.fill("#id_attachments-1-title", "Mẫu đơn đăng ký")
    page.fill("#id_attachments-1-order", "1")
    page.set_input_files(
        "#id_attachments-1-file",
        {"name": "mau-don.docx", "mimeType": "application/octet-stream", "buffer": docx_bytes()},
    )
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/news/article/")

    article = Article.objects.get(title="Kế hoạch tuyển chọn nhiệm vụ khoa học năm 2026")
    assert [a.title for a in article.attachments.all()] == [
        "Kế hoạch số 12/KH-SKHCN",
        "Mẫu đơn đăng ký",
    ]
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    block = page.locator(".article-attachments")
    assert block.locator("h2").inner_text().lower() == "file đính kèm"
    links = block.locator("a")
    assert links.nth(0).inner_text() == "Kế hoạch số 12/KH-SKHCN"
    assert links.nth(0).get_attribute("target") == "_blank"  # PDFs open in the browser
    assert links.nth(1).get_attribute("download") is not None  # Word is downloaded
    assert "Word, DOCX" in block.inner_text()
