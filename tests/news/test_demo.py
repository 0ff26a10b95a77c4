"""Demo content: the seed article exactly, plenty of news, idempotent."""

from datetime import datetime
from zoneinfo import ZoneInfo

from news import demo, selectors
from news.models import Article, ArticleMonthlyViews, Category, view_month


def test_demo_loads_the_seed_article_and_is_idempotent(db, media_root):
    demo.load()
    seed = Article.objects.get(title=demo.SEED_TITLE)
    assert seed.published_at == datetime(2017, 9, 8, 15, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert seed.byline == "HN"
    assert seed.view_count == 701
    assert seed.body.count("<p>") == 6
    assert seed.body.startswith("<p>Ngày 08/9/2017, Sở Khoa học và Công nghệ tổ chức Hội nghị")
    assert seed.body.endswith("thúc đẩy phong trào thi đua ngày càng hiệu quả.</p>")
    assert Article.objects.published().count() >= 31
    assert Category.objects.count() == 6
    assert Article.objects.exclude(image="").count() >= 3
    assert Article.objects.filter(is_featured=True).exists()
    years = {d.year for d in Article.objects.values_list("published_at", flat=True)}
    assert min(years) == 2017 and max(years) == 2026

    Article.objects.filter(pk=seed.pk).update(view_count=900)
    counts = (Article.objects.count(), Category.objects.count(), Article.history.count())
    demo.load()
    assert (Article.objects.count(), Category.objects.count(), Article.history.count()) == counts
    seed.refresh_from_db()
    assert seed.view_count == 900


def test_demo_articles_do_not_repeat_their_summary_as_first_paragraph(db, media_root):
    from core.text import html_to_text

    demo.load()
    for article in Article.objects.exclude(summary=""):
        first = html_to_text(article.body.split("</p>", 1)[0])
        assert first != article.summary, article.title


def test_demo_articles_have_views_in_the_last_three_months(db, media_root):
    from django.utils import timezone

    demo.load()
    seed = Article.objects.get(title=demo.SEED_TITLE)
    this_month = view_month(timezone.now())
    months = sorted(
        ArticleMonthlyViews.objects.filter(article=seed).values_list("month", flat=True)
    )
    assert len(months) == 3 and months[-1] == this_month
    assert all(month.day == 1 for month in months)
    # Never more in the months than in the article's count.
    for article in Article.objects.all():
        views = ArticleMonthlyViews.objects.filter(article=article).values_list("views", flat=True)
        assert sum(views) <= article.view_count
    # The staff report's "most viewed in a month" has rows, the most viewed article first.
    top = selectors.most_viewed_in_month(month=this_month)
    assert len(top) == 20
    shown = [article.month_views for article in top]
    assert shown == sorted(shown, reverse=True) and shown[0] > 0
    assert all(a.month_views == int(a.view_count * demo.MONTH_SHARES[0]) for a in top)
    # Running it again keeps what is there (counted views are never lowered).
    ArticleMonthlyViews.objects.filter(article=seed, month=this_month).update(views=500)
    demo.load()
    assert ArticleMonthlyViews.objects.get(article=seed, month=this_month).views == 500
    assert ArticleMonthlyViews.objects.filter(article=seed).count() == 3
