"""Whole-catalogue and filtered downloads, streamed in constant memory.

The matching sites' ids come from a server-side cursor (PostgreSQL) in order; each batch
of ids is turned into JSON by the fast path (collaborations.api.documents) and written
out at once, so the first bytes leave within a moment whatever the catalogue's size, and
a worker holds one batch at a time. A process streams a few downloads at once at most;
past that a client is told to come back shortly (503 with Retry-After) rather than let
downloads take every worker from the pages and the API.
"""

import csv
import io
import json
import threading
from collections.abc import Iterator
from itertools import islice

from django.conf import settings
from rest_framework.exceptions import APIException

from .columns import SITE_COLUMNS, SITE_HEADERS
from .documents import site_bodies
from .renderers import SiteCSVRenderer, csv_cell

BATCH = 200
FIRST_BATCH = 20


class DownloadsBusy(APIException):
    status_code = 503
    default_detail = "Other downloads are being prepared. Try again in a few seconds."
    default_code = "downloads_busy"
    wait = 10  # seconds, sent as Retry-After


_lock = threading.Lock()
_streaming = [0]  # downloads this process is streaming now


class SlotStream:
    """A download's chunks, holding one of this process's DOWNLOADS_PER_PROCESS slots
    until the response is closed (a WSGI server calls close() whether or not the body
    was read to the end)."""

    def __init__(self, chunks: Iterator[bytes]):
        self.held = False
        with _lock:
            if _streaming[0] >= settings.DOWNLOADS_PER_PROCESS:
                raise DownloadsBusy()
            _streaming[0] += 1
        self.chunks, self.held = chunks, True

    def __iter__(self):
        return self.chunks

    def close(self):
        with _lock:
            if self.held:
                self.held = False
                _streaming[0] -= 1

    __del__ = close


def site_ids(queryset) -> Iterator[list[int]]:
    """The ids of the sites, in the queryset's order, a batch at a time: a small batch
    first, so that the first sites leave at once even when their JSON must be built."""
    ids = queryset.values_list("pk", flat=True).iterator(chunk_size=2000)
    size = FIRST_BATCH
    while batch := list(islice(ids, size)):
        yield batch
        size = BATCH


def json_stream(queryset, count: int, origin: str) -> Iterator[bytes]:
    """{"count": n, "results": [...]} as EscapedJSONRenderer writes it, a batch at a time."""
    yield f'{{"count":{count},"results":['.encode()
    first = True
    for batch in site_ids(queryset):
        bodies = site_bodies(batch, origin)
        if bodies:
            yield (("" if first else ",") + ",".join(bodies)).encode()
            first = False
    yield b"]}"


def csv_stream(queryset, origin: str) -> Iterator[bytes]:
    """The header row, then one row per site, as SiteCSVRenderer writes them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(SITE_HEADERS)
    yield _take(buffer)
    for batch in site_ids(queryset):
        for body in site_bodies(batch, origin):
            site = json.loads(body)
            writer.writerow([csv_cell(column.value(site)) for column in SITE_COLUMNS])
        yield _take(buffer)
    yield _take(buffer)


def _take(buffer: io.StringIO) -> bytes:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text.encode(SiteCSVRenderer.charset)
