from django import template

register = template.Library()


@register.inclusion_tag("visitors/widgets/visitor_stats.html")
def visitor_stats():
    """ "Thống kê truy cập": online now, today, this week, total."""
    return {"stats": {"online": 0, "today": 0, "week": 0, "total": 0}}
