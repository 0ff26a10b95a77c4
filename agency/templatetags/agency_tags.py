"""Helpers of the agency pages and of the layout's footer."""

import re

from django import template

register = template.Library()

_NOT_DIGIT = re.compile(r"[^\d+]")


@register.filter
def tel_href(phone):
    """A ``tel:`` target for a Vietnamese number as people write it: "0206.3852.648" →
    "+842063852648" (international form, so it dials from abroad too)."""
    digits = _NOT_DIGIT.sub("", str(phone or ""))
    if digits.startswith("+"):
        return "+" + digits[1:].replace("+", "")
    digits = digits.replace("+", "")
    if digits.startswith("0"):
        return "+84" + digits[1:]
    return digits
