"""Upserts for sources, reference tables, typology partners and organisations."""

from collaborations import models as col
from collaborations.extensions import collected

from .passages import sync_references, take_refs
from .records import (
    CatalogueError,
    Entry,
    Lookup,
    assign,
    entries,
    require,
    required_fields,
    validate,
    values_for,
)

# Fixture table name -> ReferenceItem model, in load order (parents before children).
REFERENCE_TABLES = {
    "governance_modes": col.GovernanceMode,
    "partner_types": col.PartnerType,
    "typologies": col.Typology,
    "funding_types": col.FundingType,
    "drivers": col.Driver,
    "justifications": col.Justification,
    "ingredients": col.Ingredient,
    "practices": col.Practice,
    "leadership_styles": col.LeadershipStyle,
    "study_depths": col.StudyDepth,
    "initiator_types": col.InitiatorType,
    "regions": col.Region,
    "organisation_types": col.OrganisationType,
    "organisation_roles": col.OrganisationRole,
    "framework_strands": col.FrameworkStrand,
    "framework_themes": col.FrameworkTheme,
}


def reference_tables() -> dict:
    """This app's tables, then those other apps add (collaborations.extensions)."""
    tables = dict(REFERENCE_TABLES)
    for added in collected("reference_tables"):
        tables.update(added)
    return tables


def upsert_by_slug(
    model, entry: Entry, values: dict, lookup: Lookup, summary, passages=None
) -> object:
    """Create or update the row with values["slug"]; writes only when something changed.

    passages: the references the row cites (rows of models with `references`).
    """
    obj = lookup.find(model, values["slug"]) or model()
    created = obj.pk is None
    if assign(obj, values) or created:
        validate(obj, entry)
        obj.save()
        summary.wrote(created)
        lookup.remember(obj)
    if passages is not None and sync_references(obj, passages) and not created:
        summary.wrote(created=False)
    return obj


def load_sources(rows, summary, lookup: Lookup) -> None:
    for position, (entry, row) in enumerate(entries("sources.yaml", "sources", rows)):
        require(row, ["slug", "title", "short_title"], entry)
        values = values_for(col.Source, {"position": position, **row}, entry, lookup)
        upsert_by_slug(col.Source, entry, values, lookup, summary)
        summary.seen["sources"].append(row["slug"])


def load_reference_tables(tables: dict, summary, lookup: Lookup, deferred: list) -> None:
    """tables: fixture table name -> [(entry, row)], rows already merged with defaults."""
    for table, model in reference_tables().items():
        for position, (entry, row) in enumerate(tables.get(table, [])):
            row, passages = take_refs(row, entry, lookup)
            require(row, required_fields(model), entry)
            links = []
            values = values_for(model, {"position": position, **row}, entry, lookup, links)
            obj = upsert_by_slug(model, entry, values, lookup, summary, passages)
            deferred += [(obj, *link) for link in links]
            summary.seen["reference rows"].append(row["slug"])


def link_sites(deferred: list, summary, lookup: Lookup) -> None:
    """Set reference rows' links to sites (a measurement approach's exemplar)."""
    for obj, field_name, slug, entry in deferred:
        site = lookup.get(col.Site, slug, entry, field_name)
        if getattr(obj, f"{field_name}_id") != site.pk:
            setattr(obj, field_name, site)
            obj.save(update_fields=[field_name])
            summary.wrote(created=False)


def load_typology_partners(rows, summary, lookup: Lookup) -> None:
    """Seed 003's partners per type: exactly the listed partner types, in order."""
    for entry, row in entries("reference.yaml", "typology_partners", rows):
        row, passages = take_refs(row, entry, lookup)
        require(row, ["typology", "source", "partner_types"], entry)
        typology = lookup.get(col.Typology, row["typology"], entry, "typology")
        source = lookup.get(col.Source, row["source"], entry, "source")
        slugs = row["partner_types"]
        partner_types = [lookup.get(col.PartnerType, s, entry, "partner_types") for s in slugs]
        typology.partner_facts.exclude(partner_type__in=partner_types).delete()
        for position, partner_type in enumerate(partner_types):
            values = {"source": source, "locator": row.get("locator", ""), "position": position}
            fact, created = col.TypologyPartner.objects.get_or_create(
                typology=typology, partner_type=partner_type, defaults=values
            )
            if assign(fact, values) or created:
                fact.save()
                summary.wrote(created)
            sync_references(fact, passages)
            summary.seen["typology partners"].append(partner_type.slug)


def load_organisations(rows, summary, lookup: Lookup) -> None:
    for entry, row in entries("organisations.yaml", "organisations", rows):
        fields, passages = take_refs(row, entry, lookup, cite=False)
        fields = {key: value for key, value in fields.items() if key != "aliases"}
        require(fields, required_fields(col.Organisation), entry)
        values = values_for(col.Organisation, fields, entry, lookup)
        organisation = upsert_by_slug(col.Organisation, entry, values, lookup, summary, passages)
        sync_aliases(organisation, row.get("aliases") or [], entry, summary)
        summary.seen["organisations"].append(row["slug"])


def sync_aliases(organisation, names: list, entry: Entry, summary) -> None:
    if not isinstance(names, list):
        raise entry.error("aliases must be a list of names")
    organisation.aliases.exclude(name__in=names).delete()
    existing = set(organisation.aliases.values_list("name", flat=True))
    for name in names:
        if name not in existing:
            col.OrganisationAlias.objects.create(organisation=organisation, name=name)
            summary.wrote(created=True)


def check_tables(file: str, document: dict, allowed: set) -> None:
    unknown = set(document) - allowed
    if unknown:
        raise CatalogueError(f"{file}: unknown top-level keys {sorted(unknown)}")
