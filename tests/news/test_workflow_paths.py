"""The workflow's side doors: paths around the change form that must not publish either.

A per-category publisher list must hold when an article is moved between categories (by the
form or by a history revert); crafted posts to the workflow and revert URLs answer 4xx with
a Vietnamese message, never 500; a writer's "save as new" and delete stay harmless.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from news import workflow
from news.models import Article, Category
from tests.news.test_workflow import (
    PUBLISHERS,
    client_for,
    form_data,
    member,  # noqa: F401 - fixture
    messages_of,
    own_draft,
    publisher,  # noqa: F401 - fixture
    writer,  # noqa: F401 - fixture
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reserved(member):  # noqa: F811
    """A category only its own Lãnh đạo publishes in."""
    category = Category.objects.create(name="Sở hữu trí tuệ", slug="so-huu-tri-tue")
    category.publishers.add(member(PUBLISHERS, "lanhdao-shtt"))
    return category


def test_publisher_cannot_move_a_published_article_into_a_category_reserved_to_others(
    publisher,  # noqa: F811
    reserved,
    make_article,
    category,
):
    article = make_article(title="Bài đã đăng", category=category)
    client = client_for(publisher)
    url = f"/admin/news/article/{article.pk}/change/"
    data = form_data(client.get(url))
    data["category"] = reserved.pk
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Sở hữu trí tuệ" in str(response.context["adminform"].form.errors)
    article.refresh_from_db()
    assert article.category == category
    assert not Article.objects.published().filter(category=reserved).exists()


def test_publisher_cannot_revert_a_published_article_into_a_category_reserved_to_others(
    publisher,  # noqa: F811
    reserved,
    make_article,
    category,
):
    article = make_article(title="Lần một", category=reserved, status=Article.Status.DRAFT)
    article.category = category
    article.save()
    workflow.transition(article, "publish", publisher)
    reserved_version = article.history.filter(category=reserved).earliest()
    client = client_for(publisher)
    url = f"/admin/news/article/{article.pk}/history/{reserved_version.history_id}/"
    data = form_data(client.get(url))
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Sở hữu trí tuệ" in str(response.context["adminform"].form.errors)
    article.refresh_from_db()
    assert (article.category, article.status) == (category, "published")


def test_the_categorys_own_publisher_may_move_a_published_article_into_it(
    reserved, make_article, category
):
    chief = reserved.publishers.get()
    article = make_article(title="Bài chuyển mục", category=category)
    client = client_for(chief)
    url = f"/admin/news/article/{article.pk}/change/"
    data = form_data(client.get(url))
    data["category"] = reserved.pk
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert (article.category, article.status) == (reserved, "published")


def test_crafted_workflow_posts_answer_4xx_or_a_vietnamese_message(
    writer,  # noqa: F811
    member,  # noqa: F811
    make_article,
):
    article = own_draft(writer)
    client = client_for(writer)
    base = "/admin/news/article"
    for bad_id in ("abc", "999999", "1%2F2"):
        response = client.post(f"{base}/{bad_id}/workflow/submit/")
        assert response.status_code == 404, bad_id
    response = client.post(f"{base}/{article.pk}/workflow/xoa-het/", follow=True)
    assert "không có trong quy trình" in " ".join(messages_of(response))
    response = client.get(f"{base}/{article.pk}/workflow/submit/")
    assert response.status_code == 405
    assert "nút trên trang bài viết" in response.content.decode()
    # Someone else's draft: not the writer's to submit.
    other = own_draft(member("Phóng viên / Biên tập viên", "phongvien2"), title="Bài khác")
    response = client.post(f"{base}/{other.pk}/workflow/submit/", follow=True)
    assert response.status_code in (200, 403)
    other.refresh_from_db()
    assert other.status == "draft"
    # A return without its reason, by a publisher: refused with the reason asked for.
    published = make_article(title="Bài đã đăng")
    response = client_for(member(PUBLISHERS, "lanhdao-x")).post(
        f"{base}/{published.pk}/workflow/return/", {"reason": "  "}, follow=True
    )
    assert "Cần ghi lý do" in " ".join(messages_of(response))
    published.refresh_from_db()
    assert published.status == "published"


def test_crafted_history_reverts_answer_404_not_500(writer):  # noqa: F811
    article = own_draft(writer)
    client = client_for(writer)
    version = article.history.earliest().history_id
    for url in (
        f"/admin/news/article/abc/history/{version}/",
        f"/admin/news/article/{article.pk}/history/abc/",
        f"/admin/news/article/999999/history/{version}/",
    ):
        assert client.post(url, {"title": "x"}).status_code == 404, url
        assert client.get(url).status_code == 404, url


def test_writer_cannot_change_or_delete_a_published_article(
    writer,  # noqa: F811
    make_article,
):
    article = make_article(author=writer, title="Bài đã đăng của phóng viên")
    client = client_for(writer)
    url = f"/admin/news/article/{article.pk}/change/"
    data = form_data(client.get(url))
    data.update({"title": "Sửa lén", "published_at_0": "01/01/2020"})
    assert client.post(url, data).status_code == 403
    assert (
        client.post(f"/admin/news/article/{article.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    client.post(
        "/admin/news/article/",
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    article.refresh_from_db()
    assert article.title == "Bài đã đăng của phóng viên" and article.is_public()


def test_writer_save_as_new_from_a_published_article_makes_only_a_draft(
    writer,  # noqa: F811
    make_article,
):
    article = make_article(title="Bài đã đăng")
    client = client_for(writer)
    url = f"/admin/news/article/{article.pk}/change/"
    data = form_data(client.get(url))  # a view-only page: its form has no fields
    data.update({"_saveasnew": "1", "title": "Bản sao", "slug": "ban-sao", "body": "<p>x</p>"})
    data.update(
        {"status": "published", "published_at_0": "01/01/2020", "published_at_1": "08:00:00"}
    )
    assert client.post(url, data).status_code == 302
    copy = Article.objects.get(title="Bản sao")
    assert (copy.status, copy.author) == ("draft", writer)
    assert not copy.is_public()


def test_publishing_with_a_future_time_keeps_the_article_hidden_until_then(
    writer,  # noqa: F811
    publisher,  # noqa: F811
    client,
):
    later = timezone.now() + timedelta(days=2)
    article = own_draft(writer, title="Bài hẹn giờ", slug="bai-hen-gio", published_at=later)
    workflow.transition(article, "submit", writer)
    response = client_for(publisher).post(f"/admin/news/article/{article.pk}/workflow/publish/")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "published" and article.published_at == later
    assert article.is_scheduled and not Article.objects.published().exists()
    assert client.get("/tin-tuc/bai-hen-gio/").status_code == 404
    assert "bai-hen-gio" not in client.get("/rss/").content.decode()
    assert Article.objects.published(later + timedelta(seconds=1)).get() == article
    # The form's status pick keeps the time too.
    other = own_draft(writer, title="Bài hẹn giờ hai", slug="bai-hen-gio-hai")
    pub_client = client_for(publisher)
    url = f"/admin/news/article/{other.pk}/change/"
    data = form_data(pub_client.get(url))
    when = timezone.localtime(later)
    data.update(status="published", published_at_0=when.strftime("%d/%m/%Y"))
    data["published_at_1"] = when.strftime("%H:%M:%S")
    assert pub_client.post(url, data).status_code == 302
    other.refresh_from_db()
    assert other.is_scheduled
    assert client.get("/tin-tuc/bai-hen-gio-hai/").status_code == 404
