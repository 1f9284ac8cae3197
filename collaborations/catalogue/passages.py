"""Passages (verbatim excerpts of the sources) and the references that cite them.

passages.yaml lists each source's passages in document order; every other fixture row
cites them by id under `refs`.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from collaborations.models import Passage, Reference, Source

from .records import Entry, Lookup, assign, entries, require, validate

# The statement keys a fixture row may give beside its value (see docs/fixtures.md).
STATEMENT_KEYS = ("rank", "rank_reason", "provenance", "status", "note")


def load_passages(rows, summary, lookup: Lookup) -> None:
    positions = defaultdict(int)
    for entry, row in entries("passages.yaml", "passages", rows):
        require(row, ["id", "source", "locator", "excerpt"], entry)
        unknown = set(row) - {"id", "source", "locator", "excerpt", "url"}
        if unknown:
            raise entry.error(f"unknown keys {sorted(unknown)}")
        source = lookup.get(Source, row["source"], entry, "source")
        values = {
            "slug": row["id"],
            "source": source,
            "locator": row["locator"],
            "excerpt": " ".join(str(row["excerpt"]).split()),
            "url": row.get("url") or "",
            "position": positions[source.slug],
        }
        positions[source.slug] += 1
        passage = lookup.find(Passage, row["id"])
        if passage is not None and row["id"] in summary.seen["passages"]:
            raise entry.error(f"duplicate passage id {row['id']!r}")
        passage = passage or Passage()
        created = passage.pk is None
        if assign(passage, values) or created:
            validate(passage, entry)
            passage.save()
            summary.wrote(created)
            lookup.remember(passage)
        summary.seen["passages"].append(row["id"])


def take_refs(row: dict, entry: Entry, lookup: Lookup, cite: bool = True) -> tuple[dict, list]:
    """The row without `refs`, and the passages `refs` names (in order).

    With `cite`, a row citing passages but naming no source takes the first passage's source
    and locator (for models that carry a citation).
    """
    refs = row.get("refs") or []
    if not isinstance(refs, list):
        raise entry.error("refs must be a list of passage ids")
    passages = [lookup.get(Passage, ref, entry, "refs") for ref in refs]
    row = {key: value for key, value in row.items() if key != "refs"}
    if cite and passages and not row.get("source"):
        row["source"] = passages[0].source.slug
        row.setdefault("locator", passages[0].locator)
    return row, passages


def reference_slugs(obj, existing: dict) -> tuple:
    """The passage slugs an existing row cites, from `existing` (see references_by_object)."""
    content_type = ContentType.objects.get_for_model(type(obj))
    return tuple(existing.get((content_type.pk, obj.pk), ()))


def references_by_object(queryset) -> dict:
    """{(content type id, object id): (passage slug, ...)} for the given references."""
    found = defaultdict(list)
    for content_type_id, object_id, slug in queryset.order_by("position", "pk").values_list(
        "content_type_id", "object_id", "passage__slug"
    ):
        found[(content_type_id, object_id)].append(slug)
    return found


def sync_references(obj, passages: list, site=None) -> bool:
    """Make obj's references exactly these passages, in this order; True if anything changed."""
    content_type = ContentType.objects.get_for_model(type(obj))
    current = list(
        Reference.objects.filter(content_type=content_type, object_id=obj.pk).order_by(
            "position", "pk"
        )
    )
    if [r.passage_id for r in current] == [p.pk for p in passages]:
        return False
    Reference.objects.filter(pk__in=[r.pk for r in current]).delete()
    Reference.objects.bulk_create(
        Reference(content_type=content_type, object_id=obj.pk, passage=p, site=site, position=i)
        for i, p in enumerate(passages)
    )
    return True
