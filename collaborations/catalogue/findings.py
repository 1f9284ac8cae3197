"""findings.yaml: what the documents say about the study and the field, by topic."""

from collaborations.models import Finding, Topic

from .passages import take_refs
from .records import Lookup, entries, require, values_for
from .reference import upsert_by_slug


def load_findings(document: dict, summary, lookup: Lookup) -> None:
    for position, (entry, row) in enumerate(
        entries("findings.yaml", "topics", document.get("topics") or [])
    ):
        row, passages = take_refs(row, entry, lookup)
        require(row, ["slug", "name", "page"], entry)
        values = values_for(Topic, {"position": position, **row}, entry, lookup)
        upsert_by_slug(Topic, entry, values, lookup, summary, passages)
        summary.seen["topics"].append(row["slug"])
    for position, (entry, row) in enumerate(
        entries("findings.yaml", "findings", document.get("findings") or [])
    ):
        row, passages = take_refs(row, entry, lookup)
        require(row, ["slug", "topic", "text", "source"], entry)
        values = values_for(Finding, {"position": position, **row}, entry, lookup)
        upsert_by_slug(Finding, entry, values, lookup, summary, passages)
        summary.seen["findings"].append(row["slug"])
