"""Write the published sites, with their current type, to an SQLite file for Datasette:
the rows the equivalent API list returns, indexed on what it filters and orders by.

Usage: DATABASE_URL=... python -m benchmarks.export_sqlite OUT.sqlite3
"""

import os
import sqlite3
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rallying.settings")
django.setup()

from collaborations.models import Site, TypologyCoding  # noqa: E402

COLUMNS = ("id", "slug", "name", "kind", "fact_count", "summary", "locality", "start_year")


def main(path: str) -> None:
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE sites (id INTEGER PRIMARY KEY, slug TEXT, name TEXT, kind TEXT, "
        "fact_count INTEGER, summary TEXT, locality TEXT, start_year INTEGER, typology TEXT)"
    )
    types = dict(
        TypologyCoding.objects.filter(rank="preferred").values_list("site_id", "typology__slug")
    )
    rows = Site.public.values_list(*COLUMNS).iterator(chunk_size=5000)
    db.executemany(
        "INSERT INTO sites VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((*row, types.get(row[0])) for row in rows),
    )
    db.execute("CREATE INDEX sites_typology_name ON sites (typology, name, slug)")
    db.commit()
    db.close()


if __name__ == "__main__":
    main(sys.argv[1])
