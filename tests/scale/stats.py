"""Reading the visitor statistics and view counts off a served page."""

import re

_STAT = re.compile(r'data-stat="(?P<name>[a-z]+)">(?P<value>[^<]*)<')


def stats_of(html):
    """The ``data-stat`` numbers of a page as integers (``1.234`` → 1234)."""
    found = {}
    for match in _STAT.finditer(html):
        digits = match["value"].strip().replace(".", "")
        if not digits.isdigit():
            raise AssertionError(f"data-stat={match['name']!r} is not a number: {match['value']!r}")
        found[match["name"]] = int(digits)
    return found
