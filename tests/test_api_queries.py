"""Queries per request are bounded, and independent of page size and catalogue size."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from collaborations.api.downloads import BATCH
from collaborations.models import SiteDocument
from collaborations.versions import REFERENCE_VERSION_KEY
from tests import streaming
from tests.factories import build_large_catalogue

pytestmark = pytest.mark.django_db

# The catalogue's version, the latest change and the count (both then cached under that
# version), the page's ids, their stored JSON; where that is out of date, the sites with
# one query per fact relation (SiteQuerySet.for_detail) and one to store the new JSON; and
# one per reference slug a filter names.
MAX_SITE_QUERIES = 25  # with one for the register identifiers of the organisations
# Reference lists: the rows, a nested list, the catalogue's version and the cached counts.
MAX_REFERENCE_QUERIES = 6  # organisations: aliases and register identifiers


@pytest.fixture
def large_catalogue():
    return build_large_catalogue(300)


def queries_for(client, url):
    """Queries for a request, a streamed body read to its end included."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        streaming.body(response)
    assert response.status_code == 200, streaming.body(response)[:500]
    return len(captured)


def forget_counts_and_pages():
    """Empty the cache but for the reference data's version (stored JSON depends on it)."""
    reference = cache.get(REFERENCE_VERSION_KEY)
    cache.clear()
    if reference is not None:
        cache.set(REFERENCE_VERSION_KEY, reference, None)


@pytest.mark.parametrize(
    "extra", ["", "&format=csv", "&ordering=-facts_with_reference&kind=research-site"]
)
def test_a_page_of_200_costs_what_a_page_of_20_costs(
    client, large_catalogue, django_assert_max_num_queries, extra
):
    big, small = f"/api/v1/sites/?page_size=200{extra}", f"/api/v1/sites/?page_size=20{extra}"
    with django_assert_max_num_queries(MAX_SITE_QUERIES):
        big_built = queries_for(client, big)  # each site's JSON built and stored
    forget_counts_and_pages()  # what a page of stored JSON costs
    big_stored = queries_for(client, big)
    forget_counts_and_pages()
    small_stored = queries_for(client, small)
    SiteDocument.objects.all().delete()
    forget_counts_and_pages()
    small_built = queries_for(client, small)
    assert big_built == small_built and big_stored == small_stored < big_built


def test_a_page_asked_again_costs_one_query_until_the_catalogue_changes(client, large_catalogue):
    url = "/api/v1/sites/?page_size=200"
    first = client.get(url)
    with CaptureQueriesContext(connection) as captured:
        again = client.get(url)
    assert len(captured) == 1  # the catalogue's version; the page itself is kept
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert again["Link"] == first["Link"]
    site = large_catalogue[0]  # the first page, by name
    site.name = "Aaa renamed bulk site"
    site.save()
    changed = client.get(url)
    assert b"Aaa renamed bulk site" in changed.content and changed["ETag"] != first["ETag"]


def test_filters_add_a_query_per_reference_table_at_most(
    client, large_catalogue, django_assert_max_num_queries
):
    site = next(s for s in large_catalogue if s.region and s.driver_facts.exists())
    driver = site.driver_facts.first().driver.slug
    partner = site.partner_facts.first().partner_type.slug
    url = (
        f"/api/v1/sites/?page_size=200&driver={driver}&partner={partner}&partner_match=all"
        f"&region={site.region.slug}&q=bulk&updated_since=2000-01-01"
    )
    with django_assert_max_num_queries(MAX_SITE_QUERIES + 3):
        client.get(url)


def test_one_site_costs_the_same_bounded_queries(client, large_catalogue):
    assert queries_for(client, "/api/v1/sites/bulk-site-0001/") <= MAX_SITE_QUERIES


def test_a_304_costs_one_query(client, large_catalogue, django_assert_max_num_queries):
    etag = client.get("/api/v1/sites/?page_size=200")["ETag"]
    with django_assert_max_num_queries(1):
        response = client.get("/api/v1/sites/?page_size=200", headers={"If-None-Match": etag})
    assert response.status_code == 304


@pytest.mark.parametrize("url", ["/api/v1/sites/export.csv", "/api/v1/sites/export.json"])
def test_a_download_costs_one_query_per_batch_of_sites_once_their_json_is_stored(client, url):
    build_large_catalogue(BATCH + 10)  # two batches
    streaming.body(client.get(url))  # stores each site's JSON
    two_batches = queries_for(client, url)
    build_large_catalogue(BATCH, first=BATCH + 10)  # three batches
    streaming.body(client.get(url))
    assert queries_for(client, url) == two_batches + 1 <= MAX_SITE_QUERIES


def test_a_download_builds_each_site_s_json_once(client, large_catalogue):
    first = queries_for(client, "/api/v1/sites/export.csv")
    again = queries_for(client, "/api/v1/sites/export.csv")
    assert again < first  # the second reads the stored JSON of every site


REFERENCE_ENDPOINTS = [
    "typologies",
    "governance-modes",
    "funding-types",
    "drivers",
    "justifications",
    "partner-types",
    "practices",
    "ingredients",
    "leadership-styles",
    "regions",
    "study-depths",
    "initiator-types",
    "accountability-approaches",
    "measurement-approaches",
    "accountability-line-types",
    "framework-strands",
    "framework-themes",
    "organisation-types",
    "sources",
]


@pytest.mark.parametrize("endpoint", REFERENCE_ENDPOINTS)
def test_a_reference_list_costs_bounded_queries(
    client, large_catalogue, django_assert_max_num_queries, endpoint
):
    with django_assert_max_num_queries(MAX_REFERENCE_QUERIES):
        response = client.get(f"/api/v1/{endpoint}/")
    assert response.status_code == 200


def test_organisations_come_a_page_at_a_time_at_the_same_cost_at_300_and_600_sites(client):
    """Organisations grow with the catalogue (one per generated site): the list is paged,
    and a page costs the same queries and holds the same rows whatever their number."""
    build_large_catalogue(300)
    small_queries = queries_for(client, "/api/v1/organisations/")
    small = client.get("/api/v1/organisations/").json()
    build_large_catalogue(300, first=300)
    large_queries = queries_for(client, "/api/v1/organisations/")
    large = client.get("/api/v1/organisations/").json()
    assert small_queries == large_queries <= MAX_REFERENCE_QUERIES + 1
    assert len(small["results"]) == len(large["results"]) == 50
    assert large["count"] == small["count"] + 300
    pages = -(-large["count"] // 200)
    last = client.get(f"/api/v1/organisations/?page_size=200&page={pages}").json()
    assert last["next"] is None and len(last["results"]) == large["count"] - 200 * (pages - 1)
    assert client.get("/api/v1/organisations/?page=99").status_code == 404
    assert client.get("/api/v1/organisations/?page_size=x").status_code == 400
