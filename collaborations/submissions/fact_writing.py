"""Make a site's stored facts equal a SiteFacts value, citing one source for what is new.

Rows that stay the same keep their citation (a research document stays cited for the facts
a practitioner did not touch); new rows cite the given source. Called inside the services'
transactions only.
"""

from django.core.exceptions import ValidationError

from accountability.models import AccountabilityLine, Indicator
from collaborations.derived import refresh_site_derived
from collaborations.models import FieldCitation, Site, SiteOrganisation, Source

from .facts import CODINGS, FACT_KEYS, FACT_SETS, SITE_COLUMNS, SiteFacts, accountability_lines_of
from .organisations import lead_role, organisation_for_lead, organisations_unused_delete


def site_facts_write(
    *, site: Site, facts: SiteFacts, source: Source, locator: str, keys: list[str] | None = None
) -> None:
    keys = FACT_KEYS if keys is None else keys
    cite = {"source": source, "locator": locator}
    _write_columns(site, facts, [k for k in SITE_COLUMNS if k in keys], cite)
    for key in keys:
        if key in FACT_SETS:
            _write_fact_set(site, key, getattr(facts, key), cite)
        elif key in CODINGS:
            _write_coding(site, key, getattr(facts, key), cite)
    if "lead_organisation_name" in keys:
        _write_lead(site, facts, cite)
    if "accountability_lines" in keys:
        _write_lines(site, facts, cite)
    if "indicators" in keys:
        _write_indicators(site, facts.indicators, cite)
    refresh_site_derived(site)


def _save(row) -> None:
    row.full_clean()
    row.save()


def _write_columns(site: Site, facts: SiteFacts, columns: list[str], cite: dict) -> None:
    for column in columns:
        setattr(site, column, getattr(facts, column))
    _save(site)
    citations = {c.field: c for c in FieldCitation.objects.filter(site=site, field__in=columns)}
    for column in columns:
        citation = citations.get(column)
        if getattr(site, column) in (None, ""):
            if citation:
                citation.delete()
        elif citation is None:
            _save(FieldCitation(site=site, field=column, **cite))
        elif citation.source_id != cite["source"].pk or citation.locator != cite["locator"]:
            citation.source, citation.locator = cite["source"], cite["locator"]
            _save(citation)


def _write_fact_set(site: Site, key: str, values: list, cite: dict) -> None:
    fact_set = FACT_SETS[key]
    wanted = {row.pk: row for row in values}
    existing = {
        getattr(row, f"{fact_set.ref_field}_id"): row
        for row in getattr(site, fact_set.related_name).all()
    }
    for pk, row in existing.items():
        if pk not in wanted:
            row.delete()
    for pk, value in wanted.items():
        if pk not in existing:
            _save(fact_set.model(site=site, **{fact_set.ref_field: value}, **cite))


def _write_coding(site: Site, key: str, value, cite: dict) -> None:
    coding = CODINGS[key]
    rows = list(getattr(site, coding.related_name).all())
    current = [row for row in rows if row.is_current]
    if [getattr(row, f"{coding.ref_field}_id") for row in current] == ([value.pk] if value else []):
        return
    for row in current:
        if row.source_id == cite["source"].pk:
            row.delete()  # the same source recoding itself: no second opinion to keep
        else:
            row.is_current = False
            row.save(update_fields=["is_current"])
    if value is None:
        return
    kept = next(
        (
            row
            for row in rows
            if getattr(row, f"{coding.ref_field}_id") == value.pk
            and row.source_id == cite["source"].pk
            and not row.is_current
        ),
        None,
    )
    if kept:
        kept.is_current = True
        kept.save(update_fields=["is_current"])
    else:
        _save(coding.model(site=site, **{coding.ref_field: value}, is_current=True, **cite))


def _write_lead(site: Site, facts: SiteFacts, cite: dict) -> None:
    role = lead_role()
    leads = list(
        SiteOrganisation.objects.filter(site=site, role=role).select_related("organisation")
    )
    wanted = facts.lead_organisation_name.strip()
    if [p.organisation.name.casefold() for p in leads] == ([wanted.casefold()] if wanted else []):
        return
    for participation in leads:
        participation.delete()
    organisations_unused_delete(p.organisation_id for p in leads)
    if not wanted:
        return
    organisation = organisation_for_lead(wanted, facts.lead_organisation_type)
    if organisation is None:
        raise ValidationError(
            {"lead_organisation_type": "Say what kind of organisation leads the collaboration."}
        )
    _save(SiteOrganisation(site=site, organisation=organisation, role=role, **cite))


def _write_lines(site: Site, facts: SiteFacts, cite: dict) -> None:
    current = {line.line_type.pk: line.detail for line in accountability_lines_of(site)}
    wanted = {line.line_type.pk: line for line in facts.accountability_lines}
    for type_pk, detail in current.items():
        if type_pk not in wanted or wanted[type_pk].detail != detail:
            AccountabilityLine.objects.filter(site=site, line_type_id=type_pk).delete()
    for type_pk, line in wanted.items():
        if type_pk not in current or current[type_pk] != line.detail:
            _save(
                AccountabilityLine(site=site, line_type=line.line_type, detail=line.detail, **cite)
            )


def _write_indicators(site: Site, names: list[str], cite: dict) -> None:
    existing = {indicator.name: indicator for indicator in Indicator.objects.filter(site=site)}
    for name, indicator in existing.items():
        if name not in names:
            indicator.delete()
    for name in dict.fromkeys(names):
        if name not in existing:
            _save(Indicator(site=site, name=name, **cite))
