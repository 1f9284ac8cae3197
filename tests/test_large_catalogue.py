"""The generated catalogue behind query-count tests and the scale benchmark."""

from collections import Counter

import pytest

from collaborations.derived import fact_counts_of
from collaborations.models import Site, SiteDriver, TypologyCoding
from collaborations.models.fact_history import fact_history_models
from tests.factories import SiteDriverFactory, build_large_catalogue

pytestmark = pytest.mark.django_db


def test_sites_are_published_with_facts_and_their_history():
    sites = build_large_catalogue(50)
    assert Site.public.count() == 50 == len(sites)
    assert Site.history.count() == 50
    facts = sum(model.objects.filter(site__in=sites).count() for model in _fact_models())
    history = sum(model.objects.count() for model in fact_history_models())
    assert facts > 50 * 10 and history == facts


def test_each_site_has_its_current_type_and_the_fact_counts_its_facts_give():
    build_large_catalogue(40)
    assert TypologyCoding.objects.filter(rank="preferred").count() == 40
    for site in Site.objects.for_detail()[:10]:
        counts = fact_counts_of(site)
        assert (site.fact_count, site.referenced_fact_count) == (counts.stated, counts.referenced)
        assert site.fact_count > 0


def test_values_are_spread_unevenly_over_the_reference_rows():
    build_large_catalogue(400)
    shares = Counter(TypologyCoding.objects.filter(rank="preferred").values_list("typology__slug"))
    most, *_, least = [n for _, n in shares.most_common()]
    assert len(shares) == 4 and most > 1.5 * least
    per_site = Counter(SiteDriver.objects.values_list("site_id", flat=True))
    assert len(set(per_site.values())) > 3  # sites name different numbers of drivers


def test_new_rows_leave_room_for_ordinary_writes():
    sites = build_large_catalogue(5)
    fact = SiteDriverFactory(site=sites[0])  # the primary key sequences moved on
    assert fact.pk > SiteDriver.objects.exclude(pk=fact.pk).order_by("-pk").first().pk


def _fact_models():
    from collaborations.models.fact_history import fact_models

    return fact_models()
