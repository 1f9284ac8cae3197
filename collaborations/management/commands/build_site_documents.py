"""Build the API's stored JSON of every published site that lacks a current one.

The API builds these as they are first asked for; after a bulk import or a change to the
reference data, running this (from cron or after a deploy) spares the first readers and
downloads the wait. `--jobs N` shares the sites among N processes (serializing is CPU
work: at 100,000 sites one process takes about ten minutes).
"""

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.db.models.functions import Mod

from collaborations.api.documents import PLACEHOLDER_ORIGIN, site_bodies
from collaborations.api.downloads import site_ids
from collaborations.models import Site


def build_share(share: int, shares: int) -> int:
    """Build the documents of the sites whose pk falls in this share; how many are current."""
    queryset = Site.public.order_by("pk")
    if shares > 1:
        queryset = queryset.annotate(share=Mod("pk", shares)).filter(share=share)
    return sum(len(site_bodies(batch, PLACEHOLDER_ORIGIN)) for batch in site_ids(queryset))


class Command(BaseCommand):
    help = "Build the API's stored JSON of every published site that lacks a current one."

    def add_arguments(self, parser):
        parser.add_argument("--jobs", type=int, default=1, help="processes to share the work")

    def handle(self, *args, jobs, **options):
        if not 1 <= jobs <= 64:
            raise CommandError("--jobs must be between 1 and 64.")
        started = time.monotonic()
        if jobs == 1:
            done = build_share(0, 1)
        else:
            # Each forked process opens its own database connection.
            connections.close_all()
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(jobs, mp_context=context) as pool:
                done = sum(pool.map(build_share, range(jobs), [jobs] * jobs))
        seconds = time.monotonic() - started
        self.stdout.write(f"{done} sites' JSON current, in {seconds:.0f} s.")
