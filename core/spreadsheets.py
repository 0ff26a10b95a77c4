"""Cells that a spreadsheet shows as typed: the one formula-injection guard of the exports.

A cell that starts like a formula (= + - @, tab, carriage return, also after leading
spaces, and their full-width forms ＝ ＋ － ＠ that spreadsheets read as the same) is
prefixed with an apostrophe, so an export opened in a spreadsheet never runs something
typed into a title or a name; control characters a spreadsheet refuses are dropped.
"""

import datetime

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_text(value):
    """``value`` as a safe cell: numbers, dates and ``None`` unchanged, text defused."""
    if isinstance(value, int | float | datetime.date) or value is None:
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    # Spreadsheets skip leading spaces (and line breaks) before a formula: " =1+2" is one.
    if value.startswith(FORMULA_PREFIXES) or value.lstrip().startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
