"""The admin as an editor meets it: Vietnamese history page, "publish now" on a scheduled
article, search without diacritics."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import Article

# Interface words the history page used to show in English (or oddly in Vietnamese).
ENGLISH = re.compile(
    r"\b(Choose a date|Object|Status|Changed by|Change reason|Comment|Revert|History|"
    r"Date/time|Changes|published|draft|None|Home|entry|entries)\b|Bản ghi nhớ|\+00:00"
)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_history_page_has_no_english_interface_words(live_server, page, log_in_editor):
    log_in_editor(page)
    article = Article.objects.create(title="Hội nghị tổng kết", status="draft")
    article.status = "published"
    article.save()
    page.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
    page.click("a.historylink")
    page.wait_for_url(f"**/admin/news/article/{article.pk}/history/")
    text = page.inner_text("#content")
    assert "Đã đăng" in text and "Bản nháp" in text
    found = ENGLISH.findall(text)
    assert not found, f"English left on the history page: {found}\n{text}"
    breadcrumbs = page.inner_text(".breadcrumbs")
    assert "Lịch sử" in breadcrumbs and "Tin tức" in breadcrumbs


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_publish_action_puts_a_scheduled_article_online_and_says_so(
    live_server, page, log_in_editor
):
    log_in_editor(page)
    article = Article.objects.create(
        title="Thông báo hẹn giờ",
        status="published",
        published_at=timezone.now() + timedelta(days=2),
    )
    page.goto(f"{live_server.url}/admin/news/article/?status__exact=scheduled")
    assert "Hẹn giờ (đăng lúc" in page.inner_text("#result_list")
    page.check(f'input[name=_selected_action][value="{article.pk}"]')
    page.select_option("select[name=action]", "publish_selected")
    page.click("button[name=index]")
    message = page.inner_text("ul.messagelist")
    assert "Đã đăng 1 bài" in message and "hẹn giờ được đăng ngay" in message
    article.refresh_from_db()
    assert article.is_public()
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert page.inner_text("h1") == "Thông báo hẹn giờ"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_admin_search_without_diacritics_finds_the_article(live_server, page, log_in_editor):
    log_in_editor(page)
    Article.objects.create(title="Mô hình trồng lê ở Đông Khê", status="published")
    Article.objects.create(title="Hội thảo chuyển đổi số", status="published")
    page.goto(f"{live_server.url}/admin/news/article/")
    page.fill("#searchbar", "dong khe")
    page.press("#searchbar", "Enter")
    page.wait_for_url("**q=dong+khe*")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 1
    assert "Đông Khê" in rows.first.inner_text()


LONG_TITLE = (
    "Hội nghị tổng kết công tác khoa học và công nghệ năm 2026, triển khai nhiệm vụ năm 2027 "
    "của Sở Khoa học và Công nghệ tỉnh Cao Bằng"
)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_article_list_and_form_fit_a_1366px_screen(live_server, browser, log_in_editor):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    page = context.new_page()
    try:
        log_in_editor(page)
        Article.objects.create(
            title=LONG_TITLE, status="published", published_at=timezone.now(), view_count=1234
        )
        page.goto(f"{live_server.url}/admin/news/article/")
        link = page.locator("#result_list tbody .field-title a").first
        # An inline element has one client rectangle per line it spans.
        lines = link.evaluate("el => el.getClientRects().length")
        assert lines <= 3, f"a 120-character title wraps into {lines} lines"
        views = page.locator("#result_list thead th.column-view_count")
        assert views.inner_text().strip().lower() == "lượt xem"
        right = views.bounding_box()["x"] + views.bounding_box()["width"]
        assert right <= 1366, f"'Lượt xem' ends at {right}px"
        assert page.evaluate("document.documentElement.scrollWidth") <= 1366

        page.goto(f"{live_server.url}/admin/news/article/add/")
        assert page.locator("#id_title").bounding_box()["width"] >= 500
        assert page.locator("#id_slug").bounding_box()["width"] >= 500
        author = page.locator("#id_author")
        assert author.evaluate("el => el.tagName") == "SELECT"
        assert "bientap" in author.inner_text()
        text = page.inner_text("#content")
        assert "Địa chỉ cũ" not in text and "301" not in text
    finally:
        context.close()
