"""Facet counts for the browse page.

Each facet value shows how many sites would match if it were ticked, given every *other*
active filter: one GROUP BY per facet over its fact table, keeping the sites filtered by all
the other facets. In "all of" mode a facet's own values narrow the results further, so its
counts are taken over the current results instead. The facets of a query are computed once
per version of the catalogue and cached.
"""

from dataclasses import dataclass, field

from collaborations.filters import EVIDENCE_CHOICES, SiteFilterSet, SlugFieldFilter
from collaborations.models import Site
from collaborations.site_counts import sites_per_column, sites_per_value
from collaborations.versions import cached_aggregate, reference_version

# Facets shown on the browse page, in order. Facets start closed (a short page on a phone)
# unless a value is chosen or they are among the few a reader reaches for first.
FACET_PARAMS = [
    "kind",
    "evidence",
    "typology",
    "funding",
    "driver",
    "partner",
    "practice",
    "accountability_approach",
    "measurement_approach",
    "depth",
    "region",
    "initiated_by",
    "justification",
    "leadership",
    "theme",
]
OPEN_FACETS = {"kind", "typology"}
NOT_FILTERS = {"ordering"}
# Parameters that change the page shown but not the counts.
IGNORED = {"ordering", "page", "sites"}  # sites: the compare selection, not a filter


@dataclass
class FacetValue:
    slug: str
    name: str
    count: int
    selected: bool


@dataclass
class Facet:
    param: str
    label: str
    values: list[FacetValue]
    match_param: str | None = None
    match_all: bool = False
    input_type: str = "checkbox"
    selected: list[str] = field(default_factory=list)

    @property
    def is_open(self):
        return bool(self.selected) or self.param in OPEN_FACETS

    @property
    def offers_a_choice(self) -> bool:
        """Whether any value would find a site (or is chosen): a facet whose every value
        counts 0 is a list of empty boxes, left out of the sidebar and named instead."""
        return any(value.count or value.selected for value in self.values)


def sites_without(filterset: SiteFilterSet, facet: str):
    """The sites matching every valid active filter except `facet` (and ordering)."""
    queryset = filterset.queryset.order_by()
    skip = set(NOT_FILTERS)
    if not filterset.match_all(facet):
        skip.add(facet)
    for name, value in filterset.form.cleaned_data.items():
        if name not in skip:
            queryset = filterset.filters[name].filter(queryset, value)
    return queryset


def _reference_counts(site_filter, sites) -> dict[int, int]:
    """{reference row pk: matching sites} for a reference facet: one GROUP BY."""
    if isinstance(site_filter, SlugFieldFilter):
        return sites_per_column(site_filter.field_name, sites)
    return sites_per_value(
        site_filter.fact_model,
        site_filter.value_field,
        sites.values("pk"),
        **site_filter.fact_conditions,
    )


def _kind_counts(sites):
    return sites_per_column("kind", sites)


def _evidence_values(kind_counts, selected):
    self_reported = kind_counts.get(Site.Kind.PRACTITIONER_SUBMISSION, 0)
    counts = {
        "research-coded": sum(kind_counts.values()) - self_reported,
        "self-reported": self_reported,
    }
    return [
        FacetValue(slug, label.split(":")[0], counts[slug], slug in selected)
        for slug, label in EVIDENCE_CHOICES
    ]


def build_facet(filterset: SiteFilterSet, param: str, query) -> Facet:
    """One facet with the count of sites for each value: one aggregate query."""
    site_filter = filterset.filters[param]
    selected = query.getlist(param)
    sites = sites_without(filterset, param)
    facet = Facet(
        param=param,
        label=str(site_filter.label),
        values=[],
        match_param=SiteFilterSet.MATCH_PARAMS.get(param),
        match_all=filterset.match_all(param),
        selected=selected,
    )
    if param == "kind":
        counts = _kind_counts(sites)
        facet.values = [
            FacetValue(slug, label, counts.get(slug, 0), slug in selected)
            for slug, label in Site.Kind.choices
        ]
    elif param == "evidence":
        facet.input_type = "radio"
        facet.values = _evidence_values(_kind_counts(sites), selected)
    else:
        counts = _reference_counts(site_filter, sites)
        facet.values = [
            FacetValue(slug, name, counts.get(pk, 0), slug in selected)
            for pk, slug, name in facet_vocabulary(filterset)[param]
        ]
    return facet


def facet_vocabulary(filterset) -> dict[str, list[tuple]]:
    """{facet: [(pk, slug, name), ...]} for the reference facets, cached until one changes."""

    def vocabulary():
        return {
            param: list(
                filterset.filters[param].extra["queryset"].values_list("pk", "slug", "name")
            )
            for param in FACET_PARAMS
            if "queryset" in filterset.filters[param].extra
        }

    return cached_aggregate("facet-vocabulary", str(reference_version()), vocabulary)


def build_facets(filterset: SiteFilterSet, query, version: str) -> list[Facet]:
    """Every facet with its counts, computed once per version of the catalogue and query."""
    return cached_aggregate(
        "facets",
        version,
        lambda: [build_facet(filterset, param, query) for param in FACET_PARAMS],
        filters_of(query),
    )


def filters_of(query) -> list:
    """The query's parameters that choose which sites match, in a canonical order."""
    return sorted((param, query.getlist(param)) for param in query if param not in IGNORED)
