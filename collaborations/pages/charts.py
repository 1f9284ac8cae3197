"""Counts of published sites by typology, funding type and driver, for the home page's
bar charts (each chart is also a table: the text equivalent is the chart itself)."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse

from collaborations.models import Driver, FundingType, Site, Typology


@dataclass
class Bar:
    label: str
    count: int
    url: str
    percent: int = 0


@dataclass
class Chart:
    slug: str
    title: str
    caption: str
    value_heading: str
    bars: list[Bar]
    more_url: str = ""
    more_text: str = ""

    @property
    def total(self):
        return sum(bar.count for bar in self.bars)

    def __post_init__(self):
        largest = max((bar.count for bar in self.bars), default=0)
        for bar in self.bars:
            bar.percent = round(100 * bar.count / largest) if largest else 0


def _counted(model, relation, **conditions):
    """Every row of a reference table with `n`, the published sites it describes."""
    condition = Q(**{f"{relation}__site__in": Site.public.values("pk")})
    for key, value in conditions.items():
        condition &= Q(**{f"{relation}__{key}": value})
    return model.objects.annotate(n=Count(f"{relation}__site", filter=condition, distinct=True))


def _bars(rows):
    return [Bar(row.name, row.n, row.get_absolute_url()) for row in rows]


def home_charts() -> list[Chart]:
    return [
        Chart(
            "typology",
            "Sites by type of collaboration",
            "Published sites by their current type of collaboration",
            "Type",
            _bars(_counted(Typology, "codings", is_current=True)),
            reverse("collaborations:typology-list"),
            "About the four types",
        ),
        Chart(
            "funding",
            "Sites by funding type",
            "Published sites by funding type (a site may have several)",
            "Funding type",
            _bars(_counted(FundingType, "site_facts")),
        ),
        Chart(
            "driver",
            "Sites by driver",
            "Published sites naming each key driver for collaborating (a site may name several)",
            "Driver",
            _bars(_counted(Driver, "site_facts")),
            reverse("collaborations:driver-matrix"),
            "The drivers, and what the sources say about them",
        ),
    ]


def kind_totals() -> dict:
    """{kind value: number of published sites}."""
    return dict(Site.public.values_list("kind").annotate(n=Count("pk")).order_by())
