"""The editorial workflow: a writer cannot publish by any path; each step names its actor.

Writers (Phóng viên / Biên tập viên) write and submit, the Thư ký tòa soạn approves or
returns with a reason, the Lãnh đạo publishes; the groups come from migration 0007.
"""

import threading

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.utils import timezone

from news import workflow
from news.models import Article, ArticleWorkflowEvent, Category
from tests.news.conftest import BROWSER_UA

WRITERS, REVIEWERS, PUBLISHERS = "Phóng viên / Biên tập viên", "Thư ký tòa soạn", "Lãnh đạo"

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(django_user_model):
    # A transactional test elsewhere may have flushed the migration's groups: make them again.
    workflow.ensure_editorial_groups()

    def make(group_name, username):
        user = django_user_model.objects.create_user(
            username=username, password="x-secret-123", is_staff=True, first_name=username
        )
        user.groups.add(Group.objects.get(name=group_name))
        return django_user_model.objects.get(pk=user.pk)  # fresh permission cache

    return make


@pytest.fixture
def writer(member):
    return member(WRITERS, "phongvien")


@pytest.fixture
def reviewer(member):
    return member(REVIEWERS, "thuky")


@pytest.fixture
def publisher(member):
    return member(PUBLISHERS, "lanhdao")


def client_for(user):
    client = Client(HTTP_USER_AGENT=BROWSER_UA)
    client.force_login(user)
    return client


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def form_data(response):
    """The change (or revert) form as the browser would send it back."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name == "published_at":
            when = timezone.localtime(value) if hasattr(value, "tzinfo") else value
            data["published_at_0"] = when.strftime("%d/%m/%Y")
            data["published_at_1"] = when.strftime("%H:%M:%S")
        elif name == "image" or value is None:
            continue
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = value
    for prefix in ("attachments", "old_slugs"):
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    return data


def resend_form(client, url, **changes):
    """GET the change (or revert) form at ``url`` and POST it back with ``changes``."""
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def own_draft(writer, **fields):
    fields.setdefault("title", "Bài của phóng viên")
    fields.setdefault("body", "<p>Nội dung.</p>")
    return Article.objects.create(author=writer, status=Article.Status.DRAFT, **fields)


# --- groups -------------------------------------------------------------------------------


def test_the_migration_makes_the_three_groups_with_their_permissions():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("news.migrations.0007_editorial_workflow")
    frozen = {name: set(perms) for name, perms in migration.EDITORIAL_GROUPS.items()}
    assert frozen == {name: set(perms) for name, perms in workflow.EDITORIAL_GROUPS.items()}
    Group.objects.all().delete()
    migration.create_editorial_groups(apps, None)

    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert {"add_article", "change_article", "submit_article"} <= codenames(WRITERS)
    assert not {"review_article", "publish_article", "delete_article"} & codenames(WRITERS)
    assert "review_article" in codenames(REVIEWERS)
    assert "publish_article" not in codenames(REVIEWERS)
    assert {"review_article", "publish_article"} <= codenames(PUBLISHERS)


# --- the whole path, recorded -------------------------------------------------------------


def test_each_step_is_recorded_with_its_actor_and_reason(writer, reviewer, publisher):
    article = own_draft(writer)
    workflow.transition(article, "submit", writer)
    workflow.transition(article, "return", reviewer, reason="Thiếu nguồn tin.")
    assert article.status == "returned" and article.return_reason == "Thiếu nguồn tin."
    workflow.transition(article, "submit", writer)
    workflow.transition(article, "approve", reviewer)
    workflow.transition(article, "publish", publisher)
    article.refresh_from_db()
    assert article.is_public()
    assert Article.objects.published().filter(pk=article.pk).exists()
    steps = [
        (e.from_status, e.to_status, e.actor.username, e.reason)
        for e in ArticleWorkflowEvent.objects.filter(article=article)
    ]
    assert steps == [
        ("draft", "submitted", "phongvien", ""),
        ("submitted", "returned", "thuky", "Thiếu nguồn tin."),
        ("returned", "submitted", "phongvien", ""),
        ("submitted", "approved", "thuky", ""),
        ("approved", "published", "lanhdao", ""),
    ]


def test_a_return_needs_a_reason(writer, reviewer):
    article = own_draft(writer)
    workflow.transition(article, "submit", writer)
    with pytest.raises(ValidationError, match="lý do trả lại"):
        workflow.transition(article, "return", reviewer, reason="   ")
    article.refresh_from_db()
    assert article.status == "submitted"


def test_steps_out_of_order_and_without_the_right_are_refused(writer, reviewer, member):
    article = own_draft(writer)
    with pytest.raises(ValidationError):
        workflow.transition(article, "approve", reviewer)  # not submitted yet
    with pytest.raises(PermissionDenied):
        workflow.transition(article, "publish", writer)
    with pytest.raises(PermissionDenied):
        workflow.transition(article, "publish", reviewer)
    other_writer = member(WRITERS, "phongvien2")
    with pytest.raises(PermissionDenied, match="của chính mình"):
        workflow.transition(article, "submit", other_writer)
    workflow.transition(article, "submit", writer)
    with pytest.raises(PermissionDenied):
        workflow.transition(article, "approve", writer)
    assert ArticleWorkflowEvent.objects.filter(article=article).count() == 1


def test_only_the_categorys_publishers_publish_in_it(writer, reviewer, publisher, member):
    chief = member(PUBLISHERS, "lanhdao-chuyenmuc")
    category = Category.objects.create(name="Chuyển đổi số", slug="chuyen-doi-so")
    category.publishers.add(chief)
    article = own_draft(writer, category=category)
    workflow.transition(article, "submit", writer)
    workflow.transition(article, "approve", reviewer)
    with pytest.raises(PermissionDenied, match="Chuyển đổi số"):
        workflow.transition(article, "publish", publisher)
    assert Article.objects.get(pk=article.pk).status == "approved"
    workflow.transition(article, "publish", chief)
    assert Article.objects.get(pk=article.pk).status == "published"
    with pytest.raises(PermissionDenied):
        workflow.transition(article, "unpublish", publisher)


# --- a writer cannot publish by any path --------------------------------------------------


def test_writer_cannot_publish_through_the_status_field_of_the_add_form(writer, category):
    client = client_for(writer)
    page = client.get("/admin/news/article/add/")
    assert "status" not in page.context["adminform"].form.fields
    data = form_data(page)
    data.update({"title": "Tin tự đăng", "category": category.pk, "status": "published"})
    response = client.post("/admin/news/article/add/", data)
    assert response.status_code == 302
    article = Article.objects.get(title="Tin tự đăng")
    assert article.status == "draft" and article.author == writer
    assert not Article.objects.published().exists()
    event = ArticleWorkflowEvent.objects.get(article=article)
    assert (event.from_status, event.to_status, event.actor) == ("", "draft", writer)


def test_writer_cannot_publish_through_the_status_field_of_the_change_form(writer):
    article = own_draft(writer)
    client = client_for(writer)
    url = f"/admin/news/article/{article.pk}/change/"
    response = resend_form(client, url, title="Đã sửa", status="published")
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == ("Đã sửa", "draft")


def test_writer_cannot_publish_through_the_admin_actions(writer, make_article):
    article = own_draft(writer)
    scheduled = make_article(
        author=writer, published_at=timezone.now() + timezone.timedelta(days=2)
    )
    client = client_for(writer)
    for action in ("publish_selected", "unpublish_selected", "approve_selected"):
        response = client.post(
            "/admin/news/article/",
            {"action": action, "_selected_action": [article.pk, scheduled.pk]},
        )
        assert response.status_code in (200, 302)
    article.refresh_from_db()
    scheduled.refresh_from_db()
    assert article.status == "draft"
    assert scheduled.is_scheduled  # not brought forward
    page = client.get("/admin/news/article/").content.decode()
    assert "publish_selected" not in page and "submit_selected" in page


def test_writer_cannot_publish_through_the_workflow_buttons(writer, reviewer):
    article = own_draft(writer)
    client = client_for(writer)
    page = client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert 'data-action="submit"' in page and 'data-action="publish"' not in page
    response = client.post(f"/admin/news/article/{article.pk}/workflow/publish/", follow=True)
    assert response.status_code == 200
    assert "Chỉ Lãnh đạo" in " ".join(messages_of(response))
    workflow.transition(article, "submit", writer)
    workflow.transition(article, "approve", reviewer)
    client.post(f"/admin/news/article/{article.pk}/workflow/publish/")
    article.refresh_from_db()
    assert article.status == "approved"
    assert client.get(f"/admin/news/article/{article.pk}/workflow/publish/").status_code == 405


def test_writer_cannot_publish_by_reverting_to_a_published_version(writer, publisher):
    article = own_draft(writer, title="Bản đã đăng")
    workflow.transition(article, "publish", publisher)
    workflow.transition(article, "return", publisher, reason="Sai số liệu, gỡ để sửa.")
    article.refresh_from_db()
    article.title = "Bản đang sửa"
    article.save()
    published_version = article.history.filter(status="published").earliest()
    client = client_for(writer)
    url = f"/admin/news/article/{article.pk}/history/{published_version.history_id}/"
    response = resend_form(client, url, status="published")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Bản đã đăng"  # the text came back...
    assert article.status == "returned"  # ...the workflow state did not
    assert article.return_reason == "Sai số liệu, gỡ để sửa."
    assert not Article.objects.published().exists()


def test_nobody_reverts_an_article_they_may_not_edit(writer, publisher, make_article):
    article = make_article(title="Bài đã đăng của người khác")
    article.title = "Sửa lần hai"
    article.save()
    first = article.history.earliest()
    url = f"/admin/news/article/{article.pk}/history/{first.history_id}/"
    response = client_for(writer).post(url, {"title": "Ghi đè"}, follow=True)
    assert response.status_code == 200
    assert "không có quyền khôi phục" in " ".join(messages_of(response))
    article.refresh_from_db()
    assert article.title == "Sửa lần hai"


def test_a_publisher_reverting_keeps_the_current_status(publisher, make_article):
    article = make_article(title="Lần một", status=Article.Status.DRAFT)
    article.title = "Lần hai"
    article.save()
    workflow.transition(article, "publish", publisher)
    draft_version = article.history.filter(status="draft").earliest()
    client = client_for(publisher)
    url = f"/admin/news/article/{article.pk}/history/{draft_version.history_id}/"
    data = form_data(client.get(url))
    assert data["status"] == "draft"  # the old version's status is in the form...
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == ("Lần một", "published")  # ...and ignored


def test_writer_edits_only_their_own_drafts_and_returned_articles(writer, member, make_article):
    other = own_draft(member(WRITERS, "phongvien2"), title="Bài người khác")
    mine = own_draft(writer)
    public = make_article(author=writer)
    client = client_for(writer)
    for article in (other, public):
        url = f"/admin/news/article/{article.pk}/change/"
        page = client.get(url)
        assert page.status_code == 200  # may read it...
        assert not page.context["has_change_permission"]
        data = {"title": "Ghi đè", "attachments-TOTAL_FORMS": "0"}
        assert client.post(url, data).status_code == 403  # ...not change it
        article.refresh_from_db()
        assert article.title != "Ghi đè"
    assert client.get(f"/admin/news/article/{mine.pk}/change/").context["has_change_permission"]
    workflow.transition(mine, "submit", writer)
    page = client.get(f"/admin/news/article/{mine.pk}/change/")
    assert not page.context["has_change_permission"]  # submitted: out of the writer's hands


def test_a_reviewer_cannot_publish_but_a_publisher_can_from_the_form(reviewer, publisher):
    article = Article.objects.create(title="Bài chờ đăng", status=Article.Status.APPROVED)
    url = f"/admin/news/article/{article.pk}/change/"
    client = client_for(reviewer)
    assert "status" not in client.get(url).context["adminform"].form.fields
    resend_form(client, url, status="published")
    article.refresh_from_db()
    assert article.status == "approved"

    client = client_for(publisher)
    data = form_data(client.get(url))
    data["status"] = "returned"
    response = client.post(url, data)
    assert response.status_code == 200  # a return needs its reason: the button
    assert "nút “Trả lại”" in str(response.context["adminform"].form.errors)
    data["status"] = "published"
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.status == "published"
    event = ArticleWorkflowEvent.objects.get(article=article)
    assert (event.from_status, event.to_status, event.actor) == ("approved", "published", publisher)


def test_publisher_form_status_respects_category_publishers(publisher, member):
    category = Category.objects.create(name="Sở hữu trí tuệ", slug="so-huu-tri-tue")
    category.publishers.add(member(PUBLISHERS, "lanhdao2"))
    article = Article.objects.create(
        title="Bài sở hữu trí tuệ", status=Article.Status.APPROVED, category=category
    )
    client = client_for(publisher)
    url = f"/admin/news/article/{article.pk}/change/"
    response = resend_form(client, url, status="published")
    assert response.status_code == 200
    assert "Sở hữu trí tuệ" in str(response.context["adminform"].form.errors)
    article.refresh_from_db()
    assert article.status == "approved"


def test_return_button_records_the_reason_and_shows_it_to_the_writer(writer, reviewer):
    article = own_draft(writer)
    workflow.transition(article, "submit", writer)
    client = client_for(reviewer)
    url = f"/admin/news/article/{article.pk}/workflow/return/"
    response = client.post(url, {"reason": ""}, follow=True)
    assert "lý do trả lại" in " ".join(messages_of(response))
    client.post(url, {"reason": "Ảnh chưa có chú thích."})
    article.refresh_from_db()
    assert (article.status, article.return_reason) == ("returned", "Ảnh chưa có chú thích.")
    page = client_for(writer).get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert "Lý do trả lại: Ảnh chưa có chú thích." in page
    assert "Lịch sử duyệt bài" in page and "thuky" in page


# --- the queue on the admin index ---------------------------------------------------------


def test_admin_index_shows_each_user_what_waits_for_them(
    writer, reviewer, publisher, django_assert_max_num_queries
):
    submitted = own_draft(writer, title="Bài đang chờ duyệt")
    workflow.transition(submitted, "submit", writer)
    approved = own_draft(writer, title="Bài đã duyệt xong")
    workflow.transition(approved, "submit", writer)
    workflow.transition(approved, "approve", reviewer)
    returned = own_draft(writer, title="Bài bị trả về")
    workflow.transition(returned, "submit", writer)
    workflow.transition(returned, "return", reviewer, reason="Sửa tiêu đề.")

    def queue(user):
        html = client_for(user).get("/admin/").content.decode()
        assert "Bài chờ duyệt" in html
        block = html[html.index('id="news-queue"') :]
        block = block[: block.index("</div>")]
        return {t for t in (submitted.title, approved.title, returned.title) if t in block}

    assert queue(reviewer) == {submitted.title}
    assert queue(publisher) == {submitted.title, approved.title}  # publishers review too
    assert queue(writer) == {returned.title}


def test_queue_is_one_query_however_many_articles_wait(reviewer, writer):
    from django.db import connection as db_connection
    from django.test.utils import CaptureQueriesContext

    from news.templatetags.news_admin_tags import queue_filter

    for number in range(8):
        article = own_draft(writer, title=f"Bài số {number}")
        workflow.transition(article, "submit", writer)
    client = client_for(reviewer)
    with CaptureQueriesContext(db_connection) as queries:
        client.get("/admin/")
    article_queries = [q for q in queries.captured_queries if '"news_article"' in q["sql"]]
    assert len(article_queries) == 1, [q["sql"] for q in article_queries]
    assert Article.objects.filter(queue_filter(reviewer)).count() == 8


# --- the API only reads, and only published articles ---------------------------------------


def test_the_api_cannot_write_and_shows_only_published_articles(writer, publisher, client):
    states = {}
    for status in ("draft", "submitted", "approved", "returned"):
        states[status] = Article.objects.create(title=f"Bài {status}", status=status)
    shown = own_draft(writer, title="Bài đã đăng qua quy trình")
    workflow.transition(shown, "publish", publisher)
    rows = client.get("/api/v1/articles/").json()["results"]
    assert [row["title"] for row in rows] == ["Bài đã đăng qua quy trình"]
    writer_client = client_for(writer)
    for method in ("post", "put", "patch", "delete"):
        response = getattr(writer_client, method)(
            f"/api/v1/articles/{states['approved'].pk}/",
            data={"status": "published"},
            content_type="application/json",
        )
        assert response.status_code in (403, 404, 405), (method, response.status_code)
    response = writer_client.post(
        "/api/v1/articles/",
        data={"title": "x", "status": "published"},
        content_type="application/json",
    )
    assert response.status_code in (403, 405)
    assert Article.objects.get(pk=states["approved"].pk).status == "approved"
    for article in states.values():
        assert client.get(article.get_absolute_url()).status_code == 404


# --- concurrency ----------------------------------------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_reviewers_approving_at_once_make_one_step(writer, reviewer, member):
    second = member(REVIEWERS, "thuky2")
    article = own_draft(writer)
    workflow.transition(article, "submit", writer)
    barrier, outcomes = threading.Barrier(2), []

    def act(user, action, reason):
        from django.db import connections

        barrier.wait()
        try:
            workflow.transition(Article.objects.get(pk=article.pk), action, user, reason=reason)
            outcomes.append("ok")
        except (ValidationError, PermissionDenied):
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=act, args=(reviewer, "approve", "")),
        threading.Thread(target=act, args=(second, "approve", "")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert ArticleWorkflowEvent.objects.filter(article=article).count() == 2


# --- demo accounts --------------------------------------------------------------------------


def test_loaddemo_gives_one_demo_account_per_group_once(django_user_model):
    from news import demo

    Group.objects.all().delete()  # made again when missing
    demo.load_editorial_users()
    demo.load_editorial_users()
    for username, _name, group_name in demo.DEMO_EDITORIAL_USERS:
        user = django_user_model.objects.get(username=username)
        assert user.is_staff and not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [group_name]
        assert user.check_password(demo.DEMO_EDITORIAL_PASSWORD)
    assert django_user_model.objects.filter(username__startswith="demo-").count() == 3
    publisher = django_user_model.objects.get(username="demo-lanhdao")
    assert publisher.has_perm("news.publish_article")
    assert not django_user_model.objects.get(username="demo-phongvien").has_perm(
        "news.publish_article"
    )
