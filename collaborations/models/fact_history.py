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
    facts.FieldCitation,
    provenance.Quote,
]


def register_fact_history():
    # Imported here: accountability.models imports this package, which is by now
    # initialised far enough (Site, CitedFact, ReferenceItem) for it to load.
    from accountability import models as accountability

    for model in [
        *COLLABORATION_FACT_MODELS,
        accountability.SiteAccountabilityApproach,
        accountability.MeasurementCoding,
        accountability.AccountabilityLine,
        accountability.Indicator,
    ]:
        register(model, app="collaborations", related_name="+")


register_fact_history()
