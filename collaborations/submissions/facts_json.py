"""SiteFacts to and from JSON (reference rows by slug), for storing proposed changes."""

from collaborations.models import InitiatorType, OrganisationType, Region

from .contributed import contribution_for
from .facts import CODINGS, FACT_SETS, SiteFacts

REFERENCE_COLUMNS = {
    "region": Region,
    "initiated_by": InitiatorType,
    "lead_organisation_type": OrganisationType,
}


def facts_to_json(facts: SiteFacts, keys: list[str]) -> dict:
    payload = {}
    for key in keys:
        value = getattr(facts, key)
        contribution = contribution_for(key)
        if contribution is not None:
            payload[key] = contribution.to_json(key, value)
        elif key in FACT_SETS:
            payload[key] = [row.slug for row in value]
        elif key in CODINGS or key in REFERENCE_COLUMNS:
            payload[key] = value.slug if value else None
        else:
            payload[key] = value
    if "lead_organisation_name" in keys and facts.lead_organisation_type:
        payload["lead_organisation_type"] = facts.lead_organisation_type.slug
    return payload


def _rows_by_slug(model, slugs: list[str]) -> list:
    return list(model.objects.filter(slug__in=slugs))


def _row_by_slug(model, slug: str | None):
    return model.objects.filter(slug=slug).first() if slug else None


def facts_from_json(payload: dict, base: SiteFacts) -> SiteFacts:
    """The base facts with the payload's keys replaced; rows deleted since are dropped."""
    changes = {}
    for key, value in payload.items():
        contribution = contribution_for(key)
        if contribution is not None:
            changes[key] = contribution.from_json(key, value)
        elif key in FACT_SETS:
            changes[key] = _rows_by_slug(FACT_SETS[key].reference, value)
        elif key in CODINGS:
            changes[key] = _row_by_slug(CODINGS[key].reference, value)
        elif key in REFERENCE_COLUMNS:
            changes[key] = _row_by_slug(REFERENCE_COLUMNS[key], value)
        else:
            changes[key] = value
    return base.replaced(**changes)
