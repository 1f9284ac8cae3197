"""Sites and their statements.

A seed site's document statements are replaced by exactly what the fixtures say. Statements
from a practitioner or a moderator (accepted corrections) are never touched: they stand
beside the documents' statements, and where a moderator preferred one, the fixtures' value
for the same fact loads as a normal statement and the site keeps showing the preferred one.
"""

from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError
from django.utils import timezone

from collaborations import models as col
from collaborations.derived import COUNT_FIELDS
from collaborations.extensions import collected
from collaborations.models import Rank, Reference, Site, Source

from .passages import reference_slugs, references_by_object, sync_references, take_refs
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
# Single-valued fields that need a FieldStatement when filled.
CITED_FIELDS = SITE_FIELDS[4:] + ("name",)
REFERENCE_FIELDS = ("region", "initiated_by", "study_depth")

FACT_SECTIONS = {
    "field_statements": col.FieldStatement,
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
}


def fact_sections() -> dict:
    """Fact sections of a site row: this app's, then those other apps add."""
    sections = dict(FACT_SECTIONS)
    for added in collected("fact_sections"):
        sections.update(added)
    return sections


PRESERVED_KINDS = (Source.Kind.PRACTITIONER, Source.Kind.MODERATOR)


class FactIndex:
    """The current statements of the given sites and their references, one query per fact
    model and one for the references."""

    def __init__(self, slugs):
        self._facts = {model: defaultdict(list) for model in fact_sections().values()}
        for model, by_site in self._facts.items():
            for fact in model.objects.filter(site__slug__in=slugs).select_related("source"):
                by_site[fact.site_id].append(fact)
        self.references = references_by_object(Reference.objects.filter(site__slug__in=slugs))

    def of(self, model, site) -> list:
        return self._facts[model][site.pk] if site.pk else []

    def preferred_field_values(self, site) -> dict:
        """Fields where a practitioner's or moderator's statement is preferred: its value."""
        return {
            fact.field: fact.value
            for fact in self.of(col.FieldStatement, site)
            if fact.rank == Rank.PREFERRED and fact.source.kind in PRESERVED_KINDS
        }


def load_site(entry: Entry, row: dict, summary, lookup: Lookup, index: FactIndex) -> Site:
    require(row, ["slug", "name", "kind", "status"], entry)
    sections = fact_sections()
    unknown = set(row) - set(SITE_FIELDS) - set(sections)
    if unknown:
        raise entry.error(f"unknown keys {sorted(unknown)}")
    check_field_statements(row, entry)
    columns = {key: row.get(key) for key in SITE_FIELDS}
    site = lookup.find(Site, row["slug"]) or Site()
    columns.update(index.preferred_field_values(site))  # an accepted correction stands
    values = values_for(Site, columns, entry, lookup)
    site = upsert_site(values, entry, lookup, summary)
    summary.seen["sites"].append(site.slug)
    for key, model in sections.items():
        rows = fact_rows(row.get(key) or [], entry.child(key))
        if model is col.FieldStatement:
            rows = [(e, with_field_value(r, row)) for e, r in rows]
        replace_facts(model, site, rows, summary, lookup, index.of(model, site), index.references)
    return site


def with_field_value(statement: dict, site_row: dict) -> dict:
    """A field statement states the site's own value unless it gives a competing one."""
    if "value" in statement:
        return statement
    value = site_row.get(statement.get("field"))
    return {**statement, "value": "" if value is None else str(value)}


def upsert_site(values: dict, entry: Entry, lookup: Lookup, summary) -> Site:
    site = lookup.find(Site, values["slug"]) or Site()
    created = site.pk is None
    if values["status"] == Site.Status.PUBLISHED and site.published_at is None:
        values["published_at"] = timezone.now()
    if assign(site, values) or created:
        validate(site, entry, exclude=[*COUNT_FIELDS, "search_document", "disputed_facts"])
        site.save()  # only on change: each save adds a history row
        summary.wrote(created)
        lookup.remember(site)
    return site


def check_field_statements(row: dict, entry: Entry) -> None:
    cited = [c.get("field") for c in row.get("field_statements") or [] if isinstance(c, dict)]
    for name in cited:
        if name not in CITED_FIELDS:
            raise entry.error(f"field_statements: unknown field {name!r}")
    for name in CITED_FIELDS:
        if row.get(name) not in (None, "") and name not in cited:
            raise entry.error(f"field {name!r} is filled but has no entry in field_statements")


def fact_rows(rows, entry: Entry) -> list[tuple[Entry, dict]]:
    """Rows of a fact section; a list value expands into one row per value (`refs` is a
    list of the row's passages, not values)."""
    if not isinstance(rows, list):
        raise entry.error("expected a list")
    result = []
    for index, row in enumerate(rows):
        row_entry = entry.child(f"[{index}]")
        if not isinstance(row, dict):
            raise row_entry.error("expected a mapping")
        lists = [key for key, value in row.items() if isinstance(value, list) and key != "refs"]
        if len(lists) > 1:
            raise row_entry.error(f"only one field may list several values, not {lists}")
        if not lists:
            result.append((row_entry, row))
            continue
        key = lists[0]
        result += [(row_entry.child(f"{key}={v}"), {**row, key: v}) for v in row[key]]
    return result


def build_fact(model, site, entry: Entry, row: dict, lookup: Lookup) -> tuple:
    """An unsaved statement and the passages it cites."""
    row, passages = take_refs(row, entry, lookup)
    require(row, [*required_fields(model), "locator"], entry)
    fact = model(site=site, **values_for(model, row, entry, lookup))
    validate(fact, entry)
    return fact, passages


def replace_facts(
    model, site, rows, summary, lookup: Lookup, current=None, references=None
) -> None:
    """Make the site's document statements of this model exactly the fixture rows."""
    if current is None:
        current = list(model.objects.filter(site=site).select_related("source"))
    if references is None:
        content_type = ContentType.objects.get_for_model(model)
        references = references_by_object(
            Reference.objects.filter(
                content_type=content_type, object_id__in=[f.pk for f in current]
            )
        )
    kept = [fact for fact in current if fact.source.kind in PRESERVED_KINDS]
    replaceable = [fact for fact in current if fact.source.kind not in PRESERVED_KINDS]
    built = [(entry, *build_fact(model, site, entry, row, lookup)) for entry, row in rows]
    yield_preference(built, kept)
    summary.facts += len(built)
    wanted = Counter(signature(fact, tuple(p.slug for p in refs)) for _, fact, refs in built)
    have = Counter(signature(fact, reference_slugs(fact, references)) for fact in replaceable)
    if wanted == have:
        return
    model.objects.filter(pk__in=[fact.pk for fact in replaceable]).delete()
    for entry, fact, passages in built:
        try:
            fact.save()  # one by one, so each fact's history records its creation
        except IntegrityError as error:
            raise entry.error(f"conflicts with another row: {error}") from error
        sync_references(fact, passages, site=site)
    summary.facts_rewritten += len(built)


def signature(fact, refs: tuple) -> tuple:
    values = (getattr(fact, f.attname) for f in fact._meta.concrete_fields if not f.primary_key)
    return (*values, refs)


def yield_preference(built: list, kept: list) -> None:
    """Where a practitioner's or moderator's statement of a fact is preferred (a moderator's
    decision), the fixtures' statements of that fact load as normal ones."""
    decided = {fact.property_key() for fact in kept if fact.rank == Rank.PREFERRED}
    for _, fact, _ in built:
        if fact.rank == Rank.PREFERRED and fact.property_key() in decided:
            fact.rank = Rank.NORMAL


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
    # The catalogue's own values: a name the paper does not give, the study depth "none".
    notes = {"name": row.get("name_note"), "study_depth": STUDY_NOTE}
    filled = [name for name in CITED_FIELDS if site.get(name) not in (None, "")]
    site["field_statements"] = [
        {
            **box,
            "field": name,
            **({"note": notes[name], "provenance": "inferred"} if notes.get(name) else {}),
        }
        for name in filled
    ]
    site["themes"] = [{**box, "theme": row["themes"]}]
    if row.get("funding"):
        site["funding"] = [{**box, "funding_type": row["funding"]}]
    site["organisations"] = [{**box, **org} for org in row.get("organisations") or []]
    site["practices"] = [{**box, **practice} for practice in row.get("practices") or []]
    return site
