"""Abuse and safety: escaped user text everywhere, oversize requests, rate limits, CSRF."""

import pytest
from django.template import Context, Template
from django.test import Client

from collaborations.models import ChangeProposal, Site
from collaborations.submissions import moderation, proposals
from tests import factories as f
from tests.test_submissions_support import (
    create_submission,
    form_data_for_site,
    grant_private_link,
    make_moderator,
    make_reference_data,
    submission_data,
)

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">click</a>',
]


@pytest.fixture
def ref():
    return make_reference_data()


def assert_escaped(html: str, payload: str):
    assert payload not in html
    assert "<script>alert" not in html
    assert "onerror=alert(1)>" not in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_user_text_is_escaped_on_every_page_that_shows_it(client, ref, payload):
    hostile = {
        "name": f"Site {payload}",
        "summary": payload,
        "lead_organisation_name": f"Org {payload}",
        "indicators": payload,
        f"line_detail_{ref.line_types[0].slug}": payload,
        "contact_name": payload,
        "locality": payload,
    }
    submission = create_submission(ref, **hostile)
    site = submission.site
    moderator = make_moderator()
    moderation.submission_request_changes(
        submission_id=submission.pk, moderator=moderator, message=payload, expected_version=1
    )
    grant_private_link(client, submission)
    moderator_client = Client()
    moderator_client.force_login(moderator)
    pages = [
        client.get(f"/submissions/{site.slug}/"),
        client.get(f"/submissions/{site.slug}/edit/"),
        client.get("/submissions/"),
        moderator_client.get("/moderation/"),
        moderator_client.get(f"/moderation/submissions/{site.slug}/"),
        moderator_client.get(f"/moderation/sites/{site.slug}/history/"),
    ]
    # A proposal with hostile text on a published site, and its accepted change log.
    published = f.SiteFactory(name="Published")
    proposer = f.UserFactory(username="proposer")
    proposer_client = Client()
    proposer_client.force_login(proposer)
    proposer_client.post(
        f"/sites/{published.slug}/propose/",
        form_data_for_site(
            published,
            summary=payload,
            organisation_name=payload,
            explanation=payload,
            evidence=payload,
        ),
    )
    proposal = ChangeProposal.objects.get()
    pages += [
        proposer_client.get(f"/proposals/{proposal.pk}/"),
        moderator_client.get(f"/moderation/proposals/{proposal.pk}/"),
    ]
    proposals.change_proposal_accept(
        proposal_id=proposal.pk, moderator=moderator, expected_version=proposal.version
    )
    template = Template("{% load submission_tags %}{% case_page_panel site %}")
    panel = template.render(Context({"site": Site.objects.get(pk=published.pk)}))
    for response in pages:
        assert response.status_code == 200, response.request["PATH_INFO"]
        assert_escaped(response.content.decode(), payload)
    assert "&lt;" in panel or "&quot;" in panel
    assert_escaped(panel, payload)


def test_no_template_of_ours_marks_text_safe():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "templates"
    for folder in ("submissions", "moderation", "registration"):
        for path in (root / folder).rglob("*.html"):
            text = path.read_text()
            assert "|safe" not in text and "autoescape off" not in text, path


def test_an_oversized_post_gets_a_clear_413_page(client, ref, settings):
    data = submission_data(ref, summary="x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10))
    response = client.post("/submit/", data)
    assert response.status_code == 413
    html = response.content.decode()
    assert "larger than this site accepts (256 KB)" in html
    assert "your browser still holds what you typed" in html
    assert not Site.objects.exists()


def test_an_oversized_api_request_gets_json_413(client, settings):
    body = "{" + '"a": "' + "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE + '"}'
    response = client.post("/api/v1/submissions/", body, content_type="application/json")
    assert response.status_code == 413
    assert "larger than this site accepts" in response.json()["detail"]


def test_submissions_are_rate_limited_per_address_with_typed_text_kept(client, ref, settings):
    settings.RALLYING_RATE_LIMITS = {"submission-create": (2, 2, 3600)}
    for n in range(2):
        assert client.post("/submit/", submission_data(ref, name=f"Site {n}")).status_code == 302
    response = client.post("/submit/", submission_data(ref, name="One too many"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many attempts" in html and 'value="One too many"' in html
    assert Site.objects.count() == 2


def test_submissions_are_rate_limited_per_account_across_addresses(ref, settings):
    settings.RALLYING_RATE_LIMITS = {"submission-create": (100, 1, 3600)}
    user = f.UserFactory(username="busy")
    first, second = Client(REMOTE_ADDR="10.0.0.1"), Client(REMOTE_ADDR="10.0.0.2")
    first.force_login(user)
    second.force_login(user)
    assert first.post("/submit/", submission_data(ref, name="A")).status_code == 302
    assert second.post("/submit/", submission_data(ref, name="B")).status_code == 429


def test_sign_ups_are_rate_limited_per_address(client, settings):
    settings.RALLYING_RATE_LIMITS = {"signup": (2, 2, 3600)}
    for n in range(2):
        client.post("/accounts/signup/", {"name": "A", "email": f"a{n}@example.org"})
    response = client.post("/accounts/signup/", {"name": "A", "email": "a9@example.org"})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_csrf_protects_the_forms(ref):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post("/submit/", submission_data(ref)).status_code == 403
    assert not Site.objects.exists()
    page = browser.get("/submit/")
    token = page.cookies["csrftoken"].value
    data = {**submission_data(ref), "csrfmiddlewaretoken": token}
    assert browser.post("/submit/", data).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_failure_never_loses_a_submission(client, monkeypatch):
    def refused(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("collaborations.submissions.emails.send_mail", refused)
    ref = make_reference_data()
    response = client.post("/submit/", submission_data(ref))
    assert response.status_code == 302
    assert Site.objects.filter(name="Northtown Together").exists()


def test_line_breaks_in_a_name_never_reach_an_email_header(
    client, ref, django_capture_on_commit_callbacks
):
    from django.core import mail

    owner = f.UserFactory(username="o@example.org", email="o@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        submission = create_submission(ref, owner=owner, name="Two\r\nBcc: victim@example.org")
    assert mail.outbox[0].subject == (
        f"[Rallying] We have received your submission {submission.reference}: "
        "Two Bcc: victim@example.org"
    )
    assert "Bcc" not in mail.outbox[0].message().get("Bcc", "")
