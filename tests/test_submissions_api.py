"""/api/v1/submissions/: token clients create and update their own submissions."""

import pytest
from django.core import mail
from rest_framework.test import APIClient

from collaborations.models import Site, Submission
from collaborations.submissions.moderation import submission_publish
from tests import factories as f
from tests.factories import api_key_for
from tests.test_submissions_support import create_submission, make_moderator, make_reference_data

pytestmark = pytest.mark.django_db
URL = "/api/v1/submissions/"


@pytest.fixture
def ref():
    return make_reference_data()


@pytest.fixture
def owner():
    return f.UserFactory(username="client", email="client@example.org")


@pytest.fixture
def api(owner):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {api_key_for(owner)}")
    return client


def payload(ref, **overrides):
    body = {
        "name": "Southtown Alliance",
        "locality": "Southtown",
        "region": ref.regions[1].slug,
        "lead_organisation_name": "Southtown Council",
        "lead_organisation_type": ref.organisation_types[1].slug,
        "summary": "An alliance contract for complex needs.",
        "typology": ref.typologies[1].slug,
        "drivers": [ref.drivers[1].slug],
        "partner_types": [ref.partners[2].slug],
        "accountability_lines": [{"line_type": ref.line_types[1].slug, "detail": "Monthly"}],
        "indicators": ["People housed"],
        "contact_name": "Alex",
        "contact_email": "alex@southtown.example.org",
    }
    body.update(overrides)
    return body


def test_anonymous_writes_get_401(ref):
    response = APIClient().post(URL, payload(ref), format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")
    assert not Site.objects.exists()


def test_a_token_client_creates_a_submission_for_review(
    api, owner, ref, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(URL, payload(ref), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "submitted"
    assert body["drivers"] == [ref.drivers[1].slug]
    assert body["accountability_lines"] == [
        {"line_type": ref.line_types[1].slug, "detail": "Monthly"}
    ]
    assert response["Location"] == f"{URL}{body['slug']}/"
    assert "contact_email" not in body and "alex@" not in response.content.decode()
    site = Site.objects.get(slug=body["slug"])
    assert site.owner == owner and site.kind == Site.Kind.PRACTITIONER_SUBMISSION
    assert "received your submission" in mail.outbox[0].subject
    assert not Site.public.filter(pk=site.pk).exists()


def test_the_api_applies_the_forms_rules(api, ref):
    response = api.post(
        URL,
        payload(ref, summary="", drivers=["no-such-driver"], name="x" * 201, homepage=""),
        format="json",
    )
    errors = response.json()
    assert response.status_code == 400
    assert "at most 200 characters" in errors["name"][0]
    assert "no-such-driver is not one of the available choices" in errors["drivers"][0]
    assert "before submitting for review" in errors["summary"][0]


def test_a_draft_then_a_partial_update_then_submit(api, ref):
    created = api.post(
        URL, {"name": "Draft", "contact_email": "a@example.org", "action": "draft"}, format="json"
    ).json()
    assert created["status"] == "draft"
    detail = f"{URL}{created['slug']}/"
    changed = api.patch(detail, {"summary": "Now written", "version": 1}, format="json")
    assert changed.status_code == 200, changed.json()
    assert changed.json()["summary"] == "Now written"
    assert changed.json()["name"] == "Draft" and changed.json()["status"] == "draft"
    submitted = api.patch(
        detail,
        {
            "action": "submit",
            "locality": "Eastby",
            "lead_organisation_name": "Eastby Trust",
            "lead_organisation_type": ref.organisation_types[0].slug,
            "contact_name": "A",
        },
        format="json",
    )
    assert submitted.status_code == 200, submitted.json()
    assert submitted.json()["status"] == "submitted"
    assert submitted.json()["version"] == 3


def test_a_stale_version_is_refused_with_409(api, ref):
    slug = api.post(URL, payload(ref), format="json").json()["slug"]
    api.patch(f"{URL}{slug}/", {"summary": "One"}, format="json")
    response = api.patch(f"{URL}{slug}/", {"summary": "Two", "version": 1}, format="json")
    assert response.status_code == 409
    assert Site.objects.get(slug=slug).summary == "One"


def test_a_published_submission_is_not_edited_through_the_api(api, ref):
    slug = api.post(URL, payload(ref), format="json").json()["slug"]
    submission = Submission.objects.get(site__slug=slug)
    submission_publish(submission_id=submission.pk, moderator=make_moderator(), expected_version=1)
    response = api.patch(f"{URL}{slug}/", {"summary": "Sneaky"}, format="json")
    assert response.status_code == 409
    assert "propose a change" in response.json()["detail"]


def test_other_accounts_submissions_are_404(api, ref):
    theirs = create_submission(ref, owner=f.UserFactory(username="someone-else"))
    detail = f"{URL}{theirs.site.slug}/"
    assert api.get(detail).status_code == 404
    assert api.patch(detail, {"summary": "Mine now"}, format="json").status_code == 404
    assert api.put(detail, payload(ref), format="json").status_code == 404
    assert Site.objects.get(pk=theirs.site.pk).summary != "Mine now"
    assert api.get(URL).json() == []


def test_the_list_shows_only_your_own(api, owner, ref):
    create_submission(ref, owner=owner, name="Mine")
    create_submission(ref, owner=None, name="Not mine")
    names = [row["name"] for row in api.get(URL).json()]
    assert names == ["Mine"]


def test_too_many_creates_get_429(api, ref, settings):
    settings.RALLYING_RATE_LIMITS = {"submission-create": (2, 2, 3600)}
    for n in range(2):
        assert api.post(URL, payload(ref, name=f"S{n}"), format="json").status_code == 201
    response = api.post(URL, payload(ref, name="S3"), format="json")
    assert response.status_code == 429
    assert "Too many submissions" in response.json()["detail"]
    assert "Retry-After" in response


def test_the_schema_documents_the_endpoint(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert "/api/v1/submissions/" in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/submissions/"]
