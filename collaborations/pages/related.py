"""Related sites for a case page: the published sites that share the most with a site, by
type, organisations, framework themes, funding, partners and drivers, each with the reasons.

Bounded at any catalogue size: one grouped query per kind of fact, each returning at most
CANDIDATES sites, then one query loading the few sites shown. Those grouped queries read
every site sharing a value, so the case page keeps their answer per version of the catalogue."""

from dataclasses import dataclass, field

from django.db.models import Count

from collaborations.models import (
    Site,
    SiteDriver,
    SiteFrameworkTheme,
    SiteFunding,
    SiteOrganisation,
    SitePartner,
    TypologyCoding,
)

CANDIDATES = 200  # sites considered per kind of fact (the most overlapping first)
LEFT_OUT_ROLES = ("researcher",)  # studying sites together does not relate them


@dataclass(frozen=True)
class Dimension:
    """A kind of shared fact: how to read the site's values and how much one counts."""

    model: type
    value_field: str
    weight: int
    singular: str
    plural: str
    conditions: tuple = ()
    excluded_roles: tuple = ()


DIMENSIONS = [
    Dimension(TypologyCoding, "typology", 3, "same type", "same type", (("rank", "preferred"),)),
    Dimension(
        SiteOrganisation,
        "organisation",
        3,
        "a shared organisation",
        "shared organisations",
        excluded_roles=LEFT_OUT_ROLES,
    ),
    Dimension(
        SiteFrameworkTheme, "theme", 2, "a shared framework theme", "shared framework themes"
    ),
    Dimension(SiteFunding, "funding_type", 1, "the same funding type", "shared funding types"),
    Dimension(SitePartner, "partner_type", 1, "a shared partner type", "shared partner types"),
    Dimension(SiteDriver, "driver", 1, "a shared driver", "shared drivers"),
]


@dataclass
class RelatedSite:
    site: Site
    score: int = 0
    reasons: list = field(default_factory=list)  # (count, words)

    @property
    def because(self) -> str:
        return ", ".join(
            words if count == 1 else f"{count} {words}" for count, words in self.reasons
        )


def _values(site: Site, dimension: Dimension) -> list[int]:
    """The site's values of one kind, from what the case page already loaded."""
    relation = {
        TypologyCoding: "typology_codings",
        SiteOrganisation: "participations",
        SiteFrameworkTheme: "theme_facts",
        SiteFunding: "funding_facts",
        SitePartner: "partner_facts",
        SiteDriver: "driver_facts",
    }[dimension.model]
    values = set()
    for fact in getattr(site, relation).all():
        if any(getattr(fact, key) != value for key, value in dimension.conditions):
            continue
        if dimension.excluded_roles and fact.role.slug in dimension.excluded_roles:
            continue
        if dimension.model is TypologyCoding and not fact.typology.is_classification:
            continue
        values.add(getattr(fact, f"{dimension.value_field}_id"))
    return sorted(values)


def _sharing(site: Site, dimension: Dimension, values: list[int]) -> dict[int, int]:
    """{site id: values it shares with `site`}, for the most overlapping CANDIDATES sites."""
    facts = dimension.model.objects.filter(
        **{f"{dimension.value_field}__in": values},
        **dict(dimension.conditions),
        site__in=Site.public.values("pk"),
    ).exclude(site=site)
    if dimension.excluded_roles:
        facts = facts.exclude(role__slug__in=dimension.excluded_roles)
    rows = (
        facts.order_by()
        .values("site")
        .annotate(n=Count(dimension.value_field, distinct=True))
        .order_by("-n", "site")[:CANDIDATES]
    )
    return {row["site"]: row["n"] for row in rows}


def related_sites(site: Site, limit: int = 5) -> list[RelatedSite]:
    scores: dict[int, RelatedSite] = {}
    for dimension in DIMENSIONS:
        values = _values(site, dimension)
        if not values:
            continue
        for site_id, shared in _sharing(site, dimension, values).items():
            related = scores.setdefault(site_id, RelatedSite(site=None))
            related.score += shared * dimension.weight
            words = dimension.singular if shared == 1 else dimension.plural
            related.reasons.append((shared, words))
    best = sorted(scores.items(), key=lambda item: -item[1].score)[: limit * 4]
    sites = Site.public.in_bulk([site_id for site_id, _ in best])
    ranked = []
    for site_id, related in best:
        if site_id in sites:
            related.site = sites[site_id]
            ranked.append(related)
    ranked.sort(key=lambda r: (-r.score, r.site.name))
    return ranked[:limit]
