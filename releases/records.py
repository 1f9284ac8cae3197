"""The published sites as the API represents them, a chunk at a time, for the release files.

Reuses the API's own serializer and CSV columns, so the files follow the API when its
fields change.
"""

from collections.abc import Iterator
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest

from collaborations.api.columns import SITE_COLUMNS
from collaborations.api.renderers import csv_cell
from collaborations.api.serializers import SiteSerializer
from collaborations.models import Site

CHUNK = 500


class SiteURLRequest(HttpRequest):
    """A request standing for the public site, so links in the files are absolute."""

    def __init__(self):
        super().__init__()
        parts = urlsplit(settings.SITE_URL)
        self._scheme, self._host = parts.scheme or "http", parts.netloc
        self.path = "/"

    def _get_scheme(self):
        return self._scheme

    def get_host(self):
        return self._host


def site_records() -> Iterator[dict]:
    """Every published site, by slug, with every fact and its citation."""
    request = SiteURLRequest()
    ids = list(Site.public.order_by("slug").values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        sites = Site.public.for_detail().filter(pk__in=ids[start : start + CHUNK]).order_by("slug")
        yield from SiteSerializer(sites, many=True, context={"request": request}).data


def csv_row(record: dict) -> list[str]:
    return [csv_cell(column.value(record)) for column in SITE_COLUMNS]
