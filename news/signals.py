"""Keep the cached article lists in step with every change of an article or category."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save

from news import search
from news.models import Article, Category
from news.selectors import news_index_clear


def _clear_lists(**kwargs):
    # Now, for this process and a shared cache; and again at commit, in case another
    # request rebuilt the lists from the data as it was before this transaction committed.
    news_index_clear()
    transaction.on_commit(news_index_clear)


def connect():
    for model in (Article, Category):
        post_save.connect(_clear_lists, sender=model, dispatch_uid=f"news-lists-save-{model}")
        post_delete.connect(_clear_lists, sender=model, dispatch_uid=f"news-lists-del-{model}")
    post_migrate.connect(
        search.ensure_index_after_migrate,
        sender=apps.get_app_config("news"),
        dispatch_uid="news-search-index",
    )
