"""Write paths of the news app: publishing, counting views, housekeeping.

Views, admin actions and commands call these functions; they hold the rules.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.redis import LOST
from news.backends import DatabaseViewCounter, stored_count, view_counter
from news.models import Article, ArticleViewer

logger = logging.getLogger(__name__)


def article_publish(*, article, now=None):
    """Publish ``article``. A draft whose time is past is dated now; a future time is kept
    (the article stays scheduled until then)."""
    now = now or timezone.now()
    if article.status != Article.Status.PUBLISHED:
        if article.published_at is None or article.published_at < now:
            article.published_at = now
        article.status = Article.Status.PUBLISHED
        article.save()
    return article


def article_publish_now(*, article, now=None):
    """Put ``article`` on the public site now, whatever its state.

    A draft is published dated now (or kept at its past time); a scheduled article
    (published, time ahead) is brought forward to now. Returns what happened: ``"published"``,
    ``"brought_forward"`` or ``"already_public"``.
    """
    now = now or timezone.now()
    if article.status == Article.Status.PUBLISHED:
        if article.published_at <= now:
            return "already_public"
        article.published_at = now
        article.save()
        return "brought_forward"
    if article.published_at is None or article.published_at > now:
        article.published_at = now
    article_publish(article=article, now=now)
    return "published"


def article_unpublish(*, article):
    """Take ``article`` off the public site (back to draft)."""
    if article.status != Article.Status.DRAFT:
        article.status = Article.Status.DRAFT
        article.save()
    return article


@dataclass(frozen=True)
class PublishResult:
    """What ``articles_publish`` did: drafts published, scheduled ones brought forward,
    and the articles that were already on the public site (left as they were)."""

    published: int = 0
    brought_forward: int = 0
    already_public: int = 0

    @property
    def changed(self):
        return self.published + self.brought_forward


def articles_publish(*, articles, now=None):
    """ "Publish now" for several articles at once, in one transaction.

    The editor asked for these articles to be on the site: drafts are published now and
    scheduled ones are brought forward to now (an editor who wants to keep the schedule
    simply does not tick them). Returns a :class:`PublishResult`.
    """
    now = now or timezone.now()
    counts = {"published": 0, "brought_forward": 0, "already_public": 0}
    with transaction.atomic():
        for article in articles:
            counts[article_publish_now(article=article, now=now)] += 1
    return PublishResult(**counts)


def articles_unpublish(*, articles):
    """Return several articles to draft at once; returns how many changed."""
    changed = 0
    with transaction.atomic():
        for article in articles:
            if article.status != Article.Status.DRAFT:
                article_unpublish(article=article)
                changed += 1
    return changed


def article_view_count(*, article):
    """The current view count of ``article`` (the back-end's, else the stored one)."""
    counter = view_counter()
    if counter.name != DatabaseViewCounter.name:
        try:
            count = counter.count(article_id=article.pk)
            if count is not None:
                return count
        except Exception:
            logger.warning("news: Redis unavailable, reading the stored count", exc_info=True)
    count = stored_count(article.pk)
    return article.view_count if count is None else count


def article_view_guarded(*, article_id, visitor, now):
    """With Redis, the script that counts one view of the article ``article_id`` by
    ``visitor`` (``core.redis.Guarded``), for the page cache to run in the page's lookup;
    ``None`` with the database back-end. Its answer goes to ``article_view_answered``."""
    counter = view_counter()
    if counter.name == DatabaseViewCounter.name:
        return None
    return counter.guarded(article_id=article_id, visitor=visitor, now=now)


def article_view_answered(*, article, answer):
    """The number to display for ``article`` after the script of ``article_view_guarded``
    answered ``answer`` (the view counted or not, as ``article_record_view``), or ``None``
    when the view is still to be counted with ``article_record_view`` (the count had to
    be seeded first, so the script counted nothing). ``core.redis.LOST``: the script ran
    but its answer was lost; the current count is read."""
    if answer == LOST:
        return article_view_count(article=article)
    result = view_counter().answered(answer)
    if result is None:
        return None
    article.view_count = result[1]
    return result[1]


def article_record_view(*, article, visitor, now=None, fresh=False):
    """Count a view of ``article`` by ``visitor`` unless they were counted within the window.

    Returns the number to display (including this view when it counted); a view that does
    not count shows ``article.view_count``, or with ``fresh`` the current number read anew
    (``article`` may be a stand-in from a cached page). How a view is counted is the
    back-end's (``news.backends``); if Redis fails, the database counts it, so the page
    still shows a number.
    """
    now = now or timezone.now()
    counter = view_counter()
    if counter.name != DatabaseViewCounter.name:
        try:
            _counted, count = counter.record(article_id=article.pk, visitor=visitor, now=now)
            if count is not None:
                article.view_count = count
                return count
        except Exception:
            logger.warning("news: Redis unavailable, counting in the database", exc_info=True)
    counted, count = DatabaseViewCounter().record(article_id=article.pk, visitor=visitor, now=now)
    if not counted:
        if not fresh:
            return article.view_count
        return count if count is not None else article_view_count(article=article)
    if count is None:  # the article was deleted meanwhile
        return article.view_count
    article.view_count = count
    return count


def view_counts_flush():
    """Write the counts the back-end holds outside the database into
    ``Article.view_count``; returns how many (always 0 for the database back-end)."""
    return view_counter().flush()


def article_viewers_prune(*, older_than=timedelta(days=1), now=None):
    """Delete de-duplication rows whose last counted view is older than ``older_than``.

    They only matter for the dedupe window (minutes); the visitor hash rotates daily anyway.
    Returns the number of rows deleted.
    """
    cutoff = (now or timezone.now()) - older_than
    deleted, _details = ArticleViewer.objects.filter(last_counted_at__lt=cutoff).delete()
    return deleted


def article_view_count_raise(*, article, at_least):
    """Make the article's view count at least ``at_least`` (an import bringing an older
    site's count), never lowering it and never losing a view counted meanwhile; the
    back-end's live count (Redis) is raised too."""
    DatabaseViewCounter().raise_to(article_id=article.pk, at_least=at_least)
    counter = view_counter()
    if counter.name != DatabaseViewCounter.name:
        counter.raise_to(article_id=article.pk, at_least=at_least)
