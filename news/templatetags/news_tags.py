from django import template

register = template.Library()


@register.inclusion_tag("news/widgets/latest_news.html")
def latest_news(limit=5):
    """ "Thông tin mới nhất": the newest published articles."""
    return {"articles": []}
