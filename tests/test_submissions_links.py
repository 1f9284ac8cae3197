"""Private links for submitters without an account, and what the submitter sees."""

import re

import pytest
from django.core import mail
from django.test import Client

from collaborations.models import SubmissionAccessKey
from collaborations.submissions.access import token_hash
from tests.test_submissions_support import create_submission, make_reference_data, submission_data

pytestmark = pytest.mark.django_db


def link_path(message) -> str:
    return re.search(r"http://[^/\s]+(/submissions/access/\S+/)", message.body).group(1)


def test_only_a_hash_of_the_private_token_is_stored(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/submit/", submission_data(make_reference_data()))
    token = link_path(mail.outbox[0]).split("/")[-2]
    assert len(token) >= 40
    key = SubmissionAccessKey.objects.get()
    assert key.token_hash == token_hash(token) and token not in key.token_hash


def test_the_link_opens_the_submission_in_another_browser(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/submit/", submission_data(make_reference_data()))
    other = Client()
    response = other.get(link_path(mail.outbox[0]), follow=True)
    assert response.status_code == 200
    assert "Northtown Together" in response.content.decode()
    assert "Northtown Together" in other.get("/submissions/").content.decode()
    assert "Northtown Together" not in Client().get("/submissions/").content.decode()


def test_a_lost_link_is_replaced_by_email(client, django_capture_on_commit_callbacks):
    submission = create_submission(make_reference_data())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/submissions/lost-link/", {"email": "SAM@northtown.example.org"}, follow=True
        )
    assert "we have emailed fresh private links" in response.content.decode()
    message = mail.outbox[-1]
    assert message.to == ["SAM@northtown.example.org"]
    assert Client().get(link_path(message)).status_code == 302
    # An unknown address gets the same answer and no email.
    count = len(mail.outbox)
    client.post("/submissions/lost-link/", {"email": "nobody@example.org"})
    assert len(mail.outbox) == count
    assert submission.access_keys.count() == 2


def test_the_submitter_sees_the_status_and_private_details_but_the_public_does_not(client):
    from tests.test_submissions_support import grant_private_link

    submission = create_submission(make_reference_data())
    grant_private_link(client, submission)
    html = client.get(f"/submissions/{submission.site.slug}/").content.decode()
    assert "Submitted for review" in html and "sam@northtown.example.org" in html
    assert Client().get(f"/submissions/{submission.site.slug}/").status_code == 404
