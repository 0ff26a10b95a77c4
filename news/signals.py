"""Keep the cached article lists in step with every change of an article or category."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

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
