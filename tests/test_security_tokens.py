"""API tokens are kept as a digest, shown once, and the page that shows one is never cached."""

from importlib import import_module
from io import StringIO
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from rest_framework.test import APIClient

from collaborations.models import ApiToken
from collaborations.submissions.tokens import token_digest
from tests import factories as f

pytestmark = pytest.mark.django_db
URL = "/api/v1/submissions/"


def api_status(key: str) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get(URL).status_code


@pytest.fixture
def account(client):
    user = f.UserFactory(username="t@example.org", email="t@example.org")
    client.force_login(user)
    return user


def test_only_a_digest_of_the_key_is_stored(client, account):
    key = client.post("/accounts/api-token/").context["new_key"]
    stored = ApiToken.objects.get(user=account)
    assert stored.digest == token_digest(key) and key not in stored.digest
    assert stored.prefix == key[:6] and len(key) >= 40
    assert api_status(key) == 200
    assert api_status(stored.digest) == 401  # a copy of the database opens nothing


def test_the_token_page_is_never_cached(client, account):
    for response in (client.get("/accounts/api-token/"), client.post("/accounts/api-token/")):
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_a_replaced_key_stops_working(client, account):
    first = client.post("/accounts/api-token/").context["new_key"]
    second = client.post("/accounts/api-token/").context["new_key"]
    assert api_status(first) == 401 and api_status(second) == 200
    assert ApiToken.objects.filter(user=account).count() == 1


def test_a_deactivated_account_key_is_refused():
    user = f.UserFactory()
    key = f.api_key_for(user)
    user.is_active = False
    user.save()
    assert api_status(key) == 401


def test_an_overlong_or_empty_key_is_a_401_not_an_error():
    assert api_status("x" * 5000) == 401
    assert api_status("") == 401


def test_the_command_prints_a_working_key_once():
    user = f.UserFactory(username="script@example.org")
    out = StringIO()
    call_command("create_api_token", "SCRIPT@example.org", stdout=out)
    assert api_status(out.getvalue().strip()) == 200
    assert user.api_token.digest == token_digest(out.getvalue().strip())


def test_keys_made_before_hashing_keep_working_and_lose_their_clear_copy():
    user = f.UserFactory()
    old_key = "0123456789abcdef0123456789abcdef01234567"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id integer, "
            "created timestamp)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token (key, user_id, created) VALUES (%s, %s, %s)",
            [old_key, user.pk, "2026-01-01 00:00:00"],
        )
    migration = import_module("collaborations.migrations.0006_api_tokens_hashed")
    migration.hash_existing_tokens(apps, SimpleNamespace(connection=connection))
    assert api_status(old_key) == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM authtoken_token")
        assert cursor.fetchone()[0] == 0
