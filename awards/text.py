"""Vietnamese text helpers: accent folding for search and slugs.

Django's ``slugify`` drops "đ"/"Đ" (they do not decompose in Unicode), so "giai đoạn" would
become "giai-oan". Both helpers map đ→d first, then strip the combining marks.
"""

import unicodedata

from django.utils.text import slugify


def fold(text):
    """Lower-case ``text`` without diacritics: "Quyết định Đầu tư" → "quyet dinh dau tu"."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def vn_slugify(text):
    """An ASCII slug that keeps "đ" as "d": "Giai đoạn 2015-2020" → "giai-doan-2015-2020"."""
    return slugify(fold(text))
