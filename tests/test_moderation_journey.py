"""The whole journey: submit, changes requested, resubmit, publish; an email at each step."""

import re

import pytest
from django.core import mail

from collaborations.models import ModerationDecision, Site, SiteRevision
from tests.test_submissions_support import make_moderator, make_reference_data, submission_data

pytestmark = pytest.mark.django_db


def private_link(message) -> str:
    return re.search(r"http://[^\s]+/submissions/access/[^\s]+/", message.body).group(0)


def decide(client, site, decision, message, version):
    data = {"decision": decision, "message": message, "version": version, "confirmed": "on"}
    return client.post(f"/moderation/submissions/{site.slug}/", data)


def test_submit_request_changes_resubmit_publish(client, django_capture_on_commit_callbacks):
    ref = make_reference_data()
    moderator_client = client.__class__()
    moderator_client.force_login(make_moderator())

    # 1. A practitioner without an account submits; they get a private link by email.
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/submit/", submission_data(ref, summary="First summary"))
    site = Site.objects.get(name="Northtown Together")
    assert site.status == Site.Status.SUBMITTED and site.owner is None
    assert [m.to for m in mail.outbox] == [["sam@northtown.example.org"]]
    link = private_link(mail.outbox[0])

    # 2. It is in the queue, and not public.
    queue = moderator_client.get("/moderation/").content.decode()
    assert "Northtown Together" in queue
    assert not Site.public.filter(pk=site.pk).exists()
    review = moderator_client.get(f"/moderation/submissions/{site.slug}/").content.decode()
    assert "First review: everything is new" in review and "First summary" in review

    # 3. The moderator requests changes; the submitter is told, with a fresh link.
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(moderator_client, site, "request-changes", "Please name the funder.", 1)
    assert response.status_code == 302
    site.refresh_from_db()
    assert site.status == Site.Status.CHANGES_REQUESTED
    assert "Changes requested" in mail.outbox[1].subject
    assert "Please name the funder." in mail.outbox[1].body
    second_link = private_link(mail.outbox[1])

    # 4. The submitter opens the link in a fresh browser, sees the message, edits, resubmits.
    browser = client.__class__()
    page = browser.get(second_link.replace("http://127.0.0.1:8000", ""), follow=True)
    assert "Please name the funder." in page.content.decode()
    version = Site.objects.get(pk=site.pk).submission.version
    data = submission_data(ref, summary="Second summary, funded by the Trust", version=str(version))
    with django_capture_on_commit_callbacks(execute=True):
        assert browser.post(f"/submissions/{site.slug}/edit/", data).status_code == 302
    site.refresh_from_db()
    assert site.status == Site.Status.SUBMITTED
    assert "private link" in mail.outbox[2].subject  # still without an account
    assert (
        browser.get(link.replace("http://127.0.0.1:8000", "")).status_code == 302
    )  # old link works

    # 5. The moderator sees what changed since the last review, then publishes.
    review = moderator_client.get(f"/moderation/submissions/{site.slug}/").content.decode()
    assert "What changed since the last review" in review
    assert "First summary" in review and "Second summary, funded by the Trust" in review
    version = Site.objects.get(pk=site.pk).submission.version
    with django_capture_on_commit_callbacks(execute=True):
        assert decide(moderator_client, site, "publish", "", version).status_code == 302
    site.refresh_from_db()
    assert site.status == Site.Status.PUBLISHED and site.published_at is not None
    assert "is published" in mail.outbox[3].subject
    assert len(mail.outbox) == 4

    # 6. Public: kind practitioner-submission, labelled self-reported, the submitter its source.
    public = Site.public.get(pk=site.pk)
    assert public.kind == Site.Kind.PRACTITIONER_SUBMISSION
    assert public.is_self_reported and public.evidence_label == "Self-reported"
    assert public.submission.source.title == "Self-reported by Northtown Community Trust"
    coding = public.typology_codings.get(rank="preferred")
    assert coding.coded_by is not None  # the publishing moderator stands behind the type
    assert list(ModerationDecision.objects.filter(site=site).values_list("action", flat=True)) == [
        "publish",
        "request-changes",
    ]
    assert SiteRevision.objects.filter(site=site, is_public=True).count() == 1

    # 7. Once published the submitter can no longer edit; they are pointed to proposals.
    response = browser.get(f"/submissions/{site.slug}/edit/")
    assert response.status_code == 302
    assert "propose a change" in browser.get(f"/submissions/{site.slug}/").content.decode()


def test_rejection_tells_the_submitter_why(client, django_capture_on_commit_callbacks):
    ref = make_reference_data()
    client.post("/submit/", submission_data(ref))
    site = Site.objects.get()
    client.force_login(make_moderator())
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, site, "reject", "Not a collaboration in local public services.", 1)
    site.refresh_from_db()
    assert site.status == Site.Status.REJECTED
    assert "not accepted" in mail.outbox[-1].subject
    assert "Not a collaboration in local public services." in mail.outbox[-1].body
    assert not Site.public.filter(pk=site.pk).exists()


def test_rejecting_or_requesting_changes_needs_a_message(client):
    ref = make_reference_data()
    client.post("/submit/", submission_data(ref))
    site = Site.objects.get()
    client.force_login(make_moderator())
    for decision in ("reject", "request-changes"):
        response = decide(client, site, decision, "  ", 1)
        assert response.status_code == 400
        assert "for the submitter" in response.content.decode()
    site.refresh_from_db()
    assert site.status == Site.Status.SUBMITTED
