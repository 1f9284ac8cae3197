"""The task list: a submission in sections, each on its own page, saved on continue.

A section names the form fields it asks, the fact keys it writes and the fields it needs
before it can be marked completed. The apps above collaborations add sections of their own
(contributed.py); they come before "Sources and evidence".
"""

from dataclasses import dataclass, field

from .contributed import contributions
from .identifiers import identifier_field_names

NOT_STARTED, IN_PROGRESS, COMPLETED = "not-started", "in-progress", "completed"
STATUS_LABELS = {NOT_STARTED: "Not started", IN_PROGRESS: "In progress", COMPLETED: "Completed"}


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    fields: list[str]
    keys: list[str] = field(default_factory=list)  # fact keys written (SiteFacts)
    required: list[str] = field(default_factory=list)
    template: str = ""
    hint: str = ""


ABOUT = Section(
    "about",
    "About the collaboration",
    ["name", "summary", "scope", "website", "start_year", "permanence"],
    keys=["name", "summary", "scope", "website", "start_year", "permanence"],
    required=["name", "summary"],
)
WHERE = Section(
    "where-and-who",
    "Where and who",
    [
        "locality",
        "region",
        "council",  # picked from the register; written as local_authority
        "local_authority",
        "lead_organisation_name",
        "lead_organisation_type",
        *identifier_field_names(),  # its charity and company numbers (not facts of the site)
        "initiated_by",
        "partner_types",
    ],
    keys=[
        "locality",
        "region",
        "local_authority",
        "lead_organisation_name",
        "lead_organisation_type",  # written with the lead organisation
        "initiated_by",
        "partner_types",
    ],
    required=["lead_organisation_name"],
    hint="Give the town, city or area, or the nation or region (one of them is needed).",
)
TYPE = Section(
    "type-and-funding",
    "Type and funding",
    ["typology", "funding_types"],
    keys=["typology", "funding_types"],
    hint="The research describes four types of collaboration. Pick the one closest to yours, "
    "or “Not sure”: a moderator can help.",
)
WHY = Section(
    "why", "Why you collaborate", ["drivers", "justifications"], ["drivers", "justifications"]
)
HOW = Section(
    "how", "How you work", ["practices", "leadership_styles"], ["practices", "leadership_styles"]
)
SOURCES = Section(
    "sources",
    "Sources and evidence",
    [],
    hint="Back up what you told us: a web page or a document, and the words in it that say so. "
    "Facts with a reference are shown as backed, to moderators and readers.",
)
DETAILS = Section(
    "your-details",
    "Your details",
    ["contact_name", "contact_email"],
    required=["contact_name", "contact_email"],
    hint="Private: only moderators see these. They are never shown on the site or in the API.",
)


def contributed_section(contribution) -> Section:
    return Section(
        contribution.section,
        contribution.section_title,
        list(contribution.form_fields()),
        keys=list(contribution.labels),
        template=contribution.section_template,
    )


def sections() -> list[Section]:
    extra = [contributed_section(c) for c in contributions()]
    return [ABOUT, WHERE, TYPE, WHY, HOW, *extra, SOURCES, DETAILS]


def section_named(slug: str) -> Section | None:
    return next((s for s in sections() if s.slug == slug), None)


def section_of_key(key: str) -> Section | None:
    return next((s for s in sections() if key in s.keys), None)


def status_of(submission, section: Section) -> str:
    return submission.section_status.get(section.slug, NOT_STARTED)
