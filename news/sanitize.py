"""Server-side cleaning of rich text with nh3 (the mitigation for CKEditor 4's advisories).

``Article.save()`` runs every body through ``sanitize_html``, whatever saved it (admin,
import, shell); a ``pre_save`` handler does it for raw saves too (``loaddata``, restores),
and the article page and its download clean the body again as they render it (a body
written past every signal: ``QuerySet.update``, an SQL restore). So what reaches a page is
only the markup a news article needs: no scripts, styles, event handlers, ``javascript:``
URLs, frames or forms.
"""

import html
import re

import nh3
from django.conf import settings

from core.text import html_to_text

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
    # CKEditor's image2 marks a captioned image <figure class="image">; the class is how it
    # recognises the caption when the article is opened again.
    "figure": {"class"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _media_url():
    return getattr(settings, "MEDIA_URL", "/media/") or "/media/"


def _filter_attribute(tag, attribute, value):
    if tag == "figure" and attribute == "class":
        return "image" if "image" in value.split() else None
    # Images come from the web (http/https) or from our own uploads, nowhere else.
    if tag == "img" and attribute == "src":
        lowered = value.strip().lower()
        if lowered.startswith(("http://", "https://")) or value.startswith(_media_url()):
            return value
        return None
    return value


_FIGURE = re.compile(r"<figure\b[^>]*>.*?</figure>", re.S)
_IMG = re.compile(r"<img\b[^>]*>")
_ALT = re.compile(r'\salt="([^"]*)"')
_CAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)


def _alt_from_caption(figure):
    """An image of a captioned figure without alt text is described by its caption."""
    caption = _CAPTION.search(figure)
    text = html_to_text(caption.group(1)) if caption else ""
    if not text:
        return figure

    def fill(match):
        tag = match.group(0)
        alt = _ALT.search(tag)
        if alt and alt.group(1).strip():
            return tag
        described = f' alt="{html.escape(text, quote=True)}"'
        if alt:
            return tag[: alt.start()] + described + tag[alt.end() :]
        return tag[:4] + described + tag[4:]

    return _IMG.sub(fill, figure)


def sanitize_html(markup):
    """Return ``markup`` reduced to the tags and attributes allowed in a news article;
    an image in a captioned figure without alt text gets its caption as alt text."""
    if not markup:
        return ""
    cleaned = _clean(markup)
    return _FIGURE.sub(lambda match: _alt_from_caption(match.group(0)), cleaned)


def _clean(markup):
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
