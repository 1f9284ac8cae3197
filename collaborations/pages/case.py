"""What the case page needs beyond Site.for_detail(): facts regrouped for reading, and the
sites its compare form offers (related sites are ranked in related.py)."""

from itertools import groupby

from collaborations.models import Provenance, Site, Status

# The compare form on a case page offers at most this many other sites by name.
COMPARE_CHOICES = 40


def current_and_other(codings):
    """Split a site's prefetched codings into the preferred one and the others."""
    codings = list(codings)
    current = next((c for c in codings if c.is_preferred), None)
    return current, [c for c in codings if c is not current]


def codings_view(codings) -> dict:
    """The preferred coding; other sources' codings that agree with it (same value, stated
    and undisputed); and those that differ or are disputed."""
    current, others = current_and_other(codings)
    agrees = [
        c
        for c in others
        if current
        and c.typology_id == current.typology_id
        and getattr(c, "shown_status", c.status) == Status.AGREED
        and c.provenance == Provenance.RESEARCH
    ]
    return {
        "typology_coding": current,
        "agreeing_typology_codings": agrees,
        "differing_typology_codings": [c for c in others if c not in agrees],
    }


def field_facts(site: Site) -> dict:
    """Every statement of each single-valued field, by field name ("scope", "region"...)."""
    facts = {}
    for statement in site.field_statements.all():
        facts.setdefault(statement.field, []).append(statement)
    return facts


def type_partners(coding) -> list:
    """The partner types the sources give for the site's type (not for the site)."""
    if coding is None:
        return []
    return list(coding.typology.partner_facts.select_related("partner_type", "source"))


def participations_by_role(site: Site) -> list[tuple]:
    """[(role, [participation, ...]), ...] in the roles' order (lead first)."""
    rows = sorted(site.participations.all(), key=lambda p: (p.role.position, p.role.name))
    return [(role, list(group)) for role, group in groupby(rows, key=lambda p: p.role)]


def organisation_identifiers(site: Site) -> list[tuple]:
    """[(organisation, identifier), ...]: the register identifiers of the organisations the
    site names (not those of a statement no longer held), each organisation once, from the
    prefetched participations."""
    rows, seen = [], set()
    for participation in participations_by_role(site):
        for one in participation[1]:
            organisation = one.organisation
            if one.is_deprecated or organisation.pk in seen:
                continue
            seen.add(organisation.pk)
            rows += [(organisation, identifier) for identifier in organisation.identifiers.all()]
    return rows


def practices_by_ingredient(site: Site) -> list[tuple]:
    """[(ingredient, [practice fact, ...]), ...] in the ingredients' order."""
    rows = sorted(
        site.practice_facts.all(),
        key=lambda f: (f.practice.ingredient.position, f.practice.position),
    )
    return [
        (ingredient, list(group))
        for ingredient, group in groupby(rows, key=lambda f: f.practice.ingredient)
    ]


def compare_choices(site: Site, limit: int = COMPARE_CHOICES) -> tuple[list, bool]:
    """Other published sites to offer in the case page's compare form, by name, and whether
    there are more than `limit` (those with the most referenced facts are offered; browse
    finds the rest)."""
    others = Site.public.exclude(pk=site.pk).order_by("-referenced_fact_count", "name")
    choices = list(others.values_list("slug", "name")[: limit + 1])
    return sorted(choices[:limit], key=lambda choice: choice[1]), len(choices) > limit
