"""JSON request bodies that every API view can trust: valid Unicode, bounded nesting.

Python's json module accepts a lone surrogate escape ("\\ud800") and recurses once per
level of nesting. A lone surrogate reached an error message and failed when the response
was encoded; 20,000 levels of brackets exhausted the recursion limit. Both were 500s; here
they are 400s that say what is wrong, before any view sees the data.
"""

import re

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32
SURROGATE = re.compile("[\ud800-\udfff]")


def _check(document) -> None:
    """Walk the parsed document without recursion: depth and text of every key and value."""
    pending = [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise ParseError(f"JSON body nested deeper than {MAX_DEPTH} levels.")
        if isinstance(value, str):
            if SURROGATE.search(value):
                raise ParseError(
                    "JSON body contains a lone surrogate escape (such as \\ud800): "
                    "text must be valid Unicode."
                )
        elif isinstance(value, dict):
            pending.extend((key, depth) for key in value)
            pending.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            pending.extend((item, depth + 1) for item in value)


class StrictJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            document = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(f"JSON body nested deeper than {MAX_DEPTH} levels.") from None
        _check(document)
        return document
