"""Queries per request are bounded, and independent of page size and catalogue size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from collaborations.api.downloads import BATCH
from collaborations.models import SiteDocument
from tests import streaming
from tests.factories import build_large_catalogue

pytestmark = pytest.mark.django_db

# One aggregate for ETag and count, the page's ids, their stored JSON; where that is out
# of date, the sites with one query per fact relation (SiteQuerySet.for_detail) and one to
# store the new JSON; and one per reference slug a filter names.
MAX_SITE_QUERIES = 22
# Reference lists: the rows, a nested list, the catalogue's version and the cached counts.
MAX_REFERENCE_QUERIES = 5


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


@pytest.mark.parametrize("extra", ["", "&format=csv", "&ordering=-completeness&kind=research-site"])
def test_a_page_of_200_costs_what_a_page_of_20_costs(
    client, large_catalogue, django_assert_max_num_queries, extra
):
    big, small = f"/api/v1/sites/?page_size=200{extra}", f"/api/v1/sites/?page_size=20{extra}"
    with django_assert_max_num_queries(MAX_SITE_QUERIES):
        big_built = queries_for(client, big)  # each site's JSON built and stored
    big_stored, small_stored = queries_for(client, big), queries_for(client, small)
    SiteDocument.objects.all().delete()
    small_built = queries_for(client, small)
    assert big_built == small_built and big_stored == small_stored < big_built


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
    "organisations",
    "sources",
]


@pytest.mark.parametrize("endpoint", REFERENCE_ENDPOINTS)
def test_a_reference_list_costs_bounded_queries(
    client, large_catalogue, django_assert_max_num_queries, endpoint
):
    with django_assert_max_num_queries(MAX_REFERENCE_QUERIES):
        response = client.get(f"/api/v1/{endpoint}/")
    assert response.status_code == 200
