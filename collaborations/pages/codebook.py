"""The codebook on /about/: every field of a site and every reference value, defined in
plain words. Field definitions come from the model (help text, choices); reference values
come from the database, so a value added in the admin appears here at once."""

from dataclasses import dataclass, field

from django.db import models

from collaborations import models as col
from collaborations.extensions import collected

# Plain words for the fields whose model help text does not say enough.
FIELD_DEFINITIONS = {
    "slug": "The site's identifier in addresses and the API; it never changes.",
    "name": "The name the catalogue uses for the collaboration.",
    "kind": "Where the record comes from.",
    "summary": "A short description of the collaboration.",
    "scope": "What the collaboration works on together, as the source puts it.",
    "locality": "The town, city or area where the collaboration works.",
    "region": "The UK nation or English region.",
    "local_authority": "The local authority whose area the collaboration covers.",
    "initiated_by": "Who set the collaboration up.",
    "study_depth": "How deeply the 2018/19 research studied the site.",
    "permanence": "Whether collaboration is an embedded way of working or a time-limited "
    "initiative; blank where the sources do not say.",
    "start_year": "The year the collaboration began, where known.",
    "website": "The collaboration's own website, where it has one.",
    "facts_stated": "How many facts the record states (statements that are not deprecated).",
    "facts_with_reference": "How many of them rest on a reference: a passage of a document, "
    "or a page or document a practitioner named, that a reader can check.",
    "facts_research_coded": "How many were coded from the published documents or by a moderator.",
    "facts_self_reported": "How many the collaboration reported itself.",
    "updated_at": "When the record last changed.",
    "published_at": "When the record was first published.",
}
PUBLIC_FIELDS = list(FIELD_DEFINITIONS)
FACT_COUNT_LABELS = {
    "facts_stated": "Facts stated",
    "facts_with_reference": "Facts with a reference",
    "facts_research_coded": "Research-coded facts",
    "facts_self_reported": "Self-reported facts",
}

# Facts a site may have many of: (name in the API and CSV, what it is, reference table).
FACT_DEFINITIONS = [
    ("aliases", "Other names the documents use for the site.", None),
    (
        "typology",
        "The type of collaboration. Sources may code a site differently; one "
        "coding is current and the others are kept with their source.",
        col.Typology,
    ),
    ("funding", "How the collaboration is funded.", col.FundingType),
    (
        "drivers",
        "Key drivers for collaborating that the research attributes to the site.",
        col.Driver,
    ),
    ("justifications", "Reasons given for collaborating.", col.Justification),
    ("partners", "The sectors taking part.", col.PartnerType),
    ("practices", "Practices that put an ingredient of collaboration to work.", col.Practice),
    ("leadership_styles", "Styles of leadership the site shows.", col.LeadershipStyle),
    ("organisations", "Named organisations taking part, each in a role.", col.OrganisationRole),
    (
        "framework_themes",
        "Themes of the Collaborate framework the example illustrates.",
        col.FrameworkTheme,
    ),
    ("quotes", "People's own words, with speaker, role, organisation and source.", None),
]

# What every value of every fact carries beside it (collaborations.models.statements).
STATEMENT_DEFINITIONS = [
    (
        "rank",
        "How the catalogue ranks the value against other sources' values for the same fact, "
        "as Wikidata ranks claims. A site shows its preferred value, else every normal one; a "
        "deprecated value is kept with the reason it was set aside.",
        col.Rank,
    ),
    ("provenance", "How the value is known.", col.Provenance),
    (
        "status",
        "Whether the sources agree about the fact. Disputed values are shown beside each "
        "other, each with its source, under “Sources disagree”.",
        col.Status,
    ),
]


# Reference tables in the order a reader meets them, with an extra detail per value.
REFERENCE_TABLES = [
    (col.Typology, lambda v: f"Governance mode: {v.governance_mode}" if v.governance_mode else ""),
    (col.GovernanceMode, None),
    (col.FundingType, None),
    (col.Driver, lambda v: same_idea(v.same_justifications.all(), "justification")),
    (col.Justification, lambda v: same_idea([v.same_as_driver], "driver")),
    (col.PartnerType, None),
    (col.Ingredient, lambda v: v.key_features),
    (col.Practice, lambda v: f"Ingredient: {v.ingredient}"),
    (col.LeadershipStyle, None),
    (col.StudyDepth, None),
    (col.Region, lambda v: f"Nation: {v.nation}" if v.nation else ""),
    (col.InitiatorType, None),
    (col.OrganisationType, None),
    (col.OrganisationRole, None),
    (col.FrameworkStrand, None),
    (col.FrameworkTheme, lambda v: f"Strand: {v.strand}"),
]
RELATED = {
    col.Typology: ["governance_mode"],
    col.Justification: ["same_as_driver__source"],
    col.Practice: ["ingredient"],
    col.FrameworkTheme: ["strand"],
}


# Reverse links to show beside a value (one query per table).
PREFETCHED = {col.Driver: ["same_justifications__source"]}


def same_idea(rows, kind: str) -> str:
    """The row of another table that states the same idea, with its own source."""
    return " ".join(
        f"The same idea as the {kind} “{row.name}”"
        + (f" ({row.source.short_title})." if row.source_id else ".")
        for row in rows
        if row is not None
    )


@dataclass
class FieldEntry:
    name: str
    label: str
    kind: str
    definition: str
    choices: list = field(default_factory=list)
    table_anchor: str = ""


@dataclass
class ReferenceTable:
    anchor: str
    title: str
    definition: str
    facet: str | None
    values: list


def table_anchor(model) -> str:
    return f"codebook-{model._meta.model_name}"


def _field_kind(model_field) -> str:
    if isinstance(model_field, models.ForeignKey):
        return f"one value from “{model_field.related_model._meta.verbose_name_plural}”"
    if model_field.choices:
        return "one of a fixed list"
    if isinstance(model_field, models.DateTimeField):
        return "date and time (ISO 8601)"
    if isinstance(model_field, models.PositiveSmallIntegerField):
        return "whole number"
    if isinstance(model_field, models.URLField):
        return "web address"
    return "text"


def site_fields() -> list[FieldEntry]:
    entries = []
    for name in PUBLIC_FIELDS:
        if name in FACT_COUNT_LABELS:  # counts, some computed from two columns
            entries.append(
                FieldEntry(
                    name=name,
                    label=FACT_COUNT_LABELS[name],
                    kind="whole number",
                    definition=FIELD_DEFINITIONS[name],
                    choices=[],
                    table_anchor="",
                )
            )
            continue
        model_field = col.Site._meta.get_field(name)
        related = model_field.related_model
        entries.append(
            FieldEntry(
                name=name,
                label=str(model_field.verbose_name).capitalize(),
                kind=_field_kind(model_field),
                definition=FIELD_DEFINITIONS[name],
                choices=list(model_field.choices or []),
                table_anchor=table_anchor(related) if related else "",
            )
        )
    return entries


def fact_fields() -> list[FieldEntry]:
    return [
        FieldEntry(
            name=name,
            label=name.replace("_", " ").capitalize(),
            kind="several values, each with its citation",
            definition=definition,
            table_anchor=table_anchor(model) if model else "",
        )
        for name, definition, model in _all("codebook_facts", FACT_DEFINITIONS)
    ]


def statement_fields() -> list[FieldEntry]:
    return [
        FieldEntry(
            name=name,
            label=name.capitalize(),
            kind="one of a fixed list",
            definition=definition,
            choices=list(choices.choices),
        )
        for name, definition, choices in STATEMENT_DEFINITIONS
    ]


def _docstring(model) -> str:
    """The model's own docstring, first paragraph (Django's generated one is skipped)."""
    doc = model.__doc__ or ""
    if doc.startswith(f"{model.__name__}("):
        return ""
    return " ".join(doc.strip().split("\n\n")[0].split())


def reference_tables() -> list[ReferenceTable]:
    """Every reference table with every value: one query per table."""
    tables = []
    related = dict(RELATED)
    for added in collected("codebook_related"):
        related.update(added)
    for model, extra in _all("codebook_tables", REFERENCE_TABLES):
        values = list(
            model.objects.select_related("source", *related.get(model, [])).prefetch_related(
                *PREFETCHED.get(model, [])
            )
        )
        for value in values:
            value.extra = extra(value) if extra else ""
        tables.append(
            ReferenceTable(
                anchor=table_anchor(model),
                title=str(model._meta.verbose_name_plural).capitalize(),
                definition=_docstring(model),
                facet=model.facet,
                values=values,
            )
        )
    return tables


def _all(hook: str, own: list) -> list:
    """This app's entries, then those other apps add (collaborations.extensions)."""
    return [*own, *(entry for added in collected(hook) for entry in added)]
