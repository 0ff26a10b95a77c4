"""Publish now on scheduled articles, and admin messages that say what happened."""

from datetime import timedelta

from django.contrib.messages import get_messages
from django.utils import timezone

from news.models import Article
from news.services import articles_publish

from .conftest import NO_ATTACHMENTS, NO_OLD_SLUGS


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_publishing_a_scheduled_article_brings_it_forward_to_now(make_article):
    later = timezone.now() + timedelta(days=3)
    scheduled = make_article(published_at=later)
    draft = make_article(status=Article.Status.DRAFT)
    public = make_article()
    result = articles_publish(articles=[scheduled, draft, public])
    assert (result.published, result.brought_forward, result.already_public) == (1, 1, 1)
    scheduled.refresh_from_db()
    assert scheduled.is_public()
    assert scheduled.published_at < later
    assert Article.objects.published().filter(pk=draft.pk).exists()


def test_draft_with_a_future_time_is_published_now_by_the_action(make_article):
    draft = make_article(status="draft", published_at=timezone.now() + timedelta(days=1))
    articles_publish(articles=[draft])
    draft.refresh_from_db()
    assert draft.is_public()


def test_publish_action_message_counts_published_and_already_public(staff_client, make_article):
    scheduled = make_article(published_at=timezone.now() + timedelta(hours=5))
    draft = make_article(status="draft")
    public = make_article()
    response = staff_client.post(
        "/admin/news/article/",
        {"action": "publish_selected", "_selected_action": [scheduled.pk, draft.pk, public.pk]},
        follow=True,
    )
    assert _messages(response) == [
        "Đã đăng 2 bài (1 bài đang hẹn giờ được đăng ngay, thời điểm đăng là bây giờ); "
        "1 bài đã đăng từ trước."
    ]
    assert Article.objects.published().filter(pk__in=[scheduled.pk, draft.pk]).count() == 2


def test_publish_action_on_public_articles_only_warns_that_nothing_changed(
    staff_client, make_article
):
    public = make_article()
    response = staff_client.post(
        "/admin/news/article/",
        {"action": "publish_selected", "_selected_action": [public.pk]},
        follow=True,
    )
    assert _messages(response) == [
        "Không có bài nào được đăng thêm: 1 bài đã chọn đều đã đăng từ trước."
    ]
    assert 'class="warning"' in response.content.decode()


def test_unpublish_action_says_which_were_drafts_already(staff_client, make_article):
    public = make_article()
    draft = make_article(status="draft")
    response = staff_client.post(
        "/admin/news/article/",
        {"action": "unpublish_selected", "_selected_action": [public.pk, draft.pk]},
        follow=True,
    )
    assert _messages(response) == ["Đã gỡ 1 bài về bản nháp; 1 bài vốn chưa đăng."]


def test_scheduled_article_status_box_says_scheduled_with_its_local_time(
    staff_client, make_article
):
    when = timezone.now() + timedelta(days=2)
    article = make_article(published_at=when)
    html = staff_client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    local = timezone.localtime(when).strftime("%H:%M %d/%m/%Y")
    assert f'<option value="published" selected>Hẹn giờ (đăng lúc {local})</option>' in html
    assert '<option value="published" selected>Đã đăng</option>' not in html


def test_status_filter_offers_scheduled_and_selects_only_scheduled(staff_client, make_article):
    scheduled = make_article(title="Bài hẹn giờ", published_at=timezone.now() + timedelta(days=1))
    make_article(title="Bài đã lên trang")
    response = staff_client.get("/admin/news/article/", {"status__exact": "scheduled"})
    html = response.content.decode()
    assert "Hẹn giờ" in html
    assert list(response.context["cl"].result_list) == [scheduled]
    published = staff_client.get("/admin/news/article/", {"status__exact": "published"})
    assert [a.title for a in published.context["cl"].result_list] == ["Bài đã lên trang"]


def test_saving_a_scheduled_article_says_when_it_will_show(staff_client, category):
    when = timezone.localtime(timezone.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    response = staff_client.post(
        "/admin/news/article/add/",
        {"title": "Tin hẹn giờ", "slug": "", "category": category.pk, "summary": "",
         "body": "<p>x</p>", "image_alt": "", "status": "published",
         "published_at_0": when.strftime("%d/%m/%Y"), "published_at_1": when.strftime("%H:%M:%S"),
         "byline": "", **NO_OLD_SLUGS, **NO_ATTACHMENTS},
        follow=True,
    )  # fmt: skip
    texts = _messages(response)
    assert (
        f"Bài được hẹn giờ: người đọc chưa thấy, bài tự hiện trên trang lúc {when:%H:%M %d/%m/%Y}."
        in texts
    )
    assert not any("Đã đăng" in text for text in texts)
