"""Admin screens, publish actions, history, and the editor's image uploader."""

import json

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from news.models import Article

from .conftest import NO_ATTACHMENTS, NO_OLD_SLUGS, image_bytes


def test_changelist_with_filters_and_search_loads(staff_client, make_article, category):
    make_article(title="Tin trong quản trị", category=category)
    response = staff_client.get(
        "/admin/news/article/", {"status__exact": "published", "q": "quản trị"}
    )
    assert response.status_code == 200
    assert "Tin trong quản trị" in response.content.decode()


def test_add_form_uses_the_rich_text_editor_and_slug_script(staff_client):
    html = staff_client.get("/admin/news/article/add/").content.decode()
    editor = ["ckeditor/ckeditor.js", 'data-type="ckeditortype"', "/ckeditor/upload/"]
    for text in [*editor, "news/admin_slug.js"]:
        assert text in html, text


def test_admin_add_saves_a_published_article_with_author(staff_client, staff, category):
    response = staff_client.post(
        "/admin/news/article/add/",
        {
            "title": "Giai đoạn mới",
            "slug": "",
            "category": category.pk,
            "summary": "Tóm tắt",
            "body": "<p>Nội dung</p><script>x()</script>",
            "image_alt": "",
            "status": "published",
            "published_at_0": "01/01/2024",
            "published_at_1": "08:00:00",
            "byline": "HN",
            **NO_ATTACHMENTS,
            **NO_OLD_SLUGS,
        },
    )
    errors = response.context["adminform"].form.errors if response.status_code == 200 else None
    assert response.status_code == 302, errors
    article = Article.objects.get(title="Giai đoạn mới")
    assert article.slug == "giai-doan-moi"
    assert article.author == staff
    assert article.body == "<p>Nội dung</p>"


def test_bulk_publish_and_unpublish_actions(staff_client, make_article):
    drafts = [make_article(status="draft") for _ in range(2)]
    ids = [str(a.pk) for a in drafts]
    staff_client.post(
        "/admin/news/article/", {"action": "publish_selected", "_selected_action": ids}
    )
    assert Article.objects.published().filter(pk__in=ids).count() == 2
    staff_client.post(
        "/admin/news/article/", {"action": "unpublish_selected", "_selected_action": ids}
    )
    assert not Article.objects.published().filter(pk__in=ids).exists()
    assert drafts[0].history.count() == 3


def test_history_page_and_revert_form_are_available_to_staff(staff_client, make_article):
    article = make_article(title="Lần một")
    article.title = "Lần hai"
    article.save()
    history = staff_client.get(f"/admin/news/article/{article.pk}/history/")
    assert history.status_code == 200
    first = article.history.earliest()
    revert = staff_client.get(f"/admin/news/article/{article.pk}/history/{first.history_id}/")
    assert revert.status_code == 200
    assert "Lần một" in revert.content.decode()


def _upload(client, content, name, **query):
    client.cookies["ckCsrfToken"] = "t" * 40
    return client.post(
        "/ckeditor/upload/" + ("?CKEditorFuncNum=" + query["func"] if query else ""),
        {"upload": SimpleUploadedFile(name, content), "ckCsrfToken": "t" * 40},
    )


def test_editor_upload_needs_staff(db):
    response = _upload(Client(), image_bytes(), "a.png")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editor_upload_stores_a_reencoded_image_under_a_random_name(staff_client, media_root):
    response = _upload(staff_client, image_bytes("JPEG"), "ảnh hội nghị.jpg")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["uploaded"] == 1
    assert data["url"].startswith("/media/uploads/") and data["url"].endswith(".jpg")
    assert "hoi" not in data["url"]
    assert (media_root / data["url"].removeprefix("/media/")).is_file()


def test_editor_upload_rejects_a_non_image_with_a_vietnamese_message(staff_client, media_root):
    response = _upload(staff_client, b"<svg onload='alert(1)'></svg>", "a.png")
    assert response.status_code == 400
    data = json.loads(response.content)
    assert data["uploaded"] == 0
    assert "không phải là ảnh" in data["error"]["message"]
    assert not (media_root / "uploads").exists()


def test_editor_dialog_upload_answers_with_a_callback(staff_client, media_root):
    response = _upload(staff_client, b"not an image", "a.gif", func="7")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'window.parent.CKEDITOR.tools.callFunction(7, "",' in html
    assert "kh\\u00f4ng ph\\u1ea3i" in html or "không phải" in html


def test_editor_upload_without_the_editor_token_is_refused(staff_client, media_root):
    response = staff_client.post(
        "/ckeditor/upload/", {"upload": SimpleUploadedFile("a.png", image_bytes())}
    )
    assert response.status_code == 403


def test_reverting_from_the_admin_history_restores_the_old_text(staff_client, make_article):
    article = make_article(title="Lần một", body="<p>Bản một</p>", byline="HN")
    article.title = "Lần hai"
    article.body = "<p>Bản hai</p>"
    article.save()
    first = article.history.earliest()
    url = f"/admin/news/article/{article.pk}/history/{first.history_id}/"
    form = staff_client.get(url).context["adminform"].form
    # The revert form as the browser would send it (its hidden edit token included).
    data = {
        name: form[name].value() for name in form.fields if name not in {"published_at", "image"}
    }
    data = {name: value for name, value in data.items() if value is not None}
    when = timezone.localtime(first.published_at)
    data.update(
        {
            "published_at_0": when.strftime("%d/%m/%Y"),
            "published_at_1": when.strftime("%H:%M:%S"),
            **NO_ATTACHMENTS,
            **NO_OLD_SLUGS,
        }
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert (article.title, article.body) == ("Lần một", "<p>Bản một</p>")
    assert article.history.count() == 3


def test_old_addresses_inline_only_on_existing_articles_in_plain_words(
    staff_client, staff, category
):
    add = staff_client.get("/admin/news/article/add/").content.decode()
    assert "Địa chỉ cũ" not in add and "articleslughistory" not in add.lower()
    article = Article.objects.create(title="Bài cũ", category=category, status="draft")
    change = staff_client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert "Địa chỉ cũ của bài" in change
    assert "301" not in change


def test_author_is_a_select_of_staff_names_not_an_id_box(staff_client, staff, category):
    staff.first_name, staff.last_name = "Bích", "Ngọc"
    staff.save()
    get_user_model().objects.create_user(username="docgia", password="x-2026-mat-khau")
    html = staff_client.get("/admin/news/article/add/").content.decode()
    select = html.split('<select name="author"', 1)[1].split("</select>", 1)[0]
    assert f"Bích Ngọc ({staff.username})" in select
    assert "docgia" not in select  # readers are not offered as authors
    assert 'id="lookup_id_author"' not in html
