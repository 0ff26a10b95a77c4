"""The admin in Vietnamese: the project's catalogue (locale/vi) and the history pages."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from .conftest import NO_OLD_SLUGS

ENGLISH_LEFTOVERS = [
    "Please correct",
    "Show counts",
    "Choose a date",
    "Revert",
    "Changed by",
    "Change reason",
    ">Object<",
    ">status<",
    ">published<",
    "None",
    "+00:00",
    "Bản ghi nhớ",
    "Thêm vào bài viết",
    "Hoạt động:",
    "Bởi trạng thái",
]


def _visible(html):
    """The page's text and attribute values a person sees (no scripts, no class names)."""
    html = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    return html


def test_changelist_reads_vietnamese(staff_client, make_article):
    make_article()
    html = staff_client.get("/admin/news/article/").content.decode()
    assert "Thao tác:" in html
    assert "Theo trạng thái" in html
    assert "Hiện số lượng" in html
    assert "Thêm bài viết" in html
    for english in ["Show counts", "Hoạt động:", "Bởi trạng thái", "Thêm vào bài viết"]:
        assert english not in html


def test_change_form_error_and_history_button_read_vietnamese(staff_client, make_article):
    article = make_article()
    html = staff_client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    assert ">Lịch sử</a>" in html and "Bản ghi nhớ" not in html
    response = staff_client.post(
        "/admin/news/article/add/", {"title": "", "status": "published", **NO_OLD_SLUGS}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vui lòng sửa các lỗi được đánh dấu bên dưới." in html
    assert "Please correct" not in html


@pytest.fixture
def edited_article(make_article, staff):
    when = datetime(2026, 3, 2, 8, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    article = make_article(title="Bản tin tháng ba", status="draft", published_at=when)
    article.status = "published"
    article.published_at = when.replace(hour=9)
    article.save()
    return article


def test_history_page_shows_labels_and_local_times(staff_client, edited_article):
    html = staff_client.get(f"/admin/news/article/{edited_article.pk}/history/").content.decode()
    assert "Chọn một thời điểm trong danh sách" in html
    assert ">Trạng thái</th>" in html and ">Thời điểm đăng</th>" in html
    assert "<td>Đã đăng</td>" in html and "<td>Bản nháp</td>" in html
    assert "<td>09:30 02/03/2026</td>" in html
    assert "Bản nháp&nbsp;&rarr;&nbsp;&nbsp;Đã đăng" in html
    assert "08:30 02/03/2026&nbsp;&rarr;&nbsp;&nbsp;09:30 02/03/2026" in html
    local_now = timezone.localtime().strftime("%d/%m/%Y")
    assert local_now in html  # the record's own time, local
    for english in ENGLISH_LEFTOVERS:
        assert english not in _visible(html), english


def test_revert_page_reads_vietnamese(staff_client, edited_article):
    first = edited_article.history.earliest()
    html = staff_client.get(
        f"/admin/news/article/{edited_article.pk}/history/{first.history_id}/"
    ).content.decode()
    assert 'value="Khôi phục"' in html
    assert "Bấm nút “Khôi phục”" in html
    assert "Tin tức</a>" in html  # the app's name, not "News"
    assert "Revert" not in _visible(html)


def test_filter_horizontal_and_calendar_texts_are_translated(staff_client):
    script = staff_client.get("/admin/jsi18n/").content.decode()
    assert "Ch\\u1ecdn t\\u1ea5t c\\u1ea3 %s" in script or "Chọn tất cả %s" in script
    assert "Th\\u1ee9 Hai" in script or "Thứ Hai" in script


def test_admin_index_names_the_axes_section_and_its_models_in_vietnamese(staff_client):
    html = staff_client.get("/admin/").content.decode()
    assert "Đăng nhập sai và tạm khóa" in html
    assert ">Axes<" not in html and "Access attempts" not in html
