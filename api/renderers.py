"""CSV for every dataset: the rows of a page (``results``) or of an unpaginated list.

A text cell that starts like a spreadsheet formula (= + - @, tab, carriage return) is
written with a leading apostrophe, so a file opened in Excel never runs what an editor typed.
"""

import csv
import io

from rest_framework.renderers import BaseRenderer

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class CSVRenderer(BaseRenderer):
    """One row per item, columns in the serializer's field order, UTF-8 with a BOM (Excel)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict) and "results" in data:
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        else:  # an error or a single object
            rows = [data] if isinstance(data, dict) else []
        out = io.StringIO()
        out.write("\ufeff")
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: _cell(v) for k, v in row.items()})
        return out.getvalue().encode(self.charset)
