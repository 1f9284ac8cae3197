"""The CSV columns of a site, in a fixed order: one row per site, flat values.

Each column reads the site's JSON representation, so CSV and JSON cannot drift apart.
Several values in one cell are joined with "; ". Reference facets come as slugs (the
values the filters take) with a `_names` column beside them.
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


def _identifiers(site: dict) -> str:
    """Every register identifier of the site's organisations, each once."""
    found = []
    for row in site["organisations"]:
        for identifier in row["organisation"]["identifiers"]:
            if identifier["identifier"] not in found:
                found.append(identifier["identifier"])
    return SEPARATOR.join(found)


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
    field("completeness"),
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

SITE_HEADERS = [column.header for column in SITE_COLUMNS]
