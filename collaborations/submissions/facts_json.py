"""SiteFacts to and from JSON (reference rows by slug), for storing proposed changes."""

from accountability.models import AccountabilityLineType
from collaborations.models import InitiatorType, OrganisationType, Region

from .facts import CODINGS, FACT_SETS, AccountabilityLineFact, SiteFacts

REFERENCE_COLUMNS = {
    "region": Region,
    "initiated_by": InitiatorType,
    "lead_organisation_type": OrganisationType,
}


def facts_to_json(facts: SiteFacts, keys: list[str]) -> dict:
    payload = {}
    for key in keys:
        value = getattr(facts, key)
        if key in FACT_SETS:
            payload[key] = [row.slug for row in value]
        elif key in CODINGS or key in REFERENCE_COLUMNS:
            payload[key] = value.slug if value else None
        elif key == "accountability_lines":
            payload[key] = [{"line_type": ln.line_type.slug, "detail": ln.detail} for ln in value]
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
        if key in FACT_SETS:
            changes[key] = _rows_by_slug(FACT_SETS[key].reference, value)
        elif key in CODINGS:
            changes[key] = _row_by_slug(CODINGS[key].reference, value)
        elif key in REFERENCE_COLUMNS:
            changes[key] = _row_by_slug(REFERENCE_COLUMNS[key], value)
        elif key == "accountability_lines":
            changes[key] = _lines_from_json(value)
        else:
            changes[key] = value
    return base.replaced(**changes)


def _lines_from_json(lines: list[dict]) -> list[AccountabilityLineFact]:
    types = {
        t.slug: t for t in _rows_by_slug(AccountabilityLineType, [ln["line_type"] for ln in lines])
    }
    return [
        AccountabilityLineFact(types[ln["line_type"]], ln.get("detail", ""))
        for ln in lines
        if ln["line_type"] in types
    ]
