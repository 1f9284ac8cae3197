"""The OpenAPI schema says what the submissions API requires and every status it answers
with, and lists the slugs a filter accepts, so schema-driven clients stay inside it."""

import pytest
from rest_framework.test import APIClient

from tests import factories as f

pytestmark = pytest.mark.django_db
SUBMISSIONS = "/api/v1/submissions/"
DETAIL = "/api/v1/submissions/{slug}/"


@pytest.fixture
def schema(client):
    f.DriverFactory(slug="shared-vision")
    f.DriverFactory(slug="austerity")
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def body_schema(schema, path, method):
    ref = schema["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]
    return schema["components"]["schemas"][ref["$ref"].rsplit("/", 1)[1]]


def test_creating_and_replacing_require_a_name_and_an_email(schema):
    for method in ("post",):
        assert {"name", "contact_email"} <= set(
            body_schema(schema, SUBMISSIONS, method)["required"]
        )
    assert {"name", "contact_email"} <= set(body_schema(schema, DETAIL, "put")["required"])
    assert "required" not in body_schema(schema, DETAIL, "patch")
    name = body_schema(schema, SUBMISSIONS, "post")["properties"]["name"]
    assert name["maxLength"] == 200 and name["minLength"] == 1


@pytest.mark.parametrize(
    "path,method,statuses",
    [
        (SUBMISSIONS, "get", {"200", "401", "403"}),
        (SUBMISSIONS, "post", {"201", "400", "401", "403", "429"}),
        (DETAIL, "get", {"200", "401", "403", "404"}),
        (DETAIL, "put", {"200", "400", "401", "403", "404", "409", "429"}),
        (DETAIL, "patch", {"200", "400", "401", "403", "404", "409", "429"}),
    ],
)
def test_every_status_of_the_submissions_api_is_documented(schema, path, method, statuses):
    assert set(schema["paths"][path][method]["responses"]) == statuses


def test_slug_filters_list_the_slugs_the_catalogue_has(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/sites/"]["get"]["parameters"]}
    assert parameters["driver"]["schema"]["items"]["enum"] == ["austerity", "shared-vision"]


def test_any_slug_of_a_submission_that_is_not_yours_is_a_json_404():
    client = APIClient()
    client.force_authenticate(f.UserFactory())
    for slug in ("nope", "%C2%84", "a.b"):
        response = client.get(f"{SUBMISSIONS}{slug}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"


def test_submission_fields_and_reference_paths_list_their_slugs(schema):
    body = body_schema(schema, SUBMISSIONS, "post")["properties"]
    assert body["drivers"]["items"]["enum"] == ["austerity", "shared-vision"]
    detail = schema["paths"]["/api/v1/drivers/{slug}/"]["get"]["parameters"]
    slug = next(p for p in detail if p["name"] == "slug")
    assert slug["schema"]["enum"] == ["austerity", "shared-vision"]
