"""Sites and their cited facts.

A seed site's document-sourced facts are replaced by exactly what the fixtures say; facts
from a practitioner or a moderator (accepted corrections) are never touched, and where one
of them occupies the same slot (same funding type, a current typology coding...) the
fixture's row gives way.
"""

from collections import Counter, defaultdict

from django.db import IntegrityError
from django.db.models import UniqueConstraint
from django.utils import timezone

from accountability import models as acc
from collaborations import models as col
from collaborations.models import Site, Source

from .records import Entry, Lookup, assign, require, required_fields, validate, values_for

SITE_FIELDS = (
    "slug",
    "name",
    "kind",
    "status",
    "summary",
    "scope",
    "locality",
    "region",
    "local_authority",
    "initiated_by",
    "study_depth",
    "permanence",
    "start_year",
    "website",
)
# Single-valued fields that need a FieldCitation when filled ("funding" cites an absence).
CITED_FIELDS = SITE_FIELDS[4:] + ("name",)
CITABLE = set(CITED_FIELDS) | {"funding"}

FACT_SECTIONS = {
    "field_citations": col.FieldCitation,
    "aliases": col.SiteAlias,
    "typology_codings": col.TypologyCoding,
    "funding": col.SiteFunding,
    "drivers": col.SiteDriver,
    "justifications": col.SiteJustification,
    "partners": col.SitePartner,
    "practices": col.SitePractice,
    "leadership_styles": col.SiteLeadershipStyle,
    "themes": col.SiteFrameworkTheme,
    "organisations": col.SiteOrganisation,
    "quotes": col.Quote,
    "approaches": acc.SiteAccountabilityApproach,
    "measurement_codings": acc.MeasurementCoding,
    "accountability_lines": acc.AccountabilityLine,
    "indicators": acc.Indicator,
}
PRESERVED_KINDS = (Source.Kind.PRACTITIONER, Source.Kind.MODERATOR)


class FactIndex:
    """The current facts of the given sites, one query per fact model."""

    def __init__(self, slugs):
        self._facts = {model: defaultdict(list) for model in FACT_SECTIONS.values()}
        for model, by_site in self._facts.items():
            for fact in model.objects.filter(site__slug__in=slugs).select_related("source"):
                by_site[fact.site_id].append(fact)

    def of(self, model, site) -> list:
        return self._facts[model][site.pk]


def load_site(entry: Entry, row: dict, summary, lookup: Lookup, index: FactIndex) -> Site:
    require(row, ["slug", "name", "kind", "status"], entry)
    unknown = set(row) - set(SITE_FIELDS) - set(FACT_SECTIONS)
    if unknown:
        raise entry.error(f"unknown keys {sorted(unknown)}")
    check_field_citations(row, entry)
    values = values_for(Site, {key: row.get(key) for key in SITE_FIELDS}, entry, lookup)
    site = upsert_site(values, entry, lookup, summary)
    summary.seen["sites"].append(site.slug)
    for key, model in FACT_SECTIONS.items():
        rows = fact_rows(row.get(key) or [], entry.child(key))
        replace_facts(model, site, rows, summary, lookup, index.of(model, site))
    return site


def upsert_site(values: dict, entry: Entry, lookup: Lookup, summary) -> Site:
    site = lookup.find(Site, values["slug"]) or Site()
    created = site.pk is None
    if values["status"] == Site.Status.PUBLISHED and site.published_at is None:
        values["published_at"] = timezone.now()
    if assign(site, values) or created:
        validate(site, entry, exclude=["completeness", "search_document"])
        site.save()  # only on change: each save adds a history row
        summary.wrote(created)
        lookup.remember(site)
    return site


def check_field_citations(row: dict, entry: Entry) -> None:
    cited = [c.get("field") for c in row.get("field_citations") or [] if isinstance(c, dict)]
    for name in cited:
        if name not in CITABLE:
            raise entry.error(f"field_citations: unknown field {name!r}")
    for name in CITED_FIELDS:
        if row.get(name) not in (None, "") and name not in cited:
            raise entry.error(f"field {name!r} is filled but has no entry in field_citations")


def fact_rows(rows, entry: Entry) -> list[tuple[Entry, dict]]:
    """Rows of a fact section; a list value expands into one row per value."""
    if not isinstance(rows, list):
        raise entry.error("expected a list")
    result = []
    for index, row in enumerate(rows):
        row_entry = entry.child(f"[{index}]")
        if not isinstance(row, dict):
            raise row_entry.error("expected a mapping")
        lists = [key for key, value in row.items() if isinstance(value, list)]
        if len(lists) > 1:
            raise row_entry.error(f"only one field may list several values, not {lists}")
        if not lists:
            result.append((row_entry, row))
            continue
        key = lists[0]
        result += [(row_entry.child(f"{key}={v}"), {**row, key: v}) for v in row[key]]
    return result


def build_fact(model, site, entry: Entry, row: dict, lookup: Lookup):
    require(row, [*required_fields(model), "locator"], entry)
    fact = model(site=site, **values_for(model, row, entry, lookup))
    validate(fact, entry)
    return fact


def replace_facts(model, site, rows, summary, lookup: Lookup, current=None) -> None:
    """Make the site's document facts of this model exactly the fixture rows."""
    if current is None:
        current = list(model.objects.filter(site=site).select_related("source"))
    kept = [fact for fact in current if fact.source.kind in PRESERVED_KINDS]
    replaceable = [fact for fact in current if fact.source.kind not in PRESERVED_KINDS]
    built = [(entry, build_fact(model, site, entry, row, lookup)) for entry, row in rows]
    new = give_way(model, built, kept)
    summary.facts += len(new)
    if Counter(signature(fact) for _, fact in new) == Counter(map(signature, replaceable)):
        return
    model.objects.filter(pk__in=[fact.pk for fact in replaceable]).delete()
    for entry, fact in new:
        try:
            fact.save()  # one by one, so each fact's history records its creation
        except IntegrityError as error:
            raise entry.error(f"conflicts with another row: {error}") from error
    summary.facts_rewritten += len(new)


def signature(fact) -> tuple:
    return tuple(getattr(fact, f.attname) for f in fact._meta.concrete_fields if not f.primary_key)


def give_way(model, new: list, kept: list) -> list:
    """Drop fixture rows whose unique slot a practitioner/moderator fact already holds.

    new: [(entry, fact)]; kept: the preserved facts.
    """
    if not kept:
        return new
    unconditional = [
        c.fields
        for c in model._meta.constraints
        if isinstance(c, UniqueConstraint) and c.condition is None
    ]
    taken = {(fields, slot_of(fact, fields)) for fact in kept for fields in unconditional}
    new = [
        (entry, fact)
        for entry, fact in new
        if not any((fields, slot_of(fact, fields)) in taken for fields in unconditional)
    ]
    if any(getattr(fact, "is_current", False) for fact in kept):
        for _, fact in new:
            fact.is_current = False
    return new


def slot_of(fact, fields) -> tuple:
    return tuple(getattr(fact, fact._meta.get_field(name).attname) for name in fields)


STUDY_NOTE = (
    "Not one of the report's research subjects: an example named in the Collaborate paper, "
    "so its study depth is none."
)
EXAMPLE_SECTIONS = ("box", "themes", "funding", "organisations", "practices", "name_note")


def expand_framework_example(entry: Entry, row: dict) -> dict:
    """framework.yaml's compact example (one citation, `box`, for all) as a full site row."""
    require(row, ["slug", "name", "summary", "box", "themes"], entry)
    box = row["box"]
    site = {key: value for key, value in row.items() if key not in EXAMPLE_SECTIONS}
    site = {"kind": Site.Kind.FRAMEWORK_EXAMPLE, "status": Site.Status.PUBLISHED, **site}
    site.setdefault("study_depth", "none")
    notes = {"name": row.get("name_note"), "study_depth": STUDY_NOTE}
    filled = [name for name in CITED_FIELDS if site.get(name) not in (None, "")]
    site["field_citations"] = [
        {**box, "field": name, **({"note": notes[name]} if notes.get(name) else {})}
        for name in filled
    ]
    site["themes"] = [{**box, "theme": row["themes"]}]
    if row.get("funding"):
        site["funding"] = [{**box, "funding_type": row["funding"]}]
    site["organisations"] = [{**box, **org} for org in row.get("organisations") or []]
    site["practices"] = [{**box, **practice} for practice in row.get("practices") or []]
    return site
