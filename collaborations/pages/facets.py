"""Facet counts for the browse page.

Each facet value shows how many sites would match if it were ticked, given every *other*
active filter: one aggregate query per facet, over the sites filtered by all the other
facets. In "all of" mode a facet's own values narrow the results further, so its counts are
taken over the current results instead.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from collaborations.filters import EVIDENCE_CHOICES, SiteFilterSet, SlugFieldFilter
from collaborations.models import Site

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


def _reference_counts(site_filter, sites):
    """Every value of a reference facet, annotated with `n`, the matching sites."""
    values = site_filter.extra["queryset"]
    if isinstance(site_filter, SlugFieldFilter):
        related = Site._meta.get_field(site_filter.field_name).related_query_name()
        return values.annotate(n=Count(related, filter=Q(**{f"{related}__in": sites})))
    fact_field = site_filter.fact_model._meta.get_field(site_filter.value_field)
    related = fact_field.related_query_name()
    condition = Q(**{f"{related}__site__in": sites})
    for key, value in site_filter.fact_conditions.items():
        condition &= Q(**{f"{related}__{key}": value})
    return values.annotate(n=Count(f"{related}__site", filter=condition, distinct=True))


def _kind_counts(sites):
    return dict(sites.values_list("kind").annotate(n=Count("pk")).order_by())


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
        facet.values = [
            FacetValue(value.slug, value.name, value.n, value.slug in selected)
            for value in _reference_counts(site_filter, sites.values("pk"))
        ]
    return facet


def build_facets(filterset: SiteFilterSet, query) -> list[Facet]:
    return [build_facet(filterset, param, query) for param in FACET_PARAMS]
