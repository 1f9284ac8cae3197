"""Work that does not grow with the catalogue: the same queries and the same case page at
300 sites as at 1,000 (speed itself is measured by benchmarks/, not here)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from collaborations.models import SiteDocument, Typology
from tests.factories import build_large_catalogue

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/sites/",
    "/sites/?typology={typology}&ordering=-facts_with_reference",
    "/sites/?q=bulk+site&page=2",
    "/sites/bulk-site-0007/",
    "/compare/?sites=bulk-site-0001&sites=bulk-site-0002&sites=bulk-site-0003",
    "/drivers/",
    "/map/",
    "/network/",
    "/changes/",
    "/typologies/",
    "/typologies/{typology}/",
    "/framework/",
    "/accountability/",
    "/organisations/bulk-org-0007/",
    "/about/",
    "/sources/",
    "/codebook/",
    "/downloads/",
    "/api/v1/sites/?page_size=50",
    "/api/v1/sites/?typology={typology}&page_size=50&format=csv",
    "/api/v1/sites/bulk-site-0007/",
    "/api/v1/organisations/",
    "/api/v1/changes/",
    "/api/v1/drivers/",
    "/api/v1/typologies/",
    "/api/v1/sources/",
]
MAX_QUERIES = 45


def queries_per_page(client, *, warm: bool) -> dict[str, int]:
    """{url: queries}, each request on empty caches (warm=False) or a second time."""
    typology = Typology.objects.order_by("pk").values_list("slug", flat=True)[0]
    counts = {}
    for page in PAGES:
        url = page.format(typology=typology)
        cache.clear()
        SiteDocument.objects.all().delete()  # the API's stored JSON of each site
        if warm:
            client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        counts[url] = len(captured)
    return counts


@pytest.mark.parametrize("warm", [False, True], ids=["first request", "cached counts"])
def test_every_page_costs_the_same_queries_at_300_and_1000_sites(client, warm):
    build_large_catalogue(300)
    small = queries_per_page(client, warm=warm)
    build_large_catalogue(700, first=300)
    large = queries_per_page(client, warm=warm)
    assert large == small
    assert max(small.values()) <= MAX_QUERIES, small


def test_a_case_page_is_the_same_size_at_300_and_1000_sites(client):
    build_large_catalogue(300)
    small = client.get("/sites/bulk-site-0007/").content
    build_large_catalogue(700, first=300)
    large = client.get("/sites/bulk-site-0007/").content
    # The same number of rows of every kind; the words differ (related sites give their
    # reasons, and the best matches change as the catalogue grows), so not the bytes.
    for tag in (b"<li", b"<tr", b"<option", b"<details"):
        assert large.count(tag) == small.count(tag), tag
    assert abs(len(large) - len(small)) < len(small) // 50
    assert b"the browse page</a>" in large  # the compare form lists some sites, not all


def test_a_query_stopped_by_the_statement_timeout_is_a_503_that_says_to_retry(client):
    from unittest import mock

    from django.db import OperationalError

    class Canceled(Exception):
        pgcode = "57014"

    error = OperationalError("canceling statement due to statement timeout")
    error.__cause__ = Canceled()
    with mock.patch("collaborations.views.sites.catalogue_version", side_effect=error):
        page = client.get("/sites/")
    assert page.status_code == 503 and page["Retry-After"] == "30"
    assert "took too long" in page.content.decode()


def test_pages_and_the_api_are_compressed_for_clients_that_accept_gzip(client):
    build_large_catalogue(30)
    for url in ("/sites/", "/api/v1/sites/?page_size=30"):
        response = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert response["Content-Encoding"] == "gzip", url


def test_every_fact_history_table_is_indexed_by_site_then_date():
    """When a site's facts last changed is one index probe per table (the API's stored
    JSON is checked against it for every site of a page or a download)."""
    from collaborations.models.fact_history import fact_history_models

    with connection.cursor() as cursor:
        for model in fact_history_models():
            table = model._meta.db_table
            constraints = connection.introspection.get_constraints(cursor, table)
            indexed = [c["columns"] for c in constraints.values() if c["index"]]
            assert ["site_id", "history_date"] in indexed, table


@pytest.mark.django_db(transaction=True)
def test_the_catalogue_version_is_read_again_on_a_new_database_session():
    """On PostgreSQL the version's statement is prepared once per session: after Django
    reconnects it is prepared again, and it still moves when a site is written."""
    from collaborations.versions import _read_version
    from tests.factories import SiteFactory

    first = _read_version()
    assert _read_version() == first
    connection.close()
    assert _read_version() == first
    SiteFactory()
    assert _read_version() != first
