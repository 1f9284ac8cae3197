"""Brute-force and flooding limits: log-in, password reset, and the emails an action
without an account makes the site send (which carry none of the sender's words)."""

import pytest
from django.core import mail
from django.test import Client

from tests import factories as f
from tests.test_submissions_support import make_reference_data, submission_data

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery"  # tests.factories.UserFactory's


@pytest.fixture
def account():
    return f.UserFactory(username="sam@example.org", email="sam@example.org")


def log_in(client, password, username="sam@example.org"):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_five_wrong_passwords_pause_log_in_for_that_account(account):
    client = Client()
    assert [log_in(client, "wrong").status_code for _ in range(5)] == [200] * 5
    locked = log_in(client, PASSWORD)  # even the right password, for now
    assert locked.status_code == 429
    assert "Too many failed log-ins" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert log_in(Client(REMOTE_ADDR="198.51.100.7"), PASSWORD).status_code == 429


def test_logging_in_clears_the_count(account):
    client = Client()
    for _ in range(4):
        log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 302


def test_one_address_trying_many_accounts_is_paused(settings, account):
    settings.RALLYING_RATE_LIMITS = {"login-failure": (10, 5, 900)}
    client = Client()
    for n in range(10):
        log_in(client, "wrong", username=f"guess{n}@example.org")
    assert log_in(client, PASSWORD).status_code == 429
    assert log_in(Client(REMOTE_ADDR="198.51.100.7"), PASSWORD).status_code == 302


def test_the_admin_log_in_counts_too():
    f.UserFactory(username="curator", is_staff=True, is_superuser=True)
    client = Client()
    for _ in range(5):
        client.post("/admin/login/", {"username": "curator", "password": "wrong"})
    client.post("/admin/login/", {"username": "curator", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def reset(client, email="sam@example.org"):
    return client.post("/accounts/password-reset/", {"email": email})


def test_password_reset_sends_at_most_three_emails_an_hour_to_an_address(account):
    statuses = [reset(Client(REMOTE_ADDR=f"198.51.100.{n}")).status_code for n in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 3


def test_password_reset_from_one_address_is_limited_whatever_it_asks_for(account):
    client = Client()
    statuses = [reset(client, f"someone{n}@example.org").status_code for n in range(6)]
    assert statuses[-1] == 429
    assert "try again in an hour" in reset(client).content.decode()


SENDER_TEXT = ["Buy cheap pills", "https://spam.example", "Dear victim"]


def anonymous_submission(client, ref, **overrides):
    data = submission_data(
        ref,
        name=SENDER_TEXT[0],
        summary=SENDER_TEXT[1],
        contact_name=SENDER_TEXT[2],
        contact_email="victim@example.org",
        **overrides,
    )
    return client.post("/submit/", data)


def test_a_submission_without_an_account_only_confirms_the_address(
    client, django_capture_on_commit_callbacks
):
    ref = make_reference_data()
    with django_capture_on_commit_callbacks(execute=True):
        assert anonymous_submission(client, ref).status_code == 302
    (message,) = mail.outbox
    assert message.to == ["victim@example.org"]
    for words in SENDER_TEXT:
        assert words not in message.subject and words not in message.body
    assert "/submissions/access/" in message.body and "If it was not you" in message.body


def test_one_address_gets_at_most_five_such_emails_an_hour(
    settings, django_capture_on_commit_callbacks
):
    settings.RALLYING_RATE_LIMITS = {"submission-create": (100, 100, 3600)}
    ref = make_reference_data()
    for n in range(8):
        with django_capture_on_commit_callbacks(execute=True):
            assert (
                anonymous_submission(Client(REMOTE_ADDR=f"198.51.100.{n}"), ref).status_code == 302
            )
    assert len(mail.outbox) == 5  # every submission is stored; the inbox is not flooded


def test_lost_link_and_sign_up_emails_carry_no_sender_words(
    client, django_capture_on_commit_callbacks
):
    ref = make_reference_data()
    with django_capture_on_commit_callbacks(execute=True):
        anonymous_submission(client, ref)
        client.post("/submissions/lost-link/", {"email": "victim@example.org"})
        client.post(
            "/accounts/signup/",
            {
                "name": SENDER_TEXT[2],
                "email": "victim2@example.org",
                "password1": "a long passphrase 42",
                "password2": "a long passphrase 42",
                "homepage": "",
            },
        )
    assert len(mail.outbox) == 3
    for message in mail.outbox[1:]:
        for words in SENDER_TEXT:
            assert words not in message.subject and words not in message.body
