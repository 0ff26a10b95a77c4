"""An editor writes an article in the admin's CKEditor, publishes it, and reads it online."""

import pytest

from news.models import Article

PASSWORD = "bien-tap-vien-2026"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_writes_an_article_in_the_editor_and_reads_it_on_the_site(
    live_server, page, django_user_model
):
    django_user_model.objects.create_superuser(
        username="bientap", email="bientap@example.invalid", password=PASSWORD
    )
    # Admin pages link no icon, so Chromium asks for /favicon.ico, which the site does not
    # serve yet (reported to the lead); that 404 is not what this test is about.
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "bientap")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

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
