"""An editor writes an article in the admin's CKEditor, publishes it, and reads it online."""

import time

import pytest

from news.models import Article


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_writes_an_article_in_the_editor_and_reads_it_on_the_site(
    live_server, page, log_in_editor
):
    log_in_editor(page)

    page.goto(f"{live_server.url}/admin/news/article/add/")
    page.fill("#id_title", "Hội thảo chuyển đổi số giai đoạn mới")
    # The slug is prefilled the way the server makes it ("đ" → "d", not Django's "dj").
    assert page.input_value("#id_slug") == "hoi-thao-chuyen-doi-so-giai-doan-moi"
    editor_body = page.frame_locator("iframe.cke_wysiwyg_frame").locator("body")
    editor_body.click()
    page.keyboard.type("Nội dung viết trong trình soạn thảo CKEditor.")
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/news/article/")

    article = Article.objects.get(title="Hội thảo chuyển đổi số giai đoạn mới")
    assert article.slug == "hoi-thao-chuyen-doi-so-giai-doan-moi"
    assert "Nội dung viết trong trình soạn thảo CKEditor." in article.body
    assert article.is_public()

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert page.inner_text("h1") == "Hội thảo chuyển đổi số giai đoạn mới"
    assert "Nội dung viết trong trình soạn thảo CKEditor." in page.inner_text(".article-body")
    assert page.is_visible("text=In bài")  # shown by static/js/news.js
    assert page.inner_text('[data-stat="views"]') == "0"  # staff views are not counted


SLUG_TITLES = [
    "Kế hoạch số 12/2026 về chuyển đổi số",
    "Quyết định 45/QĐ-SKHCN ngày 08/9/2017",
    "Đoàn công tác đến Đông Khê – Thạch An",
    "“Ngày hội” khoa học & công nghệ: 100% đạt!",
    "Tiêu chuẩn ISO_9001 và TCVN   5699",
    "  --Tin ngắn--  ",
    "Giải thưởng Sáng tạo KH&CN tỉnh Cao Bằng (lần thứ II)",
    "Nghị định 98/2023/NĐ-CP: Điều 54",
    "Đường dẫn rất dài " + "từ ngữ " * 40,
    "Ứng dụng ½ công suất ① ﬁ",
]


@pytest.mark.browser
def test_browser_slug_prefill_matches_the_server_slug(page):
    """The admin's prefill script and core.text.vietnamese_slugify agree on every title."""
    from pathlib import Path

    from core.text import vietnamese_slugify

    script = Path(__file__).resolve().parents[2] / "news/static/news/admin_slug.js"
    page.set_content("<!DOCTYPE html><html><head><title>t</title></head><body></body></html>")
    page.add_script_tag(content=script.read_text(encoding="utf-8"))
    browser_slugs = page.evaluate("titles => titles.map(window.newsSlugify)", SLUG_TITLES)
    server_slugs = [vietnamese_slugify(title) for title in SLUG_TITLES]
    assert browser_slugs == server_slugs
    assert "ke-hoach-so-12-2026-ve-chuyen-doi-so" in browser_slugs


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_image_dialog_offers_a_caption_and_the_editor_fits_images(live_server, page, log_in_editor):
    log_in_editor(page)
    page.goto(f"{live_server.url}/admin/news/article/add/")
    # Polled from the test, not with wait_for_function: the admin's CSP has no
    # 'unsafe-eval', which Playwright's string predicates need.
    ready = "!!(window.CKEDITOR && CKEDITOR.instances.id_body && CKEDITOR.instances.id_body.status === 'ready')"  # noqa: E501
    deadline = time.monotonic() + 30
    while not page.evaluate(ready):
        assert time.monotonic() < deadline, "CKEditor never became ready"
        page.wait_for_timeout(100)
    plugins = page.evaluate("Object.keys(CKEDITOR.instances.id_body.plugins)")
    assert "image2" in plugins and "image" not in plugins
    lang = page.evaluate(
        "[CKEDITOR.instances.id_body.lang.image2.alt, CKEDITOR.instances.id_body.lang.image2"
        ".captioned, CKEDITOR.instances.id_body.lang.link.displayText]"
    )
    assert lang == ["Mô tả ảnh (cho người không xem được ảnh)", "Có chú thích dưới ảnh",
                    "Chữ hiển thị"]  # fmt: skip

    page.click("a.cke_button__image")
    dialog = page.locator(".cke_dialog")
    dialog.wait_for()
    text = dialog.inner_text()
    assert "Có chú thích dưới ảnh" in text and "Mô tả ảnh" in text
    page.keyboard.press("Escape")

    # A photo wider than the editing area is shown at the area's width.
    frame = page.frame_locator("iframe.cke_wysiwyg_frame")
    widths = frame.locator("body").evaluate(
        """body => {
            const img = body.ownerDocument.createElement('img');
            img.width = 3000; img.height = 2000;
            img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
            body.appendChild(img);
            return [img.getBoundingClientRect().width, body.clientWidth];
        }"""
    )
    assert widths[0] <= widths[1]
