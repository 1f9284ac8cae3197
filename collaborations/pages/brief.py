"""A case page led by what is known: which of its facts the sources state, a few plain
sentences built only from those facts, and the rest named on one line.

Nothing here adds knowledge: every sentence restates a value shown, with its citation,
further down the page, and a fact with no statement is only ever named as not stated.
"""

from dataclasses import dataclass

from collaborations.evidence import fact_view
from collaborations.models import Site


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str  # as it reads inside a sentence ("start year")
    section: str  # the id of the page section that shows it


# The facts a case page covers, in page order.
DIMENSIONS = [
    Dimension("lead", "lead organisation", "who"),
    Dimension("locality", "place", "who"),
    Dimension("region", "nation or region", "who"),
    Dimension("local_authority", "local authority", "who"),
    Dimension("initiated_by", "who initiated it", "who"),
    Dimension("start_year", "start year", "who"),
    Dimension("permanence", "whether it is embedded or time-limited", "who"),
    Dimension("website", "website", "who"),
    Dimension("typology", "type of collaboration", "type"),
    Dimension("governance_mode", "governance mode", "type"),
    Dimension("scope", "scope", "type"),
    Dimension("study_depth", "study depth", "type"),
    Dimension("funding", "funding", "funding"),
    Dimension("drivers", "key drivers", "why"),
    Dimension("justifications", "justifications", "why"),
    Dimension("partner_types", "partner types", "partners"),
    Dimension("organisations", "named organisations", "partners"),
    Dimension("practices", "practices", "how"),
    Dimension("leadership", "leadership styles", "how"),
    Dimension("accountability_lines", "lines of external accountability", "accountability"),
    Dimension("approaches", "accountability approaches", "accountability"),
    Dimension("measurement", "measurement approach", "accountability"),
    Dimension("indicators", "indicators and measures", "accountability"),
    Dimension("quotes", "quotes", "quotes"),
    Dimension("themes", "framework themes", "themes"),
]

FIELDS = ("locality", "region", "local_authority", "initiated_by", "start_year", "permanence")
FIELDS += ("website", "scope", "study_depth")


def stated_dimensions(site: Site, field_facts: dict, typology_coding, type_partners) -> dict:
    """{dimension key: whether any source states it} for the dimensions this site's kind
    has (framework themes only for the framework's examples)."""
    stated = {name: bool(field_facts.get(name)) for name in FIELDS}
    stated.update(
        lead=any(p.role.slug == "lead" for p in site.participations.all()),
        typology=bool(site.typology_codings.all()),
        governance_mode=bool(typology_coding and typology_coding.typology.governance_mode_id),
        funding=bool(site.funding_facts.all()),
        drivers=bool(site.driver_facts.all()),
        justifications=bool(site.justification_facts.all()),
        partner_types=bool(site.partner_facts.all()) or bool(type_partners),
        organisations=bool(site.participations.all()),
        practices=bool(site.practice_facts.all()),
        leadership=bool(site.leadership_facts.all()),
        accountability_lines=bool(site.accountability_lines.all()),
        approaches=bool(site.approach_facts.all()),
        measurement=bool(site.measurement_codings.all()),
        indicators=bool(site.indicators.all()),
        quotes=bool(site.quotes.all()),
    )
    if site.theme_facts.all() or site.kind == Site.Kind.FRAMEWORK_EXAMPLE:
        stated["themes"] = bool(site.theme_facts.all())
    return stated


def page_outline(stated: dict) -> dict:
    """What the case page shows: `stated` (key: bool), `sections` (section id: whether it
    has a stated fact) and `not_stated` (the labels of the silent dimensions, in order)."""
    dimensions = [d for d in DIMENSIONS if d.key in stated]
    sections = {}
    for dimension in dimensions:
        sections[dimension.section] = sections.get(dimension.section) or stated[dimension.key]
    return {
        "stated": stated,
        "sections": sections,
        "not_stated": [d.label for d in dimensions if not stated[d.key]],
        "stated_count": sum(1 for d in dimensions if stated[d.key]),
        "dimension_count": len(dimensions),
    }


KIND_PHRASES = {
    Site.Kind.RESEARCH_SITE: "one of the study’s research sites",
    Site.Kind.FRAMEWORK_EXAMPLE: "an example named in the collaborative capacity framework",
    Site.Kind.PRACTITIONER_SUBMISSION: "a collaboration described by a practitioner",
}


def _shown(statements) -> list:
    return fact_view(statements)["shown"] if statements else []


def _names(values) -> str:
    """ "a", "a and b", "a, b and c"; the values as the page shows them."""
    values = [str(v) for v in values if str(v)]
    if len(values) <= 1:
        return "".join(values)
    return f"{', '.join(values[:-1])} and {values[-1]}"


def _lower(name: str) -> str:
    """A reference value inside a sentence: "Grant funding" → "grant funding", but "NHS"
    and proper names keep their capitals."""
    first = name.split(" ", 1)[0]
    return name if first.isupper() or not first[1:].islower() else name[:1].lower() + name[1:]


def narrative(site: Site, stated: dict, typology_coding, differing_codings) -> list[str]:
    """Plain sentences from the facts the sources state, each of which the page cites."""
    sentences = [_identity(site, stated)]
    sentences += _place(site, stated)
    if typology_coding:
        typology = typology_coding.typology
        sentence = (
            f"The catalogue files it under the type “{typology.name}”"
            if typology.is_classification
            # The "not classified" placeholder is no type: say what the documents do.
            else "No document places it in one of the report’s four types"
        )
        if differing_codings:
            sentence += ", though another source’s statement differs"
        sentences.append(sentence + ".")
    if stated["scope"] and site.scope:
        sentences.append(f"The sources describe its scope as “{site.scope.rstrip('.')}”.")
    if stated["start_year"] and site.start_year:
        sentences.append(f"Its start year is given as {site.start_year}.")
    funding = [_lower(str(f.funding_type)) for f in _shown(site.funding_facts.all())]
    if funding:
        sentences.append(f"Funding stated: {_names(funding)}.")
    organisations = [
        f"{p.organisation} ({p.role.name.lower()})" for p in _shown(site.participations.all())
    ]
    if organisations:
        sentences.append(f"Organisations named: {_names(organisations)}.")
    partners = [_lower(str(f.partner_type)) for f in _shown(site.partner_facts.all())]
    if partners:
        sentences.append(f"Partner types named for it: {_names(partners)}.")
    lines = [_lower(str(line.line_type)) for line in site.accountability_lines.all()]
    if lines:
        sentences.append(f"Lines of external accountability stated: {_names(lines)}.")
    measurement = [_lower(str(f.approach)) for f in _shown(site.measurement_codings.all())]
    if measurement:
        sentences.append(f"Measurement approach stated: {_names(measurement)}.")
    themes = [f"{f.theme} ({f.theme.strand.name} strand)" for f in _shown(site.theme_facts.all())]
    if themes:
        sentences.append(f"The framework places it under {_names(themes)}.")
    return sentences


def _identity(site: Site, stated: dict) -> str:
    sentence = f"{site.name} is {KIND_PHRASES.get(site.kind, 'a collaboration')}"
    depth = site.study_depth
    if stated["study_depth"] and depth is not None and depth.slug != "none":
        sentence += f", studied through a {_lower(depth.name)}"
    return sentence + "."


def _place(site: Site, stated: dict) -> list[str]:
    where = site.locality if stated["locality"] else ""
    if stated["local_authority"] and site.local_authority:
        where = f"{where} (local authority: {site.local_authority})".strip()
    if stated["region"] and site.region_id:
        where = f"{where}, {site.region.name}" if where else site.region.name
    return [f"The sources place it in {where}."] if where else []
