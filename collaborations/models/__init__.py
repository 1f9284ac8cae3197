from .account import ApiToken
from .base import ReferenceItem
from .changes import CatalogueChange
from .facts import (
    FieldStatement,
    SiteAlias,
    SiteDriver,
    SiteFrameworkTheme,
    SiteFunding,
    SiteJustification,
    SiteLeadershipStyle,
    SiteOrganisation,
    SitePartner,
    SitePractice,
    TypologyCoding,
)
from .findings import Finding, Topic
from .identifiers import LocalAuthority, OrganisationIdentifier, Register
from .organisation import Organisation, OrganisationAlias
from .provenance import Quote, Source
from .reference import (
    Driver,
    FrameworkStrand,
    FrameworkTheme,
    FundingType,
    GovernanceMode,
    Ingredient,
    InitiatorType,
    Justification,
    LeadershipStyle,
    OrganisationRole,
    OrganisationType,
    PartnerType,
    Practice,
    Region,
    StudyDepth,
    Typology,
    TypologyPartner,
)
from .site import Site, SiteQuerySet
from .site_document import SiteDocument
from .statements import Passage, Provenance, Rank, Reference, Statement, Status
from .submission import (
    ChangeProposal,
    ModerationDecision,
    SiteRevision,
    Submission,
    SubmissionAccessKey,
)

__all__ = [
    "ApiToken",
    "CatalogueChange",
    "ReferenceItem",
    "FieldStatement",
    "Passage",
    "Provenance",
    "Rank",
    "Reference",
    "Statement",
    "Status",
    "Finding",
    "LocalAuthority",
    "OrganisationIdentifier",
    "Register",
    "Topic",
    "SiteAlias",
    "SiteDriver",
    "SiteFrameworkTheme",
    "SiteFunding",
    "SiteJustification",
    "SiteLeadershipStyle",
    "SiteOrganisation",
    "SitePartner",
    "SitePractice",
    "TypologyCoding",
    "Organisation",
    "OrganisationAlias",
    "Quote",
    "Source",
    "Driver",
    "FrameworkStrand",
    "FrameworkTheme",
    "FundingType",
    "GovernanceMode",
    "Ingredient",
    "InitiatorType",
    "Justification",
    "LeadershipStyle",
    "OrganisationRole",
    "OrganisationType",
    "PartnerType",
    "Practice",
    "Region",
    "StudyDepth",
    "Typology",
    "TypologyPartner",
    "Site",
    "SiteQuerySet",
    "SiteDocument",
    "ChangeProposal",
    "ModerationDecision",
    "SiteRevision",
    "Submission",
    "SubmissionAccessKey",
]

from . import fact_history  # noqa: E402,F401  (last: it needs the models above)
