"""Widgets of the news app."""

from django import template

from news.selectors import latest_articles

register = template.Library()


@register.inclusion_tag("news/widgets/latest_news.html")
def latest_news(limit=5):
    """ "Thông tin mới nhất": the newest published articles, from the cached index."""
    return {"articles": latest_articles(limit=limit)}
