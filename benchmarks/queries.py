"""SQL queries per request for each URL given, on the database in DATABASE_URL, each asked
twice (the second is what a reader meets once the counts are cached). Prints TSV.

Usage: python -m benchmarks.queries URL...   (ALLOWED_HOSTS must include testserver)
"""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:  # a download: its first batch is enough to count
            next(iter(response.streaming_content), b"")
            response.close()
    return len(captured)


if __name__ == "__main__":
    client = Client()
    for url in sys.argv[1:]:
        queries(client, url)
        print(f"{url}\t{queries(client, url)}")
