"""Private links expire, stop working once an account claims the submission, and the links
sent with an outcome only show the submission."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from collaborations.models import SubmissionAccessKey
from collaborations.submissions.access import access_key_create
from collaborations.submissions.accounts import submissions_claim
from collaborations.submissions.moderation import submission_publish, submission_request_changes
from tests import factories as f
from tests.test_submissions_support import (
    create_submission,
    make_moderator,
    make_reference_data,
    submission_data,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ref():
    return make_reference_data()


@pytest.fixture
def submission(ref):
    return create_submission(ref, contact_email="sam@northtown.example.org")


def opened(token: str) -> Client:
    browser = Client()
    response = browser.get(f"/submissions/access/{token}/")
    browser.link_status = response.status_code
    return browser


def pages(browser, submission) -> tuple[int, int]:
    slug = submission.site.slug
    return (
        browser.get(f"/submissions/{slug}/").status_code,
        browser.get(f"/submissions/{slug}/edit/").status_code,
    )


def test_a_link_works_for_thirty_days_then_asks_for_a_new_one(submission):
    token = access_key_create(submission=submission)
    key = SubmissionAccessKey.objects.latest("pk")
    assert timedelta(days=29) < key.expires_at - timezone.now() <= timedelta(days=30)
    assert opened(token).link_status == 302
    SubmissionAccessKey.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    browser = opened(token)
    assert browser.link_status == 404
    page = browser.get(f"/submissions/access/{token}/").content.decode()
    assert "ask for a new link" in page and "/submissions/lost-link/" in page
    assert pages(browser, submission) == (404, 404)


def test_a_browser_opened_with_a_link_loses_access_when_the_link_expires(submission):
    browser = opened(access_key_create(submission=submission))
    assert pages(browser, submission) == (200, 200)
    session = browser.session
    for grant in session["submission_links"].values():
        grant[1] = (timezone.now() - timedelta(seconds=1)).timestamp()
    session.save()
    assert pages(browser, submission) == (404, 404)


def test_once_an_account_claims_the_submission_its_links_stop_working(submission):
    token = access_key_create(submission=submission)
    browser = opened(token)
    assert pages(browser, submission) == (200, 200)
    user = f.UserFactory(username="sam@northtown.example.org", email="sam@northtown.example.org")
    assert submissions_claim(user=user) == 1
    assert not SubmissionAccessKey.objects.exists()
    assert opened(token).link_status == 404
    assert pages(browser, submission) == (404, 404)  # the session opened before, too
    browser.force_login(user)
    assert pages(browser, submission) == (200, 200)  # the account is the way in now


def test_the_link_in_a_published_notice_only_shows_the_submission(
    submission, django_capture_on_commit_callbacks
):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        submission_publish(
            submission_id=submission.pk,
            moderator=make_moderator(),
            expected_version=submission.version,
        )
    assert SubmissionAccessKey.objects.filter(can_edit=False).count() == 1
    path = mail.outbox[-1].body.split("/submissions/access/")[1].split()[0]
    browser = opened(path.rstrip("/"))
    assert browser.link_status == 302
    assert browser.get(f"/submissions/{submission.site.slug}/").status_code == 200


def test_a_view_only_link_never_edits_even_while_editing_is_open(ref, submission):
    access_key_create(submission=submission)  # the submitter's own editing link, elsewhere
    browser = opened(access_key_create(submission=submission, can_edit=False))
    edit = f"/submissions/{submission.site.slug}/edit/"
    assert pages(browser, submission) == (200, 302)
    assert "only shows" in browser.get(edit, follow=True).content.decode()
    data = submission_data(ref, summary="Rewritten", version=submission.version)
    assert browser.post(edit, data).status_code == 302
    submission.site.refresh_from_db()
    assert submission.site.summary != "Rewritten"


def test_an_editing_link_after_a_view_only_one_edits(submission):
    browser = opened(access_key_create(submission=submission, can_edit=False))
    browser.get(f"/submissions/access/{access_key_create(submission=submission)}/")
    assert pages(browser, submission) == (200, 200)


def test_changes_requested_sends_a_link_that_edits(submission):
    submission_request_changes(
        submission_id=submission.pk,
        moderator=make_moderator(),
        message="Add the funder",
        expected_version=submission.version,
    )
    assert SubmissionAccessKey.objects.filter(can_edit=True).count() == 2
