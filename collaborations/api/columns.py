"""The CSV columns of a site, in a fixed order: one row per site, flat values.

Each column reads the site's JSON representation, so CSV and JSON cannot drift apart.
Several values in one cell are joined with "; ". Reference facets come as slugs (the
values the filters take) with a `_names` column beside them.

After them come the evidence columns, so a researcher can set aside inferred, self-reported
or disputed values: `disputed_facts`, then for each fact column its `_provenance` and
`_status` (and `_rank` for many-valued facts), one entry per value in the same order.
"""

from collections.abc import Callable
from dataclasses import dataclass

SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[dict], object]


def field(name: str) -> Column:
    return Column(name, lambda site: site[name])


def nested(header: str, name: str, attribute: str) -> Column:
    return Column(header, lambda site: (site[name] or {}).get(attribute))


def each(header: str, name: str, attribute: str) -> Column:
    return Column(header, lambda site: SEPARATOR.join(row[attribute] for row in site[name]))


def facet(name: str, names_header: str) -> list[Column]:
    """A many-valued reference facet: its slugs, then its names."""
    return [each(name, name, "slug"), each(names_header, name, "name")]


def _organisations(site: dict) -> str:
    return SEPARATOR.join(
        f"{row['organisation']['name']} ({row['role']['name']})" for row in site["organisations"]
    )


def _site_identifiers(site: dict) -> list[dict]:
    """Every register identifier of the site's organisations, each once."""
    found = {}
    for row in site["organisations"]:
        for identifier in row["organisation"]["identifiers"]:
            found.setdefault(identifier["identifier"], identifier)
    return list(found.values())


def _identifiers(site: dict) -> str:
    return SEPARATOR.join(one["identifier"] for one in _site_identifiers(site))


def _identifier_origins(site: dict) -> str:
    """How the catalogue came by each identifier, in the same order."""
    return SEPARATOR.join(one["origin"] for one in _site_identifiers(site))


def _sources(site: dict) -> str:
    """Every source cited on the site, in order of first citation."""
    slugs = []
    for value in site.values():
        rows = value if isinstance(value, list) else [value]
        for row in rows:
            citation = row.get("citation") if isinstance(row, dict) else None
            if citation and citation["source"]["slug"] not in slugs:
                slugs.append(citation["source"]["slug"])
    for citation in site["field_citations"].values():
        if citation["source"]["slug"] not in slugs:
            slugs.append(citation["source"]["slug"])
    return SEPARATOR.join(slugs)


SITE_COLUMNS: list[Column] = [
    field("slug"),
    field("name"),
    field("kind"),
    field("evidence"),
    field("facts_stated"),
    field("facts_with_reference"),
    field("facts_research_coded"),
    field("facts_self_reported"),
    nested("typology", "typology", "slug"),
    nested("typology_name", "typology", "name"),
    nested("study_depth", "study_depth", "slug"),
    nested("region", "region", "slug"),
    nested("nation", "region", "nation"),
    field("locality"),
    field("local_authority"),
    nested("council_code", "council", "code"),
    nested("council_name", "council", "name"),
    nested("initiated_by", "initiated_by", "slug"),
    field("permanence"),
    field("start_year"),
    nested("lead_organisation", "lead_organisation", "name"),
    Column("organisations", _organisations),
    Column("organisation_identifiers", _identifiers),
    Column("organisation_identifier_origins", _identifier_origins),
    *facet("funding_types", "funding_type_names"),
    *facet("drivers", "driver_names"),
    *facet("justifications", "justification_names"),
    *facet("partner_types", "partner_type_names"),
    *facet("practices", "practice_names"),
    *facet("leadership_styles", "leadership_style_names"),
    *facet("framework_themes", "framework_theme_names"),
    *facet("accountability_approaches", "accountability_approach_names"),
    nested("measurement_approach", "measurement_approach", "slug"),
    nested("measurement_approach_name", "measurement_approach", "name"),
    each("accountability_lines", "accountability_lines", "slug"),
    each("indicators", "indicators", "name"),
    each("aliases", "aliases", "name"),
    field("summary"),
    field("scope"),
    field("website"),
    Column("sources", _sources),
    field("created_at"),
    field("updated_at"),
    field("published_at"),
    field("url"),
    field("html_url"),
]


# The evidence of each fact column: the statements behind its value(s), from the JSON.
def _one(name: str) -> Callable[[dict], list]:
    return lambda site: [site[name]] if site[name] else []


def _rows(name: str) -> Callable[[dict], list]:
    return lambda site: site[name]


def _field_rows(name: str) -> Callable[[dict], list]:
    def statements(site: dict) -> list:
        rows = [s for s in site["field_statements"] if s["field"] == name]
        return [s for s in rows if s["rank"] != "deprecated"]

    return statements


def _field(name: str) -> Callable[[dict], list]:
    """The statement of a single-valued field that the site shows: the preferred one, else
    the first that is not deprecated (as field_citations picks it)."""
    rows_of = _field_rows(name)

    def statements(site: dict) -> list:
        rows = rows_of(site)
        return [next((s for s in rows if s["rank"] == "preferred"), rows[0])] if rows else []

    return statements


def _leads(site: dict) -> list:
    return [row for row in site["organisations"] if row["role"]["slug"] == "lead"]


def _codings(name: str) -> Callable[[dict], list]:
    return lambda site: [row for row in site[name] if row["rank"] != "deprecated"]


# A single-valued fact: (column, the statement shown, every statement of the fact). Its
# status is disputed when any source's statement of it is, as the case page says.
SINGLE_FACTS = [
    ("typology", _one("typology"), _codings("typology_codings")),
    *((name, _field(name), _field_rows(name)) for name in ("study_depth", "region")),
    *((name, _field(name), _field_rows(name)) for name in ("locality", "local_authority")),
    *((name, _field(name), _field_rows(name)) for name in ("initiated_by", "permanence")),
    ("start_year", _field("start_year"), _field_rows("start_year")),
    ("lead_organisation", _leads, _leads),
    ("measurement_approach", _one("measurement_approach"), _codings("measurement_codings")),
    *((name, _field(name), _field_rows(name)) for name in ("summary", "scope", "website")),
]
MANY_FACTS = [
    (name, _rows(name))
    for name in (
        "organisations",
        "funding_types",
        "drivers",
        "justifications",
        "partner_types",
        "practices",
        "leadership_styles",
        "framework_themes",
        "accountability_approaches",
        "accountability_lines",
        "indicators",
        "aliases",
    )
]


def evidence(header: str, statements: Callable[[dict], list], attributes) -> list[Column]:
    """A fact column's evidence: each attribute of its statements, one entry per value."""

    def column(attribute):
        return Column(
            f"{header}_{attribute}",
            lambda site: SEPARATOR.join(row[attribute] for row in statements(site)),
        )

    return [column(attribute) for attribute in attributes]


def single_status(header: str, shown, every) -> Column:
    """disputed when any statement of the fact is, else the shown statement's status."""

    def status(site: dict) -> str:
        if any(row["status"] == "disputed" for row in every(site)):
            return "disputed"
        return SEPARATOR.join(row["status"] for row in shown(site))

    return Column(f"{header}_status", status)


EVIDENCE_COLUMNS: list[Column] = [
    Column("disputed_facts", lambda site: SEPARATOR.join(site["disputed_facts"])),
    *(
        c
        for header, shown, every in SINGLE_FACTS
        for c in (*evidence(header, shown, ("provenance",)), single_status(header, shown, every))
    ),
    *(c for h, get in MANY_FACTS for c in evidence(h, get, ("rank", "provenance", "status"))),
]
SITE_COLUMNS += EVIDENCE_COLUMNS

SITE_HEADERS = [column.header for column in SITE_COLUMNS]
