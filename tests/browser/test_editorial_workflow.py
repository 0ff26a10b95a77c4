"""The editorial workflow in a real browser: a writer writes and submits, the Thư ký tòa
soạn returns it with a reason, the writer fixes and resubmits, the Thư ký approves, the
Lãnh đạo publishes, and readers see the article."""

import pytest

from news import workflow
from news.models import Article, ArticleWorkflowEvent, Category
from tests.browser.conftest import DESKTOP_UA
from tests.support.browser import admin_login

PASSWORD = "quy-trinh-duyet-2026"
TITLE = "Hội thảo ứng dụng công nghệ sinh học trong nông nghiệp"


def _staff(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, is_staff=True, first_name=username.title()
    )
    user.groups.add(workflow.ensure_editorial_groups()[group_name])
    user = django_user_model.objects.get(pk=user.pk)
    assert user.has_perm("news.add_article"), list(user.get_all_permissions())
    return user


def _session(browser, page_problems, live_server, username):
    """A browser of its own for ``username``, logged in on the admin index."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="vi-VN", user_agent=DESKTOP_UA
    )
    page = context.new_page()
    page_problems.watch(page)
    admin_login(page, live_server.url, username, PASSWORD)
    return context, page


def _queue_titles(page):
    if page.locator("#news-queue").count() == 0:
        return []
    return page.locator("#news-queue tbody th a").all_inner_texts()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_writer_reviewer_publisher_walk_an_article_onto_the_site(
    live_server, browser, page_problems, django_user_model
):
    _staff(django_user_model, "phongvien", "Phóng viên / Biên tập viên")
    _staff(django_user_model, "thuky", "Thư ký tòa soạn")
    _staff(django_user_model, "lanhdao", "Lãnh đạo")
    category = Category.objects.create(name="Tin hoạt động", slug="tin-hoat-dong")
    contexts = []
    try:
        # The writer writes: no status box, only a draft.
        context, writer = _session(browser, page_problems, live_server, "phongvien")
        contexts.append(context)
        writer.goto(f"{live_server.url}/admin/news/article/add/")
        assert writer.locator("#id_status").count() == 0
        writer.fill("#id_title", TITLE)
        writer.select_option("#id_category", str(category.pk))
        writer.fill("#id_summary", "Hội thảo giới thiệu các mô hình ứng dụng tại Cao Bằng.")
        writer.click("input[name=_continue]")
        writer.wait_for_selector("#news-workflow")
        article = Article.objects.get(title=TITLE)
        assert article.status == "draft"
        assert "publish" not in writer.locator(".news-workflow-form").evaluate_all(
            "forms => forms.map(f => f.dataset.action)"
        )
        writer.click("form[data-action=submit] button")
        writer.wait_for_selector("[data-workflow-status]:has-text('Chờ duyệt')")

        # The reviewer finds it in their queue and returns it with a reason.
        context, reviewer = _session(browser, page_problems, live_server, "thuky")
        contexts.append(context)
        assert TITLE in _queue_titles(reviewer)
        reviewer.click(f"#news-queue a:has-text('{TITLE}')")
        reviewer.wait_for_selector("#news-workflow")
        reviewer.fill("#news-return-reason", "Cần ghi rõ thời gian và địa điểm hội thảo.")
        reviewer.click("form[data-action=return] button")
        reviewer.wait_for_selector("[data-workflow-status]:has-text('Bị trả lại')")

        # The writer sees it back on their index, with the reason, fixes it and resubmits.
        writer.goto(f"{live_server.url}/admin/")
        assert TITLE in _queue_titles(writer)
        writer.click(f"#news-queue a:has-text('{TITLE}')")
        assert "Cần ghi rõ thời gian và địa điểm" in writer.inner_text("[data-return-reason]")
        writer.fill("#id_summary", "Sáng 05/12/2026, tại Hội trường Sở, hội thảo giới thiệu…")
        writer.click("input[name=_continue]")
        writer.wait_for_selector("form[data-action=submit] button")
        writer.click("form[data-action=submit] button")
        writer.wait_for_selector("[data-workflow-status]:has-text('Chờ duyệt')")

        # The reviewer approves; they have no way to publish.
        reviewer.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
        assert reviewer.locator("form[data-action=publish]").count() == 0
        assert reviewer.locator("#id_status").count() == 0
        reviewer.click("form[data-action=approve] button")
        reviewer.wait_for_selector("[data-workflow-status]:has-text('Đã duyệt, chờ đăng')")

        # Not public yet: a reader (no login) gets the 404.
        context = browser.new_context(locale="vi-VN", user_agent=DESKTOP_UA)
        contexts.append(context)
        reader = context.new_page()
        page_problems.watch(reader)
        page_problems.expect_console("404")
        reader.route("**/favicon.ico", lambda route: route.fulfill(status=204))
        assert reader.goto(f"{live_server.url}{article.get_absolute_url()}").status == 404

        # The publisher publishes from their queue.
        context, publisher = _session(browser, page_problems, live_server, "lanhdao")
        contexts.append(context)
        assert TITLE in _queue_titles(publisher)
        publisher.click(f"#news-queue a:has-text('{TITLE}')")
        publisher.click("form[data-action=publish] button")
        publisher.wait_for_selector("[data-workflow-status]:has-text('Đã đăng')")
        history = publisher.inner_text(".news-workflow-events")
        for who in ("phongvien", "thuky", "lanhdao"):
            assert who in history
        assert "Cần ghi rõ thời gian và địa điểm hội thảo." in history

        # The reader finds it on the public site.
        response = reader.goto(f"{live_server.url}{article.get_absolute_url()}")
        assert response.status == 200
        assert TITLE in reader.inner_text("h1")
        reader.goto(f"{live_server.url}/")
        assert TITLE in reader.inner_text("body")
    finally:
        for context in contexts:
            context.close()

    steps = [
        (e.from_status, e.to_status, e.actor.username)
        for e in ArticleWorkflowEvent.objects.filter(article=article)
    ]
    assert steps == [
        ("", "draft", "phongvien"),
        ("draft", "submitted", "phongvien"),
        ("submitted", "returned", "thuky"),
        ("returned", "submitted", "phongvien"),
        ("submitted", "approved", "thuky"),
        ("approved", "published", "lanhdao"),
    ]
    assert not page_problems, "problems in the browser:\n" + "\n".join(page_problems)
