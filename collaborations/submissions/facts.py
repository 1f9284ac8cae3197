"""A site's facts as one value: what the submission form edits, services write and diffs compare.

SiteFacts holds model instances (reference rows) and plain text. The same value describes a
new submission, an edit, and the proposed state of a site in a change proposal.
"""

from dataclasses import dataclass, field, fields, replace

from accountability.models import (
    AccountabilityApproach,
    AccountabilityLine,
    AccountabilityLineType,
    Indicator,
    MeasurementApproach,
    MeasurementCoding,
    SiteAccountabilityApproach,
)
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


@dataclass(frozen=True)
class AccountabilityLineFact:
    line_type: AccountabilityLineType
    detail: str = ""

    def __str__(self):
        return f"{self.line_type.name}: {self.detail}" if self.detail else self.line_type.name


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
    measurement_approach: MeasurementApproach | None = None
    partner_types: list[PartnerType] = field(default_factory=list)
    funding_types: list[FundingType] = field(default_factory=list)
    drivers: list[Driver] = field(default_factory=list)
    justifications: list[Justification] = field(default_factory=list)
    practices: list[Practice] = field(default_factory=list)
    leadership_styles: list[LeadershipStyle] = field(default_factory=list)
    accountability_approaches: list[AccountabilityApproach] = field(default_factory=list)
    accountability_lines: list[AccountabilityLineFact] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)

    def replaced(self, **changes) -> "SiteFacts":
        return replace(self, **changes)


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
    "accountability_approaches": FactSet(
        SiteAccountabilityApproach, "approach_facts", "approach", AccountabilityApproach
    ),
}

# Codings: one current classification per site, several possible (sources may differ).
CODINGS = {
    "typology": FactSet(TypologyCoding, "typology_codings", "typology", Typology),
    "measurement_approach": FactSet(
        MeasurementCoding, "measurement_codings", "approach", MeasurementApproach
    ),
}

LABELS = {
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
    "measurement_approach": "Measurement approach",
    "partner_types": "Partners",
    "funding_types": "Funding",
    "drivers": "Drivers",
    "justifications": "Justifications",
    "practices": "Practices",
    "leadership_styles": "Leadership styles",
    "accountability_approaches": "Accountability approaches",
    "accountability_lines": "Lines of accountability",
    "indicators": "Measures and indicators",
}

# Every key that a snapshot, a diff or a proposal may name, in page order.
FACT_KEYS = list(LABELS)
SINGLE_VALUED_KEYS = {*SITE_COLUMNS, *CODINGS, "lead_organisation_name"}


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
    return SiteFacts(
        **values,
        lead_organisation_name=lead.organisation.name if lead else "",
        lead_organisation_type=lead.organisation.organisation_type if lead else None,
        accountability_lines=accountability_lines_of(site),
        indicators=[indicator.name for indicator in Indicator.objects.filter(site=site)],
    )


def accountability_lines_of(site: Site) -> list[AccountabilityLineFact]:
    """One line per type; where a source gives several for one type, their details joined."""
    details: dict[AccountabilityLineType, list[str]] = {}
    for line in AccountabilityLine.objects.filter(site=site).select_related("line_type"):
        details.setdefault(line.line_type, [])
        if line.detail:
            details[line.line_type].append(line.detail)
    return [AccountabilityLineFact(kind, "\n\n".join(texts)) for kind, texts in details.items()]


def display_values(facts: SiteFacts, key: str) -> list[str]:
    """A fact as a list of readable strings (empty list: not known)."""
    value = getattr(facts, key)
    if key == "permanence":
        value = Site.Permanence(value).label if value else ""
    if isinstance(value, list):
        return [str(item) for item in value]
    if value is None or value == "":
        return []
    return [str(value)]


def facts_snapshot(facts: SiteFacts) -> dict[str, list[str]]:
    """The public facts as plain strings, for revisions and diffs (no private details)."""
    return {key: display_values(facts, key) for key in FACT_KEYS}


def changed_keys(before: SiteFacts, after: SiteFacts) -> list[str]:
    return [key for key in FACT_KEYS if display_values(before, key) != display_values(after, key)]


def fact_field_names() -> list[str]:
    return [f.name for f in fields(SiteFacts)]
