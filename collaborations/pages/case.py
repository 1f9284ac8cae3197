"""What the case page needs beyond Site.for_detail(): facts regrouped for reading, and
related sites ranked by how much they share (one query)."""

from dataclasses import dataclass
from itertools import groupby

from django.db.models import Count, F, Q, Value

from collaborations.models import Provenance, Site, SiteDriver, Status, TypologyCoding

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


@dataclass
class RelatedSite:
    site: Site
    same_type: bool
    shared_drivers: int


# Related sites are ranked among at most this many candidates of each kind (same type,
# shared driver), so a case page costs the same at 100,000 sites as at 100.
RELATED_CANDIDATES = 300


def related_sites(site: Site, limit: int = 5) -> list[RelatedSite]:
    """Published sites sharing this site's current type or drivers, most overlap first.

    The score counts a shared type as two shared drivers; ties go by name. Candidates are
    the first few hundred sites of the same type and the first few hundred naming one of
    the drivers (by age), so in a large catalogue the ranking is among those.
    """
    current, _ = current_and_other(site.typology_codings.all())
    driver_ids = [fact.driver_id for fact in site.driver_facts.all()]
    # "Not classified" is no shared type.
    classified = current is not None and current.typology.is_classification
    typology_id = current.typology_id if classified else None
    if typology_id is None and not driver_ids:
        return []
    same_type = Count(
        "typology_codings",
        filter=Q(typology_codings__rank="preferred", typology_codings__typology_id=typology_id),
        distinct=True,
    )
    # An empty `__in` would make the database drop every row, so count only real drivers.
    shared_drivers = (
        Count("driver_facts", filter=Q(driver_facts__driver_id__in=driver_ids), distinct=True)
        if driver_ids
        else Value(0)
    )
    candidates = (
        Site.public.filter(_candidates(typology_id, driver_ids))
        .exclude(pk=site.pk)
        .annotate(same_type=same_type if typology_id else Value(0), shared_drivers=shared_drivers)
        .annotate(score=F("same_type") * 2 + F("shared_drivers"))
        .filter(score__gt=0)
        .select_related("region")
        .order_by("-score", "name")[:limit]
    )
    return [RelatedSite(s, bool(s.same_type), s.shared_drivers) for s in candidates]


def _candidates(typology_id, driver_ids) -> Q:
    """A bounded set of sites that share the type or a driver."""
    condition = Q(pk__in=[])
    if typology_id:
        same_type = TypologyCoding.objects.filter(rank="preferred", typology_id=typology_id)
        condition |= Q(pk__in=same_type.order_by("site_id").values("site_id")[:RELATED_CANDIDATES])
    if driver_ids:
        naming = SiteDriver.objects.filter(driver_id__in=driver_ids)
        condition |= Q(pk__in=naming.order_by("site_id").values("site_id")[:RELATED_CANDIDATES])
    return condition


def compare_choices(site: Site, limit: int = COMPARE_CHOICES) -> tuple[list, bool]:
    """Other published sites to offer in the case page's compare form, by name, and whether
    there are more than `limit` (those with the most referenced facts are offered; browse
    finds the rest)."""
    others = Site.public.exclude(pk=site.pk).order_by("-referenced_fact_count", "name")
    choices = list(others.values_list("slug", "name")[: limit + 1])
    return sorted(choices[:limit], key=lambda choice: choice[1]), len(choices) > limit
