"""Record every change to a site's statements (who, when, what), whoever makes it.

Site itself carries HistoricalRecords; its statements live in rows of their own, so each
app registers the history of its own fact models with `record_history()`, into this app's
label so that all of a site's history lives in one place. Readers find the historical
models through the app registry (`fact_history_models()`), never by importing other apps.
"""

from django.apps import apps
from simple_history import register

from . import facts, provenance
from .statements import Statement


def record_history(*fact_models) -> None:
    for model in fact_models:
        register(model, app="collaborations", related_name="+")


def fact_models() -> list:
    """Every concrete statement model of a site, in every installed app."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Statement) and not model.__name__.startswith("Historical")
    ]


def fact_history_models() -> list:
    """The historical model of every statement model (HistoricalSiteDriver...).

    Read once the registry is ready: `model.history` builds a new manager class each time
    it is read, which costs more than the queries that use the list."""
    if apps.ready and _history_models:
        return list(_history_models)
    found = [model.history.model for model in fact_models() if hasattr(model, "history")]
    if apps.ready:
        _history_models.extend(found)
    return found


_history_models: list = []


record_history(
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
)
