import pytest
from django.http import QueryDict

from collaborations.filters import SiteFilterSet
from collaborations.models import Site
from tests.factories import (
    DriverFactory,
    SiteDriverFactory,
    SiteFactory,
    TypologyCodingFactory,
    TypologyFactory,
)

pytestmark = pytest.mark.django_db


def filtered(query):
    filterset = SiteFilterSet(QueryDict(query), queryset=Site.public.all())
    assert filterset.is_valid(), filterset.errors
    return set(filterset.qs.values_list("slug", flat=True))


def test_several_drivers_mean_any_of_by_default_and_all_of_on_request():
    a, b = DriverFactory(slug="a"), DriverFactory(slug="b")
    both, only_a = SiteFactory(slug="both"), SiteFactory(slug="only-a")
    SiteDriverFactory(site=both, driver=a)
    SiteDriverFactory(site=both, driver=b)
    SiteDriverFactory(site=only_a, driver=a)
    SiteFactory(slug="none")
    assert filtered("driver=a&driver=b") == {"both", "only-a"}
    assert filtered("driver=a&driver=b&driver_match=all") == {"both"}


def test_typology_filter_reads_the_current_coding_only():
    market, connector = TypologyFactory(slug="market"), TypologyFactory(slug="connector")
    site = SiteFactory(slug="s")
    TypologyCodingFactory(site=site, typology=market, rank="preferred")
    TypologyCodingFactory(site=site, typology=connector, rank="normal")
    assert filtered("typology=market") == {"s"}
    assert filtered("typology=connector") == set()


def test_unknown_slug_is_an_error_naming_the_allowed_values():
    DriverFactory(slug="trust-and-empowerment")
    filterset = SiteFilterSet(QueryDict("driver=nonsense"), queryset=Site.public.all())
    assert not filterset.is_valid()
    message = str(filterset.errors["driver"])
    assert "nonsense" in message and "trust-and-empowerment" in message


def test_unpublished_sites_are_never_in_the_public_results():
    SiteFactory(slug="draft", status=Site.Status.DRAFT, search_document="oldham")
    SiteFactory(slug="live", search_document="oldham")
    assert filtered("q=oldham") == {"live"}


def test_an_empty_facet_value_means_no_filter_on_that_facet():
    SiteFactory(slug="any")
    assert filtered("typology=&driver=") == {"any"}
