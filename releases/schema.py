"""The Frictionless Table Schema of the sites table: a type and a description per column.

The columns themselves come from the API's CSV export (collaborations.api.columns), so a
column added there is in the next release; one not described here is typed as a string
with a generic description until it is.
"""

INTEGER, DATETIME, STRING = "integer", "datetime", "string"
SEPARATED = 'Several values are separated by "; ".'

COLUMNS = {
    "slug": (STRING, "The site's stable identifier, as in its web address and the API."),
    "name": (STRING, "The collaboration's name."),
    "kind": (STRING, "research-site, framework-example or practitioner-submission."),
    "evidence": (STRING, "research-coded (from the source documents) or self-reported."),
    "facts_stated": (INTEGER, "Facts the record states (not deprecated)."),
    "facts_with_reference": (INTEGER, "Stated facts backed by at least one passage."),
    "facts_research_coded": (INTEGER, "Stated facts coded from documents or by a moderator."),
    "facts_self_reported": (INTEGER, "Stated facts self-reported by the collaboration."),
    "typology": (STRING, "The current type of collaboration (slug)."),
    "typology_name": (STRING, "The current type of collaboration (name)."),
    "study_depth": (STRING, "learning-call or deep-dive, for the research sites."),
    "region": (STRING, "Nation or region (slug)."),
    "nation": (STRING, "The nation of the region."),
    "locality": (STRING, "Town, city or area."),
    "local_authority": (STRING, "The local authority, as named."),
    "council_code": (STRING, "The ONS's GSS code of the council of that name (England, Wales)."),
    "council_name": (STRING, "The council's name in the ONS local authority lookup."),
    "initiated_by": (STRING, "Who started the collaboration (slug)."),
    "permanence": (STRING, "embedded or time-limited, where known."),
    "start_year": (INTEGER, "The year the collaboration started, where known."),
    "lead_organisation": (STRING, "The lead organisation's name."),
    "organisations": (STRING, f"Named organisations with their role. {SEPARATED}"),
    "organisation_identifiers": (
        STRING,
        f"The organisations' identifiers in public registers, as <register>-<value>. {SEPARATED}",
    ),
    "organisation_identifier_origins": (
        STRING,
        "How the catalogue came by each identifier, in the same order: register-match, "
        f"document, submitter (given by the practitioner who submitted the site), moderator. "
        f"{SEPARATED}",
    ),
    "summary": (STRING, "A short description."),
    "scope": (STRING, "Scope of collaborative working."),
    "website": (STRING, "The collaboration's website, if any."),
    "sources": (STRING, f"Every source the site's facts cite (slugs). {SEPARATED}"),
    "created_at": (DATETIME, "When the record was created in the catalogue (UTC)."),
    "updated_at": (DATETIME, "When the record last changed (UTC)."),
    "published_at": (DATETIME, "When a submitted record was published (UTC)."),
    "url": (STRING, "The site in the API."),
    "html_url": (STRING, "The site's case page."),
}
LIST_COLUMNS = {
    "funding_types": "Funding types",
    "drivers": "Key drivers",
    "justifications": "Justifications",
    "partner_types": "Partner types",
    "practices": "Practices",
    "leadership_styles": "Leadership styles",
    "framework_themes": "Framework themes",
    "accountability_approaches": "Accountability approaches",
    "accountability_lines": "Lines of external accountability",
    "indicators": "Measures and indicators",
    "aliases": "Other names used by the sources",
}


# The evidence columns after the facts (collaborations.api.columns): one entry per value of
# the fact column they are named after, in the same order.
EVIDENCE = {
    "_rank": "preferred, normal or deprecated",
    "_provenance": "research (stated in a document), inferred (by the catalogue from a "
    "document), self-reported or moderator",
    "_status": "agreed or disputed (sources disagree about the fact)",
}
COLUMNS["disputed_facts"] = (STRING, f"The facts on which sources disagree. {SEPARATED}")


def describe(header: str) -> dict:
    suffix = next((s for s in EVIDENCE if header.endswith(s)), None)
    if header in COLUMNS:
        kind, description = COLUMNS[header]
    elif suffix:
        fact = header[: -len(suffix)]
        kind = STRING
        description = f"For each value of {fact}: {EVIDENCE[suffix]}. {SEPARATED}"
    elif header in LIST_COLUMNS:
        kind, description = STRING, f"{LIST_COLUMNS[header]} (slugs). {SEPARATED}"
    elif header.endswith("_names") and header[: -len("_names")] + "s" in LIST_COLUMNS:
        kind, description = STRING, f"The same, by name. {SEPARATED}"
    elif header.endswith("_name"):
        kind, description = STRING, "The name of the value in the column before."
    else:
        kind, description = STRING, "See the API guide (docs/api.md) for this column."
    field = {"name": header, "type": kind, "description": description}
    if header.startswith("facts_"):
        field["constraints"] = {"minimum": 0}
    if header == "slug":
        field["constraints"] = {"required": True, "unique": True}
    return field


def table_schema(headers: list[str]) -> dict:
    return {"fields": [describe(header) for header in headers], "primaryKey": ["slug"]}


def sqlite_type(header: str) -> str:
    return "INTEGER" if describe(header)["type"] == INTEGER else "TEXT"
