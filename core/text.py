"""Vietnamese text folding and slugs: the one implementation every app uses.

Django's ``slugify`` decomposes accented letters and drops what is not ASCII, which turns
"đ" into nothing ("giai đoạn" → "giai-oan"): "đ"/"Đ" are not composed characters, so they
are mapped to "d"/"D" first. Search folds text the same way so that "dien hinh" finds
"điển hình".
"""

import html
import re
import unicodedata

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils import formats
from django.utils.html import strip_tags
from django.utils.text import slugify

from core.settings_cache import per_settings

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


def fold(text):
    """Lower-case ``text`` without diacritics, whitespace collapsed: "Điển  Hình" → "dien hinh"."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return _SPACES.sub(" ", stripped).strip()


def vietnamese_slugify(text, max_length=200):
    """A URL slug of a Vietnamese title: "Sở Khoa học và Công nghệ" → "so-khoa-hoc-va-cong-nghe".

    Long slugs are cut at a hyphen so that no word is split.
    """
    # "152/2025/NĐ-CP" → "152-2025-nd-cp", not "1522025nd-cp".
    slug = slugify(str(text or "").translate(_D_MAP).replace("/", " "))
    if len(slug) > max_length:
        slug = slug[:max_length]
        if "-" in slug:
            slug = slug.rsplit("-", 1)[0]
        slug = slug.strip("-")
    return slug


def html_to_text(markup):
    """The readable text of an HTML fragment, whitespace collapsed."""
    text = strip_tags(str(markup or "").replace("<", " <"))
    return _SPACES.sub(" ", html.unescape(text)).strip()


def search_words(text, limit=10):
    """The folded words of a search query (at most ``limit``); punctuation is dropped."""
    return _WORD.findall(fold(text))[:limit]


def plain_words(text, limit=10):
    """The words of ``text`` lower-cased, diacritics kept (PostgreSQL unaccents them)."""
    return _WORD.findall(str(text or "").lower())[:limit]


@per_settings
def _thousands():
    """The site language's thousand separator when it groups by three, else ``None``."""
    language = settings.LANGUAGE_CODE
    if formats.get_format("NUMBER_GROUPING", language, use_l10n=True) != 3:
        return None
    return formats.get_format("THOUSAND_SEPARATOR", language, use_l10n=True)


def grouped(number):
    """An integer as ``|intcomma`` shows it in the site's language: 1.234.567.

    The counts filled into cached pages on every request (view counts, visitor
    statistics) are shown this way; ``intcomma`` asks for the active language and its
    formats on each call (about 25 µs, a tenth of a cached page), this reads them once
    per settings. The site has one language (``LANGUAGES``)."""
    separator = _thousands()
    if separator is None or not isinstance(number, int):
        return intcomma(number)
    return f"{number:,}".replace(",", separator)
