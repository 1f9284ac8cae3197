"""Write what one source states about a site, as statements of that source.

A practitioner's submission and an accepted correction are sources of their own: writing
them adds, changes or removes only that source's statements. A research document's
statements are never deleted or rewritten; a correction stands beside them, preferred or
not as the moderator decided (with the reason), and the site shows the preferred value.
Called inside the services' transactions only.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from collaborations.derived import refresh_site_derived
from collaborations.models import (
    FieldStatement,
    InitiatorType,
    Provenance,
    Rank,
    Region,
    Site,
    SiteOrganisation,
    Source,
)

from .contributed import contribution_for
from .facts import CODINGS, FACT_SETS, SITE_COLUMNS, FactSet, SiteFacts, fact_keys
from .organisations import lead_role, organisation_for_lead, organisations_unused_delete

# Site columns that hold a reference row: statements keep its slug.
REFERENCE_COLUMNS = {"region": Region, "initiated_by": InitiatorType}


@dataclass(frozen=True)
class Stance:
    """Who states the facts, and how the catalogue ranks them against other sources'."""

    source: Source
    locator: str
    preferred: bool = False
    reason: str = ""

    def statement(self, **values) -> dict:
        kind = self.source.kind
        provenance = (
            Provenance.MODERATOR if kind == Source.Kind.MODERATOR else Provenance.SELF_REPORTED
        )
        rank = Rank.PREFERRED if self.preferred else Rank.NORMAL
        return {
            "source": self.source,
            "locator": self.locator,
            "provenance": provenance,
            "rank": rank,
            "rank_reason": self.reason if rank == Rank.PREFERRED else "",
            **values,
        }


def site_facts_write(
    *,
    site: Site,
    facts: SiteFacts,
    source: Source,
    locator: str,
    keys: list[str] | None = None,
    preferred: bool = False,
    reason: str = "",
) -> None:
    keys = fact_keys() if keys is None else keys
    stance = Stance(source, locator, preferred, reason)
    for column in SITE_COLUMNS:
        if column in keys:
            _write_field(site, column, getattr(facts, column), stance)
    site.full_clean()
    site.save()
    for key in keys:
        contribution = contribution_for(key)
        if key in FACT_SETS:
            write_fact_set(site, FACT_SETS[key], getattr(facts, key), stance)
        elif key in CODINGS:
            write_coding(site, CODINGS[key], getattr(facts, key), stance)
        elif contribution is not None:
            contribution.write(site, key, getattr(facts, key), stance)
    if "lead_organisation_name" in keys:
        _write_lead(site, facts, stance)
    refresh_site_derived(site)


def save_statement(row) -> None:
    row.full_clean()
    row.save()


def _as_text(column: str, value) -> str:
    if value is None:
        return ""
    return value.slug if column in REFERENCE_COLUMNS else str(value)


def _write_field(site: Site, column: str, value, stance: Stance) -> None:
    """This source's statement of the field, then the site shows the preferred value."""
    statements = list(FieldStatement.objects.filter(site=site, field=column).order_by("pk"))
    own = next((s for s in statements if s.source_id == stance.source.pk), None)
    text = _as_text(column, value)
    if own and not text:
        own.delete()
        statements.remove(own)
    elif text:
        if stance.preferred:
            _demote([s for s in statements if s is not own])
        values = stance.statement(value=text)
        if own is None:
            own = FieldStatement(site=site, field=column)
            statements.append(own)
        for name, field_value in values.items():
            setattr(own, name, field_value)
        save_statement(own)
    setattr(site, column, _shown_value(column, statements))


def _shown_value(column: str, statements: list):
    """The preferred statement's value, else the earliest one that is not deprecated."""
    usable = [s for s in statements if s.rank != Rank.DEPRECATED]
    chosen = next((s for s in usable if s.rank == Rank.PREFERRED), usable[0] if usable else None)
    text = chosen.value if chosen else ""
    if column in REFERENCE_COLUMNS:
        return REFERENCE_COLUMNS[column].objects.filter(slug=text).first() if text else None
    if column == "start_year":
        return int(text) if text else None
    return text


def _demote(statements) -> None:
    for statement in statements:
        if statement.rank == Rank.PREFERRED:
            statement.rank = Rank.NORMAL
            statement.save(update_fields=["rank"])


def write_fact_set(site: Site, fact_set: FactSet, values: list, stance: Stance) -> None:
    """This source's rows of a many-valued fact: one per value, others' rows kept."""
    wanted = {row.pk: row for row in values}
    rows = list(getattr(site, fact_set.related_name).all())
    own = {getattr(row, f"{fact_set.ref_field}_id"): row for row in rows if _is_own(row, stance)}
    for pk, row in own.items():
        if pk not in wanted:
            row.delete()
    # Facts that only add up (drivers, practices...) never compete: nothing to outrank.
    rank = {} if fact_set.model.competes else {"rank": Rank.NORMAL}
    for pk, value in wanted.items():
        if pk not in own:
            values = stance.statement(**{fact_set.ref_field: value}, **rank)
            save_statement(fact_set.model(site=site, **values))
    if stance.preferred:
        others = [row for row in rows if not _is_own(row, stance)]
        if fact_set.model.competes:
            _demote(others)  # the preferred list outranks the others, which stay as they are
        else:
            # Facts that only add up (drivers, practices...): what the preferred list leaves
            # out is deprecated, with the moderator's reason; nothing is deleted.
            ref = f"{fact_set.ref_field}_id"
            _deprecate([row for row in others if getattr(row, ref) not in wanted], stance)


def _deprecate(rows, stance: Stance) -> None:
    for row in rows:
        if row.rank != Rank.DEPRECATED:
            row.rank = Rank.DEPRECATED
            row.rank_reason = stance.reason or f"Superseded by {stance.source}."
            row.save(update_fields=["rank", "rank_reason"])


def _is_own(row, stance: Stance) -> bool:
    return row.source_id == stance.source.pk


def write_coding(site: Site, coding: FactSet, value, stance: Stance) -> None:
    """This source's coding; it is the preferred one if the moderator prefers it or if no
    other is (a practitioner's own submission)."""
    rows = list(getattr(site, coding.related_name).all())
    own = [row for row in rows if _is_own(row, stance)]
    others = [row for row in rows if not _is_own(row, stance)]
    ref_id = value.pk if value else None
    if [getattr(r, f"{coding.ref_field}_id") for r in own] == ([ref_id] if value else []):
        return
    for row in own:
        row.delete()
    if value is None:
        return
    preferred = stance.preferred or not any(r.rank == Rank.PREFERRED for r in others)
    if stance.preferred:
        _demote(others)
    values = stance.statement(**{coding.ref_field: value})
    values["rank"] = Rank.PREFERRED if preferred else Rank.NORMAL
    save_statement(coding.model(site=site, **values))


def _write_lead(site: Site, facts: SiteFacts, stance: Stance) -> None:
    role = lead_role()
    leads = list(
        SiteOrganisation.objects.filter(site=site, role=role, source=stance.source).select_related(
            "organisation"
        )
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
    save_statement(
        SiteOrganisation(site=site, **stance.statement(organisation=organisation, role=role))
    )
