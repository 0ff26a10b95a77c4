"""Article pages show the publication time, and "Cập nhật lúc" after a later edit."""

from datetime import timedelta

from django.utils import timezone

from news.models import Article


def test_edit_after_publishing_shows_updated_time(reader, make_article):
    article = make_article(title="Tin có sửa")
    Article.objects.filter(pk=article.pk).update(created_at=article.published_at)
    article.refresh_from_db()
    article.summary = "Bổ sung thông tin."
    article.save()
    html = reader.get(article.get_absolute_url()).content.decode()
    local = timezone.localtime(article.updated_at).strftime("%H:%M %d/%m/%Y")
    assert "Cập nhật lúc <time datetime=" in html
    assert f">{local}</time></span>" in html


def test_publishing_or_entering_an_old_article_is_not_an_update(reader, make_article):
    backdated = make_article(title="Tin nhập lại", published_at=timezone.now() - timedelta(days=30))
    assert backdated.updated_after_publishing is None
    fresh = make_article(title="Tin mới", published_at=timezone.now())
    fresh.save()
    assert fresh.updated_after_publishing is None
    html = reader.get(backdated.get_absolute_url()).content.decode()
    assert "Cập nhật lúc" not in html
