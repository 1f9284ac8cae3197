"""The API's fast path gives exactly what the reference serializer gives, and downloads
stream every site."""

import csv
import io
import json

import pytest
from django.test import RequestFactory
from rest_framework.request import Request

from collaborations.api.columns import SITE_HEADERS
from collaborations.api.renderers import EscapedJSONRenderer
from collaborations.api.serializers import SiteSerializer
from collaborations.models import Site, SiteDocument
from tests.factories import DriverFactory, SiteDriverFactory, build_large_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    return build_large_catalogue(120)


def reference_page(url: str, sites) -> bytes:
    """The page as the reference serializer renders it."""
    request = Request(RequestFactory().get(url))
    results = SiteSerializer(sites, many=True, context={"request": request}).data
    return results, EscapedJSONRenderer().render(results)


def test_a_page_is_byte_for_byte_what_the_reference_serializer_renders(client, catalogue):
    url = "/api/v1/sites/?page_size=50&page=2&ordering=-facts_with_reference"
    for attempt in ("built", "stored"):
        body = client.get(url).content
        expected_sites = Site.public.for_detail().order_by("-referenced_fact_count", "slug")[50:100]
        results, rendered = reference_page(url, expected_sites)
        page = json.loads(body)
        assert page["results"] == json.loads(json.dumps(results)), attempt
        start = body.index(b'"results":') + len(b'"results":')
        assert body[start:-1] == rendered, attempt
    assert SiteDocument.objects.count() >= 50


def test_one_site_is_what_the_reference_serializer_renders(client, catalogue):
    url = "/api/v1/sites/bulk-site-0007/"
    site = Site.public.for_detail().get(slug="bulk-site-0007")
    request = Request(RequestFactory().get(url))
    expected = EscapedJSONRenderer().render(SiteSerializer(site, context={"request": request}).data)
    assert client.get(url).content == expected
    assert client.get(url).content == expected  # from the stored copy


def test_a_stored_copy_is_rebuilt_when_the_site_or_a_fact_changes(client, catalogue):
    url = "/api/v1/sites/bulk-site-0003/"
    client.get(url)
    SiteDriverFactory(site=Site.objects.get(slug="bulk-site-0003"), driver=DriverFactory(name="X"))
    assert "X" in [d["name"] for d in client.get(url).json()["drivers"]]
    site = Site.objects.get(slug="bulk-site-0003")
    site.name = "Renamed"
    site.save()
    assert client.get(url).json()["name"] == "Renamed"


def test_links_carry_the_origin_of_each_request(client, catalogue):
    client.get("/api/v1/sites/bulk-site-0001/")
    other = client.get("/api/v1/sites/bulk-site-0001/", HTTP_HOST="localhost").json()
    assert other["url"] == "http://localhost/api/v1/sites/bulk-site-0001/"


def test_the_json_download_streams_every_published_site(client, catalogue):
    Site.objects.filter(slug="bulk-site-0005").update(status=Site.Status.DRAFT)
    response = client.get("/api/v1/sites/export.json")
    assert response.streaming and response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    body = json.loads(b"".join(response.streaming_content))
    slugs = [site["slug"] for site in body["results"]]
    expected = list(Site.public.order_by("name", "slug").values_list("slug", flat=True))
    assert slugs == expected and body["count"] == 119 and "bulk-site-0005" not in slugs
    reference, _ = reference_page("/", Site.public.for_detail().order_by("name", "slug"))
    assert body["results"] == json.loads(json.dumps(reference))


def test_the_csv_download_streams_the_header_and_a_row_per_site(client, catalogue):
    response = client.get("/api/v1/sites/export.csv?typology=" + _a_typology())
    assert response.streaming and response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == SITE_HEADERS
    listed = client.get(f"/api/v1/sites/?typology={_a_typology()}&page_size=200").json()
    assert [row[0] for row in rows[1:]] == [site["slug"] for site in listed["results"]]
    assert all(len(row) == len(SITE_HEADERS) for row in rows)
    by_slug = {site["slug"]: site for site in listed["results"]}
    for row in rows[1:]:
        site = by_slug[row[0]]
        assert row[1] == site["name"] and row[SITE_HEADERS.index("url")] == site["url"]


def test_a_download_past_the_process_limit_is_told_to_come_back(client, catalogue, settings):
    from collaborations.api import downloads

    settings.DOWNLOADS_PER_PROCESS = 2
    held = [downloads.SlotStream(iter([])) for _ in range(settings.DOWNLOADS_PER_PROCESS)]
    try:
        response = client.get("/api/v1/sites/export.csv")
        assert response.status_code == 503 and response["Retry-After"] == "10"
        assert client.get("/api/v1/sites/?page_size=5").status_code == 200
    finally:
        for stream in held:
            stream.close()
    response = client.get("/api/v1/sites/export.csv")
    assert response.status_code == 200
    response.close()


def _a_typology() -> str:
    from collaborations.models import TypologyCoding

    return TypologyCoding.objects.filter(rank="preferred").values_list("typology__slug", flat=True)[
        0
    ]


@pytest.mark.parametrize(
    "ordering",
    ["", "&ordering=-facts_with_reference", "&ordering=start_year", "&ordering=-updated"],
)
def test_a_cursor_pages_through_every_site_once_in_the_order_of_page_numbers(
    client, catalogue, ordering
):
    Site.objects.filter(slug__in=["bulk-site-0002", "bulk-site-0009"]).update(start_year=None)
    numbered = []
    for page in (1, 2, 3):
        body = client.get(f"/api/v1/sites/?page_size=50&page={page}{ordering}").json()
        numbered += [site["slug"] for site in body["results"]]
    paged, url = [], f"/api/v1/sites/?page_size=50&cursor={ordering}"
    while url:
        body = client.get(url).json()
        assert body["count"] == 120 and body["previous"] is None
        paged += [site["slug"] for site in body["results"]]
        url = body["next"]
    assert paged == numbered and len(set(paged)) == 120


def test_a_cursor_follows_a_search_ranked_by_relevance(client, catalogue):
    first = client.get("/api/v1/sites/?q=bulk+site&page_size=30&cursor=").json()
    second = client.get(first["next"]).json()
    numbered = client.get("/api/v1/sites/?q=bulk+site&page_size=60").json()["results"]
    both = [s["slug"] for s in first["results"] + second["results"]]
    assert both == [s["slug"] for s in numbered]


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("cursor=nonsense", "is not a cursor"),
        ("cursor=MTA&page=2", "not both"),
    ],
)
def test_a_bad_cursor_is_a_400_naming_it(client, catalogue, query, problem):
    response = client.get(f"/api/v1/sites/?{query}")
    assert response.status_code == 400 and problem in response.content.decode()


def test_a_blank_cursor_beside_a_page_number_pages_by_number(client, catalogue):
    """A client that always sends its cursor field, blank until it has one, can still ask
    for a numbered page."""
    blank = client.get("/api/v1/sites/?cursor=&page=2&page_size=50").json()
    numbered = client.get("/api/v1/sites/?page=2&page_size=50").json()
    assert blank["results"] == numbered["results"] and blank["previous"] is not None


def test_a_cursor_of_another_order_is_a_400(client, catalogue):
    token = client.get("/api/v1/sites/?cursor=&page_size=5").json()["next"].split("cursor=")[1]
    response = client.get(f"/api/v1/sites/?cursor={token}&ordering=-facts_with_reference")
    assert response.status_code == 400 and "another order" in response.content.decode()
