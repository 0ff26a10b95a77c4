"""Numbers `make bench` reads before and after a run (evaluated in a fresh process)."""

from django.conf import settings
from django.utils import timezone


def article_views(slug):
    """The article's stored view count, after writing what Redis holds (Redis mode)."""
    from news.models import Article
    from news.services import view_counts_flush

    view_counts_flush()
    return Article.objects.get(slug=slug).view_count


def total_visits():
    """ "Tổng lượt truy cập", after moving what Redis holds into the database."""
    from visitors.selectors import visitor_stats
    from visitors.services import stats_flush

    if settings.REDIS_URL:
        stats_flush()
    return visitor_stats(now=timezone.now())["total"]
