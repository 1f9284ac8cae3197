"""The drivers page's counts: published sites per driver and type of collaboration.

Counts, not sites: each cell links to the browse page filtered by that driver and type,
so the page is the same size at 100 sites or 100,000. Two GROUP BY queries, cached under
the catalogue's version.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from collaborations.filters import SiteFilterSet
from collaborations.models import SiteDriver
from collaborations.site_counts import published_site_ids, sites_per_value
from collaborations.versions import cached_aggregate


@dataclass
class Cell:
    count: int
    url: str


def browse_url(**filters) -> str:
    return f"{reverse('collaborations:site-list')}?{urlencode(filters)}"


@dataclass
class DriverCounts:
    """Published sites per driver, and per driver and current type."""

    totals: dict[int, int]
    by_type: dict[tuple[int, int], int]

    def attach(self, drivers, typologies) -> None:
        """Give each driver its `total` and its `cells`, one per typology, as links."""
        for driver in drivers:
            driver.total = Cell(self.totals.get(driver.pk, 0), browse_url(driver=driver.slug))
            driver.cells = [
                Cell(
                    self.by_type.get((driver.pk, typology.pk), 0),
                    browse_url(driver=driver.slug, typology=typology.slug),
                )
                for typology in typologies
            ]

    @property
    def any_named(self) -> bool:
        return any(self.totals.values())


def driver_counts(version: str) -> DriverCounts:
    return cached_aggregate(
        "driver-counts",
        version,
        lambda: DriverCounts(sites_per_value(SiteDriver, "driver"), _sites_per_driver_and_type()),
    )


def _sites_per_driver_and_type() -> dict[tuple[int, int], int]:
    """{(driver pk, typology pk): published sites naming the driver, of that current type}."""
    typology = SiteFilterSet.base_filters["typology"]  # its conditions say which coding counts
    coding = {f"site__typology_codings__{k}": v for k, v in typology.fact_conditions.items()}
    facts = SiteDriver.objects.filter(site__in=published_site_ids(), **coding).order_by()
    pairs = facts.values_list("driver_id", "site__typology_codings__typology_id")
    return {(driver, typology): n for driver, typology, n in pairs.annotate(n=Count("site_id"))}
