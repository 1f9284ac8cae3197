"""CSV for site lists and downloads: UTF-8, a header row, one row per site.

`pandas.read_csv(url)` reads it with no options: comma-separated, double-quoted where a
value needs it, no byte-order mark. A text cell that would start with = + - @ (which a
spreadsheet would run as a formula) gets a leading apostrophe.

JSON goes through EscapedJSONRenderer, which writes <, > and & as \\u escapes.
"""

import csv
import io

from rest_framework.renderers import BaseRenderer, JSONRenderer

from .columns import SITE_COLUMNS, SITE_HEADERS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HTML_ESCAPES = ((b"<", b"\\u003c"), (b">", b"\\u003e"), (b"&", b"\\u0026"))


class EscapedJSONRenderer(JSONRenderer):
    """JSON with <, > and & written as \\u escapes: the same data once parsed, but a query
    value an error message repeats (`driver=<script>...`) never reaches a body as markup.

    They can only occur inside JSON strings, and never inside a multi-byte UTF-8 character,
    so replacing the bytes is safe.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None):
        content = super().render(data, accepted_media_type, renderer_context)
        for raw, escaped in HTML_ESCAPES:
            content = content.replace(raw, escaped)
        return content


class SiteCSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(SITE_HEADERS)
        for site in _sites(data):
            writer.writerow([csv_cell(column.value(site)) for column in SITE_COLUMNS])
        return buffer.getvalue().encode(self.charset)


def _sites(data):
    """The site rows of a page ({"results": [...]}), a download or a single site."""
    if isinstance(data, dict) and "results" in data:
        return data["results"]
    if isinstance(data, dict):
        return [data]
    return data or []


def csv_cell(value) -> str:
    """A CSV cell: empty for null, true/false, and a formula's first character defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
