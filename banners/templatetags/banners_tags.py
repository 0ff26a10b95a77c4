"""The image advertisement widgets of the layout."""

from django import template

from banners.services import banners_visible

register = template.Library()


@register.inclusion_tag("banners/widgets/banners.html")
def banners(position="sidebar"):
    """Image advertisements for one position of the layout ("sidebar" or "header")."""
    return {"banners": banners_visible(position=position), "position": position}
