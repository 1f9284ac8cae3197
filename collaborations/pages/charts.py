"""Counts of published sites by typology, funding type and driver, for the home page's
bar charts (each chart is also a table: the text equivalent is the chart itself)."""

from dataclasses import dataclass, field

from django.urls import reverse

from collaborations.models import (
    Driver,
    FundingType,
    SiteDriver,
    SiteFunding,
    Typology,
    TypologyCoding,
)
from collaborations.site_counts import published_site_ids, sites_per_column, sites_per_value
from collaborations.versions import cached_aggregate, catalogue_version


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
    counted: int = 0  # published sites with at least one value of this chart
    published: int = 0  # all published sites
    empty_values: list[str] = field(default_factory=list)  # values no site has: not drawn
    # Values that are not values of the chart's kind (the "Not classified" placeholder is
    # no type): left out of the bars and the count, and named in the chart's scope line.
    set_aside: list[Bar] = field(default_factory=list)

    @property
    def total(self):
        return sum(bar.count for bar in self.bars)

    @property
    def left_out(self) -> int:
        return max(self.published - self.counted, 0)

    def __post_init__(self):
        self.empty_values = [bar.label for bar in self.bars if not bar.count]
        self.bars = [bar for bar in self.bars if bar.count]
        self.set_aside = [bar for bar in self.set_aside if bar.count]
        largest = max((bar.count for bar in self.bars), default=0)
        for bar in self.bars:
            bar.percent = round(100 * bar.count / largest) if largest else 0


def _bars(model, fact_model, value_field, rows=None, **conditions) -> list[Bar]:
    """A bar per row of a reference table: the published sites it describes."""
    counts = sites_per_value(fact_model, value_field, **conditions)
    rows = model.objects.all() if rows is None else rows
    return [Bar(row.name, counts.get(row.pk, 0), row.get_absolute_url()) for row in rows]


def _sites_with(fact_model, **conditions) -> int:
    """Published sites with at least one such fact (what a chart counts)."""
    facts = fact_model.objects.filter(site__in=published_site_ids(), **conditions)
    return facts.order_by().values("site").distinct().count()


def home_charts(version: str | None = None) -> list[Chart]:
    """The home page's charts, counted once per version of the catalogue."""
    return cached_aggregate("home-charts", version or catalogue_version(), _home_charts)


def _home_charts() -> list[Chart]:
    published = published_site_ids().count()
    types = Typology.objects.filter(is_classification=True)
    placeholders = Typology.objects.filter(is_classification=False)
    return [
        Chart(
            "typology",
            "Sites by type of collaboration",
            "Published sites by their current type of collaboration",
            "Type",
            _bars(Typology, TypologyCoding, "typology", types, rank="preferred"),
            reverse("collaborations:typology-list"),
            "About the four types",
            counted=_sites_with(TypologyCoding, rank="preferred", typology__in=types),
            published=published,
            set_aside=_bars(Typology, TypologyCoding, "typology", placeholders, rank="preferred"),
        ),
        Chart(
            "funding",
            "Sites by funding type",
            "Published sites by funding type (a site may have several)",
            "Funding type",
            _bars(FundingType, SiteFunding, "funding_type"),
            counted=_sites_with(SiteFunding),
            published=published,
        ),
        Chart(
            "driver",
            "Sites by driver",
            "Published sites naming each key driver for collaborating (a site may name several)",
            "Driver",
            _bars(Driver, SiteDriver, "driver"),
            reverse("collaborations:driver-matrix"),
            "The drivers, and what the sources say about them",
            counted=_sites_with(SiteDriver),
            published=published,
        ),
    ]


def kind_totals(version: str | None = None) -> dict:
    """{kind value: number of published sites}."""
    version = version or catalogue_version()
    return cached_aggregate("kind-totals", version, lambda: sites_per_column("kind"))
