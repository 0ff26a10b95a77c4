"""The sidebar widget and the cached lists follow every change at once."""

from datetime import timedelta

from django.template import Context, Template
from django.utils import timezone

from news.models import Article, Category
from news.selectors import news_index


def render_widget():
    return Template("{% load news_tags %}{% latest_news %}").render(Context({}))


def test_widget_shows_the_five_newest_published_with_dates(make_article):
    for n in range(7):
        make_article(title=f"Tin mới {n}")
    make_article(title="Bản nháp", status="draft")
    html = render_widget()
    assert [f"Tin mới {n}" in html for n in range(7)] == [False, False] + [True] * 5
    assert "Bản nháp" not in html
    assert "Thông tin mới nhất" in html
    assert timezone.localtime(timezone.now() - timedelta(days=400)).strftime("/%Y") in html


def test_widget_updates_immediately_after_publishing_a_new_article(make_article, reader):
    make_article(title="Tin cũ")
    assert "Tin cũ" in reader.get("/").content.decode()  # the lists are now cached
    assert "Tin vừa đăng" not in render_widget()
    draft = make_article(title="Tin vừa đăng", status="draft", published_at=timezone.now())
    assert "Tin vừa đăng" not in render_widget()
    draft.status = Article.Status.PUBLISHED
    draft.save()
    assert "Tin vừa đăng" in render_widget()
    assert "Tin vừa đăng" in reader.get("/tin-tuc/").content.decode()


def test_unpublishing_or_deleting_removes_it_from_the_widget(make_article):
    article = make_article(title="Sắp gỡ")
    assert "Sắp gỡ" in render_widget()
    article.status = Article.Status.DRAFT
    article.save()
    assert "Sắp gỡ" not in render_widget()
    other = make_article(title="Sắp xóa")
    assert "Sắp xóa" in render_widget()
    other.delete()
    assert "Sắp xóa" not in render_widget()


def test_renaming_a_category_refreshes_the_lists(make_article, reader):
    category = Category.objects.create(name="Tên cũ", slug="ten")
    make_article(category=category)
    assert "Tên cũ" in reader.get("/tin-tuc/").content.decode()
    category.name = "Tên mới"
    category.save()
    assert "Tên mới" in reader.get("/tin-tuc/").content.decode()


def test_scheduled_article_appears_once_its_time_has_come(make_article):
    now = timezone.now()
    make_article(title="Đã đăng")
    scheduled = make_article(title="Hẹn giờ", published_at=now + timedelta(minutes=5))
    index = news_index(now=now)
    assert scheduled.pk not in [row.id for row in index.rows]
    assert index.valid_until == scheduled.published_at
    later = news_index(now=now + timedelta(minutes=6))
    assert later.rows[0].id == scheduled.pk


def test_list_rows_never_carry_view_counts(make_article):
    make_article()
    row = news_index().rows[0]
    assert not hasattr(row, "view_count")
