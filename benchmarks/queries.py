"""SQL queries and Python CPU time per request for each URL given, on the database in
DATABASE_URL, in this process with Django's test client. Each URL is asked once first
(what a reader meets once the counts are cached), then the queries of one request are
counted and the CPU time of five more is timed (median). CPU time, unlike latency, hardly
moves with the load other programs put on the machine. Prints TSV: url, queries, cpu ms.

Usage: python -m benchmarks.queries URL...   (ALLOWED_HOSTS must include testserver)
"""

import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def request(client, url: str) -> None:
    response = client.get(url)
    if response.streaming:  # a download: its first batch is enough
        next(iter(response.streaming_content), b"")
        response.close()


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        request(client, url)
    return len(captured)


def cpu_ms(client, url: str, times: int = 5) -> float:
    spent = []
    for _ in range(times):
        started = time.process_time()
        request(client, url)
        spent.append((time.process_time() - started) * 1000)
    return statistics.median(spent)


if __name__ == "__main__":
    client = Client()
    for url in sys.argv[1:]:
        request(client, url)
        print(f"{url}\t{queries(client, url)}\t{cpu_ms(client, url):.0f}", flush=True)
