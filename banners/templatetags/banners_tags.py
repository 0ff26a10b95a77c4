from django import template

register = template.Library()


@register.inclusion_tag("banners/widgets/banners.html")
def banners(position="sidebar"):
    """Image advertisements for one position of the layout."""
    return {"banners": [], "position": position}
