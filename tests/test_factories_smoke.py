import pytest

from collaborations.models import Site
from tests.factories import build_large_catalogue


@pytest.mark.django_db
def test_large_catalogue_builds_published_sites_with_facts():
    sites = build_large_catalogue(50)
    assert Site.public.count() == 50
    assert sites[0].driver_facts.count() == 4
