"""The practitioner's journey, the small things: log-in by email or user name, `next` kept
through sign-up, the reference number and timescale, what a link holder is told once a
submission is published, the moderator's note on the edit form, a confirmed rejection."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from collaborations.models import Site
from collaborations.submissions import moderation
from tests import factories as f
from tests.test_submissions_support import (
    create_submission,
    make_moderator,
    make_reference_data,
)

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough passphrase 42"


def link_path(message) -> str:
    return re.search(r"http://[^/\s]+(/\S+)", message.body).group(1)


@pytest.mark.parametrize("typed", ["admin", "Admin@Example.org", "admin@example.org"])
def test_an_administrator_logs_in_with_user_name_or_email(client, typed):
    user = f.UserFactory(username="admin", email="admin@example.org", is_staff=True)
    user.set_password(PASSWORD)
    user.save()
    response = client.post("/accounts/login/", {"username": typed, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/submissions/").wsgi_request.user == user


def test_the_log_in_box_says_either_works(client):
    assert "Email address or user name" in client.get("/accounts/login/").content.decode()


def test_sign_up_returns_to_the_page_the_person_came_from(
    client, django_capture_on_commit_callbacks
):
    page = client.get("/accounts/signup/?next=/submit/").content.decode()
    assert 'name="next" value="/submit/"' in page
    data = {
        "name": "New Person",
        "email": "new@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "next": "/submit/",
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/signup/", data)
    verified = client.get(link_path(mail.outbox[-1]))
    assert verified["Location"] == "/accounts/login/?next=%2Fsubmit%2F"
    login = client.post(
        "/accounts/login/",
        {"username": "new@example.org", "password": PASSWORD, "next": "/submit/"},
    )
    assert login["Location"] == "/submit/"


def test_sign_up_ignores_a_next_that_leaves_the_site(client, django_capture_on_commit_callbacks):
    data = {
        "name": "New Person",
        "email": "new@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "next": "https://evil.example.com/",
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/signup/", data)
    assert "evil" not in mail.outbox[-1].body
    assert client.get(link_path(mail.outbox[-1]))["Location"] == "/accounts/login/"


def test_header_links_carry_the_current_page(client):
    page = client.get("/sites/").content.decode()
    assert "/accounts/login/?next=/sites/" in page
    assert "/accounts/signup/?next=/sites/" in page


def test_reference_number_and_timescale_after_submitting(
    client, settings, django_capture_on_commit_callbacks
):
    settings.REVIEW_WORKING_DAYS = 7
    owner = f.UserFactory(username="o@example.org", email="o@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        submission = create_submission(make_reference_data(), owner=owner)
    assert re.fullmatch(r"RAL-\d{6}", submission.reference)
    assert submission.reference in mail.outbox[-1].body
    assert "7 working days" in mail.outbox[-1].body
    client.force_login(owner)
    page = client.get(submission.get_absolute_url()).content.decode()
    assert "Submission sent" in page and submission.reference in page
    assert "7 working days" in page
    assert submission.reference in client.get("/submissions/").content.decode()


def test_the_private_link_email_carries_the_reference(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submission = create_submission(make_reference_data())
    assert submission.reference in mail.outbox[-1].body


def test_a_draft_says_that_a_link_was_emailed(client, django_capture_on_commit_callbacks):
    ref = make_reference_data()
    with django_capture_on_commit_callbacks(execute=True):
        submission = create_submission(ref, submit=False)
    client.get(link_path(mail.outbox[-1]))
    page = client.get(submission.get_absolute_url()).content.decode()
    assert "We have emailed a private link to" in page


def test_a_link_holder_of_a_published_submission_is_told_what_happened(
    client, django_capture_on_commit_callbacks
):
    ref = make_reference_data()
    with django_capture_on_commit_callbacks(execute=True):
        submission = create_submission(ref)
    client.get(link_path(mail.outbox[-1]))
    moderation.submission_publish(
        submission_id=submission.pk, moderator=make_moderator(), expected_version=1
    )
    page = client.get(submission.get_absolute_url()).content.decode()
    assert "It is published" in page
    assert "can no longer be edited here" in page
    propose = f"/sites/{submission.site.slug}/propose/"
    assert f"/accounts/signup/?next={propose}" in page
    edit = client.get(f"/submissions/{submission.site.slug}/edit/", follow=True)
    assert "propose a change" in edit.content.decode()


def test_the_edit_form_starts_with_the_moderators_latest_note(client):
    ref = make_reference_data()
    owner = f.UserFactory(username="o@example.org", email="o@example.org")
    submission = create_submission(ref, owner=owner)
    moderation.submission_request_changes(
        submission_id=submission.pk,
        moderator=make_moderator(),
        message="Please name the lead organisation's partners.",
        expected_version=1,
    )
    client.force_login(owner)
    page = client.get(f"/submissions/{submission.site.slug}/edit/").content.decode()
    note = page.index("Please name the lead organisation")
    assert note < page.index('<form method="post" novalidate')


def test_reject_needs_a_reason_then_a_confirmation(client):
    submission = create_submission(make_reference_data())
    client.force_login(make_moderator())
    url = f"/moderation/submissions/{submission.site.slug}/"
    empty = client.post(url, {"decision": "reject", "message": " ", "version": 1})
    html = empty.content.decode()
    assert empty.status_code == 400
    assert html.index("There is a problem") < html.index("<h2>Decide</h2>")
    asked = client.post(url, {"decision": "reject", "message": "Not local", "version": 1})
    assert asked.status_code == 200
    assert "Are you sure you want to reject" in asked.content.decode()
    submission.site.refresh_from_db()
    assert submission.site.status == Site.Status.SUBMITTED
    done = client.post(
        url, {"decision": "reject", "message": "Not local", "version": 1, "confirmed": "on"}
    )
    assert done.status_code == 302
    submission.site.refresh_from_db()
    assert submission.site.status == Site.Status.REJECTED


def test_reject_is_a_warning_button(client):
    submission = create_submission(make_reference_data())
    client.force_login(make_moderator())
    page = client.get(f"/moderation/submissions/{submission.site.slug}/").content.decode()
    assert re.search(r'<button type="submit" class="button-warning">Reject</button>', page)


def test_flash_messages_are_not_a_list_with_a_status_role(client):
    user = get_user_model().objects.create_user("x@example.org", "x@example.org", PASSWORD)
    client.force_login(user)
    client.post("/accounts/logout/")
    page = client.get("/").content.decode()
    assert '<ul class="messages" role="status">' not in page
