"""/van-ban/du-thao/: drafts for comment, their open period and the throttled comment form."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from documents.models import DraftComment, DraftDocument

pytestmark = pytest.mark.django_db


def make_draft(title, start_offset, end_offset, **extra):
    today = timezone.localdate()
    return DraftDocument.objects.create(
        title=title,
        kind="quyet-dinh",
        drafting_body="Sở Khoa học và Công nghệ",
        comment_from=today + datetime.timedelta(days=start_offset),
        comment_until=today + datetime.timedelta(days=end_offset),
        **extra,
    )


@pytest.fixture
def drafts():
    open_ = make_draft("Dự thảo quy chế quản lý nhiệm vụ khoa học", -5, 10)
    closed = make_draft("Dự thảo quy định đo lường đã đóng", -40, -10)
    future = make_draft("Dự thảo sắp lấy ý kiến", 3, 20)
    hidden = make_draft("Dự thảo nội bộ", -5, 10, is_public=False)
    return open_, closed, future, hidden


COMMENT = {"name": "Nguyễn Văn An", "email": "an@example.vn", "body": "Đề nghị sửa Điều 3."}


def test_list_shows_open_and_closed_drafts_with_their_periods(client, drafts):
    open_, closed, future, hidden = drafts
    html = client.get("/van-ban/du-thao/").content.decode()
    open_part, closed_part = html.split("Đã hết thời gian lấy ý kiến")
    assert open_.title in open_part
    assert closed.title in closed_part and closed.title not in open_part
    assert future.title not in html
    assert hidden.title not in html
    assert open_.comment_from.strftime("%d/%m/%Y") in open_part


def test_hidden_draft_answers_404(client, drafts):
    assert client.get(drafts[3].get_absolute_url()).status_code == 404


def test_comment_is_stored_for_staff_and_never_shown(drafts):
    client = Client(enforce_csrf_checks=True)
    draft = drafts[0]
    page = client.get(draft.get_absolute_url())
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()
    token = page.cookies["csrftoken"].value
    response = client.post(
        draft.get_absolute_url(), {**COMMENT, "csrfmiddlewaretoken": token}, follow=True
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cảm ơn bạn đã góp ý" in html
    comment = DraftComment.objects.get()
    assert (comment.draft, comment.name, comment.email) == (
        draft,
        COMMENT["name"],
        COMMENT["email"],
    )
    assert COMMENT["body"] not in Client().get(draft.get_absolute_url()).content.decode()


def test_comment_without_csrf_token_is_refused(drafts):
    response = Client(enforce_csrf_checks=True).post(drafts[0].get_absolute_url(), COMMENT)
    assert response.status_code == 403
    assert not DraftComment.objects.exists()


@pytest.mark.parametrize("index,message", [(1, "Đã hết thời gian lấy ý kiến"), (2, "chưa đến")])
def test_comment_outside_the_open_period_is_refused(client, drafts, index, message):
    response = client.post(drafts[index].get_absolute_url(), COMMENT)
    assert response.status_code == 403
    assert message in response.content.decode()
    assert not DraftComment.objects.exists()


@pytest.mark.parametrize(
    "data,message",
    [
        ({**COMMENT, "name": ""}, "Vui lòng nhập họ và tên."),
        ({**COMMENT, "email": "khong-phai-email"}, "Thư điện tử không hợp lệ."),
        ({**COMMENT, "body": ""}, "Vui lòng nhập nội dung góp ý."),
        ({**COMMENT, "body": "x" * 5001}, "tối đa 5000 ký tự"),
    ],
)
def test_invalid_comment_gets_a_vietnamese_message_and_400(client, drafts, data, message):
    response = client.post(drafts[0].get_absolute_url(), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DraftComment.objects.exists()


def test_comments_are_throttled_per_client_address(client, drafts, settings):
    settings.DRAFT_COMMENTS_PER_HOUR = 5
    url = drafts[0].get_absolute_url()
    for _ in range(5):
        assert client.post(url, COMMENT, REMOTE_ADDR="203.0.113.7").status_code == 302
    refused = client.post(url, COMMENT, REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert "quá nhiều góp ý" in refused.content.decode()
    assert client.post(url, COMMENT, REMOTE_ADDR="203.0.113.8").status_code == 302
    assert DraftComment.objects.count() == 6


def test_a_readers_entered_values_are_not_served_to_the_next_reader(drafts):
    url = drafts[0].get_absolute_url()
    Client().post(url, {**COMMENT, "email": "sai-email-rieng"})
    html = Client().get(url).content.decode()
    assert "sai-email-rieng" not in html
    assert "Thư điện tử không hợp lệ" not in html


def test_period_end_before_start_is_refused():
    from django.core.exceptions import ValidationError

    draft = DraftDocument(
        title="x",
        kind="quyet-dinh",
        drafting_body="Sở",
        comment_from=datetime.date(2026, 5, 2),
        comment_until=datetime.date(2026, 5, 1),
    )
    with pytest.raises(ValidationError, match="không được trước ngày bắt đầu"):
        draft.full_clean()


def test_admin_lists_comments_read_only(admin_client, drafts):
    DraftComment.objects.create(draft=drafts[0], **COMMENT)
    html = admin_client.get("/admin/documents/draftcomment/").content.decode()
    assert "Nguyễn Văn An" in html
    assert admin_client.get("/admin/documents/draftcomment/add/").status_code == 403


def test_sitemap_lists_public_drafts_and_the_draft_list(client, drafts):
    from tests.awards.conftest import sitemap_text

    xml = sitemap_text(client)
    assert "/van-ban/du-thao/</loc>" in xml
    assert f"{drafts[0].get_absolute_url()}</loc>" in xml
    assert f"{drafts[3].get_absolute_url()}</loc>" not in xml
