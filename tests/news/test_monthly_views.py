"""Views per article per month (``ArticleMonthlyViews``): counted with the article's own
counter, by the same counted views, in the site's month (Asia/Ho_Chi_Minh), exact.

The rules run against both counting back-ends (``backend``); in Redis mode the months'
counts reach the database with the flush, as the totals do."""

from datetime import UTC, date, datetime, timedelta

from django.utils import timezone

from news import conf as news_conf
from news.models import Article, ArticleMonthlyViews, view_month
from news.services import article_record_view, article_view_count, view_counts_flush


def month_views(article, month):
    """The article's stored views of ``month`` after a flush (0 without a row)."""
    view_counts_flush()
    row = ArticleMonthlyViews.objects.filter(article=article, month=month).first()
    return 0 if row is None else row.views


def test_view_month_is_the_local_month():
    # 23:30 UTC on 31/10 is 06:30 on 01/11 in Hồ Chí Minh: November.
    assert view_month(datetime(2025, 10, 31, 23, 30, tzinfo=UTC)) == date(2025, 11, 1)
    assert view_month(datetime(2025, 10, 31, 16, 59, tzinfo=UTC)) == date(2025, 10, 1)
    assert view_month(datetime(2025, 10, 31, 17, 0, tzinfo=UTC)) == date(2025, 11, 1)


def test_counted_views_add_to_the_month_and_repeats_do_not(backend, make_article):
    article = make_article(view_count=500)  # an imported total has no months
    now = timezone.now()
    article_record_view(article=article, visitor="a", now=now)
    article_record_view(article=article, visitor="a", now=now + timedelta(minutes=5))  # not counted
    article_record_view(article=article, visitor="b", now=now)
    assert article_view_count(article=article) == 502
    assert month_views(article, view_month(now)) == 2
    assert ArticleMonthlyViews.objects.filter(article=article).count() == 1


def test_a_view_at_2330_utc_on_the_last_day_counts_in_the_next_local_month(backend, make_article):
    article = make_article()
    october_evening = datetime(2025, 10, 31, 16, 0, tzinfo=UTC)  # 23:00 in Hồ Chí Minh
    late = datetime(2025, 10, 31, 23, 30, tzinfo=UTC)  # 06:30 on 01/11 in Hồ Chí Minh
    article_record_view(article=article, visitor="a", now=october_evening)
    article_record_view(article=article, visitor="b", now=late)
    article_record_view(article=article, visitor="c", now=late + timedelta(seconds=1))
    assert month_views(article, date(2025, 10, 1)) == 1
    assert month_views(article, date(2025, 11, 1)) == 2
    assert article_view_count(article=article) == 3


def test_the_flush_is_idempotent_and_never_lowers_a_month(redis_mode, make_article):
    article = make_article()
    now = timezone.now()
    month = view_month(now)
    for visitor in "abc":
        article_record_view(article=article, visitor=visitor, now=now)
    assert not ArticleMonthlyViews.objects.filter(article=article).exists()  # not yet flushed
    assert month_views(article, month) == 3
    assert month_views(article, month) == 3  # flushing again changes nothing
    # A higher stored number (e.g. counted in the database while Redis was down) stays.
    ArticleMonthlyViews.objects.filter(article=article, month=month).update(views=10)
    article_record_view(article=article, visitor="d", now=now)
    assert month_views(article, month) == 10


def test_a_month_lost_by_redis_is_seeded_from_the_database(redis_mode, make_article):
    article = make_article()
    now = timezone.now()
    month = view_month(now)
    article_record_view(article=article, visitor="a", now=now)
    article_record_view(article=article, visitor="b", now=now)
    assert month_views(article, month) == 2
    for key in redis_mode.scan_iter(match=f"{news_conf.redis_prefix()}month:*"):
        redis_mode.delete(key)  # Redis restarted without its data
    article_record_view(article=article, visitor="c", now=now)
    assert month_views(article, month) == 3


def test_the_flush_skips_an_article_deleted_meanwhile(redis_mode, make_article):
    article = make_article()
    now = timezone.now()
    article_record_view(article=article, visitor="a", now=now)
    Article.objects.filter(pk=article.pk).delete()
    view_counts_flush()
    assert not ArticleMonthlyViews.objects.exists()


def test_database_mode_writes_the_month_with_the_count(make_article, settings):
    settings.NEWS_USE_REDIS = False
    article = make_article(view_count=5)
    now = timezone.now()
    assert article_record_view(article=article, visitor="a", now=now) == 6
    row = ArticleMonthlyViews.objects.get(article=article)
    assert (row.month, row.views) == (view_month(now), 1)
