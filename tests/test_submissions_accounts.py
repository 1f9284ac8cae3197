"""Accounts: sign up with email verification, log in and out, password reset, API tokens."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail, signing

from collaborations.submissions.accounts import VERIFY_SALT
from tests import factories as f
from tests.test_submissions_support import create_submission, make_reference_data

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "a long enough passphrase 42"


def sign_up(client, email="new@example.org", **extra):
    data = {"name": "New Person", "email": email, "password1": PASSWORD, "password2": PASSWORD}
    data.update(extra)
    return client.post("/accounts/signup/", data)


def link_path(message) -> str:
    return re.search(r"http://[^/\s]+(/\S+)", message.body).group(1)


def test_sign_up_creates_an_inactive_account_and_emails_a_link(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, email="New@Example.org")
    assert response.status_code == 302 and response["Location"] == "/accounts/signup/done/"
    user = User.objects.get(email="new@example.org")
    assert not user.is_active and user.username == "new@example.org"
    assert mail.outbox[0].to == ["new@example.org"]
    assert "/accounts/verify/" in mail.outbox[0].body
    # Until verified, logging in fails with a hint.
    login = client.post("/accounts/login/", {"username": "new@example.org", "password": PASSWORD})
    assert login.status_code == 200
    assert "follow the link in the email" in login.content.decode()


def test_the_link_activates_the_account_and_claims_its_submissions(
    client, django_capture_on_commit_callbacks
):
    earlier = create_submission(make_reference_data(), contact_email="new@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    response = client.get(link_path(mail.outbox[-1]))
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    user = User.objects.get(email="new@example.org")
    assert user.is_active
    earlier.site.refresh_from_db()
    assert earlier.site.owner == user
    login = client.post("/accounts/login/", {"username": "new@example.org", "password": PASSWORD})
    assert login.status_code == 302 and login["Location"] == "/submissions/"
    assert "Northtown Together" in client.get("/submissions/").content.decode()


def test_a_bad_or_expired_link_is_refused(client):
    user = f.UserFactory(username="x", email="x@example.org", is_active=False)
    assert client.get("/accounts/verify/nonsense/").status_code == 400
    old = signing.dumps({"user": user.pk, "email": "other@example.org"}, salt=VERIFY_SALT)
    assert client.get(f"/accounts/verify/{old}/").status_code == 400
    user.refresh_from_db()
    assert not user.is_active


def test_signing_up_with_a_known_address_reveals_nothing(
    client, django_capture_on_commit_callbacks
):
    f.UserFactory(username="known@example.org", email="known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, email="known@example.org")
    assert response.status_code == 302 and response["Location"] == "/accounts/signup/done/"
    assert User.objects.filter(email="known@example.org").count() == 1
    assert "already" in mail.outbox[0].body


def test_sign_up_checks_passwords_and_the_honeypot(client):
    response = sign_up(client, password2="something else")
    assert response.status_code == 400 and "The two passwords differ" in response.content.decode()
    response = sign_up(client, password1="123", password2="123")
    assert "too short" in response.content.decode()
    response = sign_up(client, homepage="spam")
    assert "could not be accepted" in response.content.decode()
    assert not User.objects.exists()


def test_log_out_needs_a_post(client):
    user = f.UserFactory(username="u@example.org", email="u@example.org")
    client.force_login(user)
    assert "Log out" in client.get("/submissions/").content.decode()
    assert client.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_working_link(client):
    user = f.UserFactory(username="r@example.org", email="r@example.org")
    response = client.post("/accounts/password-reset/", {"email": "r@example.org"})
    assert response.status_code == 302
    assert mail.outbox[0].subject == "[Rallying] Choose a new password"
    page = client.get(link_path(mail.outbox[0]), follow=True)
    assert "Choose a new password" in page.content.decode()
    form_url = page.redirect_chain[-1][0]
    new = "another long passphrase 43"
    done = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)


def test_an_account_gets_an_api_token_from_its_page(client):
    assert client.get("/accounts/api-token/").status_code == 302  # log in first
    user = f.UserFactory(username="t@example.org", email="t@example.org")
    client.force_login(user)
    made = client.post("/accounts/api-token/")
    key = made.context["new_key"]
    assert key in made.content.decode()
    assert key not in client.get("/accounts/api-token/").content.decode()  # shown once
    again = client.post("/accounts/api-token/").context["new_key"]
    assert again != key


def test_header_links_for_each_kind_of_visitor(client):
    from django.template.loader import render_to_string

    assert "Log in" in render_to_string("submissions/includes/account_nav.html", {})
    moderator = f.UserFactory(username="m", is_staff=True)
    html = render_to_string("submissions/includes/account_nav.html", {"user": moderator})
    assert "Moderation" in html and "My submissions" in html
