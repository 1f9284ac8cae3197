"""Record every change to a site's fact rows (who, when, what), whoever makes it.

Site itself carries HistoricalRecords; its facts live in rows of their own, so their
history is registered here, into this app (the accountability facts too, so that all of a
site's history lives in one place and one migration).
"""

from simple_history import register

from . import facts, provenance

COLLABORATION_FACT_MODELS = [
    facts.SiteAlias,
    facts.TypologyCoding,
    facts.SiteFunding,
    facts.SiteDriver,
    facts.SiteJustification,
    facts.SitePartner,
    facts.SitePractice,
    facts.SiteLeadershipStyle,
    facts.SiteFrameworkTheme,
    facts.SiteOrganisation,
    facts.FieldStatement,
    provenance.Quote,
]


FACT_MODELS = []


def register_fact_history():
    # Imported here: accountability.models imports this package, which is by now
    # initialised far enough (Site, CitedFact, ReferenceItem) for it to load.
    from accountability import models as accountability

    FACT_MODELS[:] = [
        *COLLABORATION_FACT_MODELS,
        accountability.SiteAccountabilityApproach,
        accountability.MeasurementCoding,
        accountability.AccountabilityLine,
        accountability.Indicator,
    ]
    for model in FACT_MODELS:
        register(model, app="collaborations", related_name="+")


def fact_history_models() -> list:
    """The historical model of every fact row model (HistoricalSiteDriver...)."""
    return [model.history.model for model in FACT_MODELS]


register_fact_history()
