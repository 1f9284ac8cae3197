"""Build the API's stored JSON of every published site that lacks a current one.

The API builds these as they are first asked for; after a bulk import or a change to the
reference data, running this (from cron or after a deploy) spares the first readers and
downloads the wait.
"""

import time

from django.core.management.base import BaseCommand

from collaborations.api.documents import PLACEHOLDER_ORIGIN, site_bodies
from collaborations.api.downloads import site_ids
from collaborations.models import Site


class Command(BaseCommand):
    help = "Build the API's stored JSON of every published site that lacks a current one."

    def handle(self, *args, **options):
        started, done = time.monotonic(), 0
        for batch in site_ids(Site.public.order_by("pk")):
            done += len(site_bodies(batch, PLACEHOLDER_ORIGIN))
        seconds = time.monotonic() - started
        self.stdout.write(f"{done} sites' JSON current, in {seconds:.0f} s.")
