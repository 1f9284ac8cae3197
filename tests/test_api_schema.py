"""The OpenAPI schema: valid, complete, and true to what the API really returns."""

import re

import jsonschema
import pytest
from django.core.management import call_command

from collaborations.filters import SiteFilterSet
from collaborations.models import Site
from tests import streaming
from tests.factories import SiteFactory
from tests.test_api_queries import REFERENCE_ENDPOINTS
from tests.test_api_support import json_schema, openapi_schema, rich_site

pytestmark = pytest.mark.django_db


def test_the_schema_validates_without_a_warning(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yaml"))


def test_the_schema_is_served(client):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")


def operation(path):
    return openapi_schema()["paths"][path]["get"]


def parameters(path):
    return {p["name"]: p for p in operation(path)["parameters"] if p["in"] == "query"}


def test_every_endpoint_is_described():
    paths = set(openapi_schema()["paths"])
    expected = {"/api/v1/sites/", "/api/v1/sites/{slug}/", "/api/v1/sites/export.csv"}
    expected |= {"/api/v1/sites/export.json"}
    expected |= {f"/api/v1/{name}/" for name in REFERENCE_ENDPOINTS}
    expected |= {f"/api/v1/{name}/{{slug}}/" for name in REFERENCE_ENDPOINTS}
    assert expected <= paths


@pytest.mark.parametrize("path", ["/api/v1/sites/", "/api/v1/sites/export.json"])
def test_every_filter_of_the_browse_page_is_a_described_parameter(path):
    described = parameters(path)
    for name in SiteFilterSet.base_filters:
        assert name in described, name
        assert described[name].get("description"), name


def test_slug_parameters_name_the_endpoint_that_lists_their_values():
    paths = set(openapi_schema()["paths"])
    for name, parameter in parameters("/api/v1/sites/").items():
        endpoint = re.search(r"`(/api/v1/[a-z-]+/)`", parameter.get("description", ""))
        if parameter["schema"].get("items", {}).get("pattern"):
            assert endpoint and endpoint.group(1) in paths, name


def test_fixed_vocabularies_are_enums():
    described = parameters("/api/v1/sites/")
    assert described["kind"]["schema"]["items"]["enum"] == list(Site.Kind.values)
    assert described["driver_match"]["schema"]["enum"] == ["all", "any"]
    assert set(described["evidence"]["schema"]["enum"]) == {"research-coded", "self-reported"}
    assert {"name", "-name", "updated", "-updated", "facts_with_reference", "-facts_stated"} <= set(
        described["ordering"]["schema"]["items"]["enum"]
    )
    assert described["format"]["schema"]["enum"] == ["csv", "json"]
    assert described["page_size"]["schema"]["minimum"] == 1


def test_list_responses_are_described_as_json_and_csv_with_their_errors():
    responses = operation("/api/v1/sites/")["responses"]
    assert set(responses["200"]["content"]) == {"application/json", "text/csv"}
    assert {"304", "400", "404", "429"} <= set(responses)
    assert set(responses["400"]["content"]) == {"application/json"}
    assert {"ETag", "Last-Modified", "Link"} <= set(responses["200"]["headers"])


def validate(instance, component):
    jsonschema.validate(instance, json_schema(component))


def test_a_real_list_and_site_match_the_schema(client):
    rich_site()
    SiteFactory(slug="bare", website="", permanence="", start_year=None)
    validate(client.get("/api/v1/sites/").json(), "PaginatedSiteList")
    validate(client.get("/api/v1/sites/oldham/").json(), "Site")
    validate(client.get("/api/v1/sites/bare/").json(), "Site")
    validate(streaming.json_of(client.get("/api/v1/sites/export.json")), "SiteExport")


def test_the_strict_schema_catches_an_undescribed_field(client):
    rich_site()
    site = client.get("/api/v1/sites/oldham/").json()
    site["undescribed"] = 1
    with pytest.raises(jsonschema.ValidationError):
        validate(site, "Site")


@pytest.mark.parametrize("endpoint", REFERENCE_ENDPOINTS)
def test_real_reference_lists_match_the_schema(client, endpoint):
    rich_site()
    response_schema = operation(f"/api/v1/{endpoint}/")["responses"]["200"]["content"]
    listed = response_schema["application/json"]["schema"]
    body = client.get(f"/api/v1/{endpoint}/").json()
    if "$ref" in listed:  # a list in pages (organisations): the envelope, then its rows
        validate(body, listed["$ref"].split("/")[-1])
        envelope = openapi_schema()["components"]["schemas"][listed["$ref"].split("/")[-1]]
        listed, body = envelope["properties"]["results"], body["results"]
    component = listed["items"]["$ref"].split("/")[-1]
    rows = body
    assert rows
    for row in rows:
        validate(row, component)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/sites/?ordering=bogus",
        "/api/v1/sites/?nonsense=1",
        "/api/v1/sites/nope/",
        "/api/v1/drivers/nope/",
        "/api/v1/sites/?page=7",
    ],
)
def test_real_errors_match_the_schema(client, url):
    validate(client.get(url).json(), "Error")


def test_the_api_reference_is_a_page_of_the_site_drawn_from_the_schema(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en-GB">' in html and 'class="site-header"' in html
    assert "<script" not in html  # readable without JavaScript
    schema = client.get("/api/schema/?format=json").json()
    for path, operations in schema["paths"].items():
        assert f"<code>{path}</code>" in html, path
        for operation in operations.values():
            assert f'id="{operation["operationId"]}"' in html
    for name in schema["components"]["schemas"]:
        assert f'id="schema-{name}"' in html, name
    assert "approachs" not in html
