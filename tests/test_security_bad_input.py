"""Inputs that used to be 500s: each is a 400 that says what is wrong, and nothing is saved."""

import pytest
from django.core import mail
from django.test import Client
from rest_framework.test import APIClient

from collaborations.api.parsers import MAX_DEPTH
from collaborations.models import Site
from tests import factories as f
from tests.factories import api_key_for
from tests.test_submissions_support import create_submission, make_reference_data

pytestmark = pytest.mark.django_db
SUBMISSIONS = "/api/v1/submissions/"


@pytest.fixture
def api():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_key_for(f.UserFactory())}")
    return client


@pytest.mark.parametrize("charset", ["iso-8859-1", "utf-16"])
def test_a_form_sent_in_another_encoding_is_a_400_page(charset):
    create_submission(make_reference_data())
    browser = Client(enforce_csrf_checks=True)
    browser.get("/submissions/lost-link/")
    token = browser.cookies["csrftoken"].value
    mail.outbox.clear()
    response = browser.post(
        "/submissions/lost-link/",
        f"csrfmiddlewaretoken={token}&email=sam%40northtown.example.org",
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Request not understood" in html and "UTF-8" in html and '<main id="main"' in html
    assert mail.outbox == []


@pytest.mark.parametrize(
    "body",
    [
        '{"action": "\\ud800"}',
        '{"name": "A\\udfff"}',
        '{"indicators": ["\\ud83d"]}',
        '{"\\ud800": 1}',
    ],
)
def test_a_lone_surrogate_in_json_is_a_400(api, body):
    response = api.post(SUBMISSIONS, body, content_type="application/json")
    assert response.status_code == 400
    assert "lone surrogate" in response.json()["detail"]
    assert not Site.objects.exists()


def test_a_proper_surrogate_pair_is_text_like_any_other(api):
    ref = make_reference_data()
    body = (
        '{"name": "Smile \\ud83d\\ude00 Alliance", "locality": "Leeds", '
        f'"lead_organisation_name": "Smile Trust", "lead_organisation_type": '
        f'"{ref.organisation_types[0].slug}", "summary": "S", "contact_name": "A", '
        '"contact_email": "a@example.org"}'
    )
    response = api.post(SUBMISSIONS, body, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert Site.objects.get().name == "Smile \U0001f600 Alliance"


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 2_000, 25_000])
@pytest.mark.parametrize("opening,closing", [("[", "]"), ('{"a":', "}")])
def test_deeply_nested_json_is_a_400(api, depth, opening, closing):
    body = opening * depth + "1" + closing * depth
    response = api.post(SUBMISSIONS, body, content_type="application/json")
    assert response.status_code == 400
    assert f"nested deeper than {MAX_DEPTH} levels" in response.json()["detail"]


@pytest.mark.parametrize("version", ["\x00", "1\r\nSet-Cookie: x=1", "2", ""])
def test_the_schema_refuses_a_version_parameter_naming_it(client, version):
    response = client.get("/api/schema/", {"version": version, "format": "json"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "version"
    assert "\x00" not in str(response.headers) and "Set-Cookie" not in response.headers


def test_the_schema_without_a_version_is_served(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")
