"""Keep the cached article lists in step with every change of an article or category."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save

from news import search
from news.models import Article, Category
from news.sanitize import sanitize_html
from news.search import article_search_text
from news.selectors import news_index_clear


def _clear_lists(**kwargs):
    # Now, for this process and a shared cache; and again at commit, in case another
    # request rebuilt the lists from the data as it was before this transaction committed.
    news_index_clear()
    transaction.on_commit(news_index_clear)


def _sanitize_body(sender, instance, raw=False, **kwargs):
    """Sanitize the body on every save, raw ones included.

    ``loaddata`` and restores save with ``raw=True``, which skips ``Article.save()`` (and
    so its sanitizing) but still sends ``pre_save``: a fixture's ``<script>`` must not reach
    a page (issue #15, finding 6). nh3 leaves an already clean body as it is.
    """
    instance.body = sanitize_html(instance.body)
    if raw:  # Article.save() did not fold the search text from the clean body either
        instance.search_text = article_search_text(instance.title, instance.summary, instance.body)


def connect():
    pre_save.connect(_sanitize_body, sender=Article, dispatch_uid="news-article-sanitize")
    for model in (Article, Category):
        post_save.connect(_clear_lists, sender=model, dispatch_uid=f"news-lists-save-{model}")
        post_delete.connect(_clear_lists, sender=model, dispatch_uid=f"news-lists-del-{model}")
    post_migrate.connect(
        search.ensure_index_after_migrate,
        sender=apps.get_app_config("news"),
        dispatch_uid="news-search-index",
    )
