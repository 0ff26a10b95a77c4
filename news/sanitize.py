"""Server-side cleaning of rich text with nh3 (the mitigation for CKEditor 4's advisories).

``Article.save()`` runs every body through ``sanitize_html``, whatever saved it (admin,
import, shell); a ``pre_save`` handler does it for raw saves too (``loaddata``, restores),
and the article page and its download clean the body again as they render it (a body
written past every signal: ``QuerySet.update``, an SQL restore). So what reaches a page is
only the markup a news article needs: no scripts, styles, event handlers, ``javascript:``
URLs, frames or forms.
"""

import nh3
from django.conf import settings

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "a", "img", "blockquote", "figure", "figcaption",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
    "table": {"border", "cellpadding", "cellspacing"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _media_url():
    return getattr(settings, "MEDIA_URL", "/media/") or "/media/"


def _filter_attribute(tag, attribute, value):
    # Images come from the web (http/https) or from our own uploads, nowhere else.
    if tag == "img" and attribute == "src":
        lowered = value.strip().lower()
        if lowered.startswith(("http://", "https://")) or value.startswith(_media_url()):
            return value
        return None
    return value


def sanitize_html(markup):
    """Return ``markup`` reduced to the tags and attributes allowed in a news article."""
    if not markup:
        return ""
    return nh3.clean(
        str(markup),
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )
