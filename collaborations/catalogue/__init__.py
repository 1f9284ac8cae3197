"""The seed catalogue loader: fixtures/*.yaml into the database, idempotently.

`catalogue_load()` reads every fixture file, validates as it goes and writes in one
transaction, so a bad fixture (unknown slug, missing field) leaves the database untouched.
Rows are matched by slug (or natural key), so loading twice changes nothing.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from collaborations.changelog.catalogue import catalogue_revisions_record
from collaborations.derived import refresh_site_derived
from collaborations.extensions import collected
from collaborations.models import Quote

from .findings import load_findings
from .passages import load_passages
from .records import CatalogueError, Entry, Lookup, entries, read_fixture_files
from .reference import (
    check_tables,
    link_sites,
    load_organisations,
    load_reference_tables,
    load_sources,
    load_typology_partners,
    reference_tables,
)
from .sites import FactIndex, expand_framework_example, fact_rows, load_site, replace_facts

__all__ = ["CatalogueError", "LoadSummary", "catalogue_load", "default_fixture_path"]


def allowed_keys() -> dict[str, set]:
    """The top-level keys each fixture file may hold."""
    tables = reference_tables()
    table_keys = set(tables) | {f"{table}_defaults" for table in tables}
    allowed = {
        "sources.yaml": {"sources"},
        "passages.yaml": {"passages"},
        "findings.yaml": {"topics", "findings"},
        "reference.yaml": table_keys | {"typology_partners"},
        "organisations.yaml": {"organisations"},
        "framework.yaml": table_keys | {"citations", "sites"},
        "research_sites.yaml": {"citations", "sites", "quotes"},
    }
    for name in collected("fixture_file"):
        if name:
            allowed[name] = table_keys
    return allowed


@dataclass
class LoadSummary:
    seen: dict = field(default_factory=lambda: defaultdict(list))
    facts: int = 0
    created: int = 0
    updated: int = 0
    facts_rewritten: int = 0

    def wrote(self, created: bool) -> None:
        if created:
            self.created += 1
        else:
            self.updated += 1

    def line(self) -> str:
        counts = ", ".join(f"{len(v)} {k}" for k, v in self.seen.items())
        return (
            f"Catalogue loaded: {counts}, {self.facts} site facts; "
            f"{self.created} rows created, {self.updated} updated, "
            f"{self.facts_rewritten} facts rewritten."
        )


def default_fixture_path() -> Path:
    return Path(settings.BASE_DIR) / "fixtures"


def catalogue_load(*, path: Path | None = None) -> LoadSummary:
    documents = read_fixture_files(Path(path or default_fixture_path()))
    allowed = allowed_keys()
    for name, document in documents.items():
        check_tables(name, document, allowed[name])
    summary, lookup, deferred = LoadSummary(), Lookup(), []
    with transaction.atomic():
        load_sources(documents["sources.yaml"].get("sources", []), summary, lookup)
        load_passages(documents["passages.yaml"].get("passages") or [], summary, lookup)
        load_reference_tables(reference_rows(documents), summary, lookup, deferred)
        reference = documents["reference.yaml"]
        load_typology_partners(reference.get("typology_partners", []), summary, lookup)
        load_organisations(
            documents["organisations.yaml"].get("organisations", []), summary, lookup
        )
        sites = load_sites(site_rows(documents), summary, lookup)
        quotes = documents["research_sites.yaml"].get("quotes") or []
        rows = fact_rows(quotes, Entry("research_sites.yaml", "quotes"))
        replace_facts(Quote, None, rows, summary, lookup)
        link_sites(deferred, summary, lookup)
        load_findings(documents["findings.yaml"], summary, lookup)
        for site in sites:
            refresh_site_derived(site)
        catalogue_revisions_record(sites)
    return summary


def reference_rows(documents: dict) -> dict[str, list]:
    """Reference rows by table, across files, each merged with its table's defaults."""
    tables = defaultdict(list)
    for name, document in documents.items():
        for table in reference_tables():
            defaults = document.get(f"{table}_defaults") or {}
            for entry, row in entries(name, table, document.get(table) or []):
                tables[table].append((entry, {**defaults, **row}))
    for table, rows in tables.items():
        reject_duplicates(table, rows)
    return tables


def site_rows(documents: dict) -> list[tuple[Entry, dict]]:
    research = entries(
        "research_sites.yaml", "sites", documents["research_sites.yaml"].get("sites") or []
    )
    examples = entries("framework.yaml", "sites", documents["framework.yaml"].get("sites") or [])
    rows = research + [(entry, expand_framework_example(entry, row)) for entry, row in examples]
    reject_duplicates("sites", rows)
    return rows


def load_sites(rows: list, summary, lookup: Lookup) -> list:
    index = FactIndex([row["slug"] for _, row in rows if row.get("slug")])
    return [load_site(entry, row, summary, lookup, index) for entry, row in rows]


def reject_duplicates(table: str, rows: list) -> None:
    seen = set()
    for entry, row in rows:
        slug = row.get("slug")
        if slug in seen:
            raise entry.error(f"duplicate slug {slug!r} in {table}")
        seen.add(slug)
