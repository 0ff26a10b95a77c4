"""Widgets of the news app."""

from django import template
from django.utils.safestring import mark_safe

from news.sanitize import sanitize_html
from news.selectors import latest_articles

register = template.Library()


@register.inclusion_tag("news/widgets/latest_news.html")
def latest_news(limit=5):
    """ "Thông tin mới nhất": the newest published articles, from the cached index."""
    return {"articles": latest_articles(limit=limit)}


@register.filter
def rich_text(markup):
    """An article body, sanitized again as it is rendered.

    Every save sanitizes the body (``Article.save`` and, for raw saves such as ``loaddata``,
    the ``pre_save`` handler of ``news.signals``); a body written past both (an SQL
    restore, ``QuerySet.update``, ``bulk_create``) is still cleaned here. Pages are cached,
    so this runs once per page render, not per reader.
    """
    return mark_safe(sanitize_html(markup))  # noqa: S308 - nh3 just cleaned it
