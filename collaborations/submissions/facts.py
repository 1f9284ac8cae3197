"""A site's facts as one value: what the submission form edits, services write and diffs compare.

SiteFacts holds model instances (reference rows) and plain text. The same value describes a
new submission, an edit, and the proposed state of a site in a change proposal. Facts that
apps above this one add (contributed.py) live in `extra`, read like the others.
"""

from dataclasses import dataclass, field, fields, replace

from collaborations.evidence import best_ranked
from collaborations.models import (
    Driver,
    FundingType,
    InitiatorType,
    Justification,
    LeadershipStyle,
    OrganisationType,
    PartnerType,
    Practice,
    Region,
    Site,
    SiteDriver,
    SiteFunding,
    SiteJustification,
    SiteLeadershipStyle,
    SitePartner,
    SitePractice,
    Typology,
    TypologyCoding,
)

from .contributed import contributed_labels, contribution_for, contributions


@dataclass
class SiteFacts:
    name: str = ""
    locality: str = ""
    region: Region | None = None
    local_authority: str = ""
    lead_organisation_name: str = ""
    lead_organisation_type: OrganisationType | None = None
    initiated_by: InitiatorType | None = None
    scope: str = ""
    start_year: int | None = None
    permanence: str = ""
    summary: str = ""
    website: str = ""
    typology: Typology | None = None
    partner_types: list[PartnerType] = field(default_factory=list)
    funding_types: list[FundingType] = field(default_factory=list)
    drivers: list[Driver] = field(default_factory=list)
    justifications: list[Justification] = field(default_factory=list)
    practices: list[Practice] = field(default_factory=list)
    leadership_styles: list[LeadershipStyle] = field(default_factory=list)
    # Contributed facts: key -> value (an absent key is empty).
    extra: dict = field(default_factory=dict)

    def __getattr__(self, name):
        if name != "extra":
            contribution = contribution_for(name)
            if contribution is not None:
                return self.extra.get(name, contribution.empty(name))
        raise AttributeError(name)

    def replaced(self, **changes) -> "SiteFacts":
        own = {f.name for f in fields(self)}
        extra = {**self.extra, **{k: v for k, v in changes.items() if k not in own}}
        return replace(self, extra=extra, **{k: v for k, v in changes.items() if k in own})


# Single-valued facts stored as columns of Site.
SITE_COLUMNS = [
    "name",
    "locality",
    "region",
    "local_authority",
    "initiated_by",
    "scope",
    "start_year",
    "permanence",
    "summary",
    "website",
]


@dataclass(frozen=True)
class FactSet:
    """A many-valued fact stored as one cited row per reference value."""

    model: type
    related_name: str
    ref_field: str
    reference: type


FACT_SETS = {
    "partner_types": FactSet(SitePartner, "partner_facts", "partner_type", PartnerType),
    "funding_types": FactSet(SiteFunding, "funding_facts", "funding_type", FundingType),
    "drivers": FactSet(SiteDriver, "driver_facts", "driver", Driver),
    "justifications": FactSet(
        SiteJustification, "justification_facts", "justification", Justification
    ),
    "practices": FactSet(SitePractice, "practice_facts", "practice", Practice),
    "leadership_styles": FactSet(
        SiteLeadershipStyle, "leadership_facts", "leadership_style", LeadershipStyle
    ),
}

# Codings: one current classification per site, several possible (sources may differ).
CODINGS = {
    "typology": FactSet(TypologyCoding, "typology_codings", "typology", Typology),
}

CORE_LABELS = {
    "name": "Name",
    "locality": "Town, city or area",
    "region": "Nation or region",
    "local_authority": "Local authority",
    "lead_organisation_name": "Lead organisation",
    "initiated_by": "Initiated by",
    "scope": "Scope of collaborative working",
    "start_year": "Start year",
    "permanence": "Embedded or time-limited",
    "summary": "Summary",
    "website": "Website",
    "typology": "Type of collaboration",
    "partner_types": "Partners",
    "funding_types": "Funding",
    "drivers": "Drivers",
    "justifications": "Justifications",
    "practices": "Practices",
    "leadership_styles": "Leadership styles",
}
CORE_SINGLE_VALUED = {*SITE_COLUMNS, *CODINGS, "lead_organisation_name"}


def fact_labels() -> dict[str, str]:
    """Every key that a snapshot, a diff or a proposal may name, in page order: this app's,
    then those the apps above it contribute."""
    return {**CORE_LABELS, **contributed_labels()}


def fact_keys() -> list[str]:
    return list(fact_labels())


def single_valued_keys() -> set[str]:
    keys = set(CORE_SINGLE_VALUED)
    for contribution in contributions():
        keys |= set(contribution.single_valued)
    return keys


def site_facts_of(site: Site) -> SiteFacts:
    """Read the facts a site shows from the database (a fixed number of queries)."""
    participations = site.participations.select_related("organisation__organisation_type", "role")
    lead = next((p for p in best_ranked(participations) if p.role.slug == "lead"), None)
    values = {column: getattr(site, column) for column in SITE_COLUMNS}
    for key, fact_set in FACT_SETS.items():
        rows = best_ranked(getattr(site, fact_set.related_name).select_related(fact_set.ref_field))
        values[key] = list(dict.fromkeys(getattr(row, fact_set.ref_field) for row in rows))
    for key, coding in CODINGS.items():
        rows = getattr(site, coding.related_name).select_related(coding.ref_field)
        current = next((row for row in rows if row.is_preferred), None)
        values[key] = getattr(current, coding.ref_field) if current else None
    extra = {}
    for contribution in contributions():
        extra.update(contribution.read(site))
    return SiteFacts(
        **values,
        lead_organisation_name=lead.organisation.name if lead else "",
        lead_organisation_type=lead.organisation.organisation_type if lead else None,
        extra=extra,
    )


def display_values(facts: SiteFacts, key: str) -> list[str]:
    """A fact as a list of readable strings (empty list: not known)."""
    value = getattr(facts, key)
    contribution = contribution_for(key)
    if contribution is not None:
        return contribution.display(key, value)
    if key == "permanence":
        value = Site.Permanence(value).label if value else ""
    if isinstance(value, list):
        return [str(item) for item in value]
    if value is None or value == "":
        return []
    return [str(value)]


def facts_snapshot(facts: SiteFacts) -> dict[str, list[str]]:
    """The public facts as plain strings, for revisions and diffs (no private details)."""
    return {key: display_values(facts, key) for key in fact_keys()}


def changed_keys(before: SiteFacts, after: SiteFacts) -> list[str]:
    return [key for key in fact_keys() if display_values(before, key) != display_values(after, key)]
