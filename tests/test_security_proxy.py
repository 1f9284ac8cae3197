"""X-Forwarded-Proto and X-Forwarded-For count only when a trusted proxy sent them."""

import pytest
from django.test import Client

from rallying.proxy import _networks, forwarded_client

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.5"


@pytest.fixture
def https_only(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    return settings


def test_a_client_claiming_https_is_still_redirected(https_only):
    https_only.TRUSTED_PROXIES = []
    response = Client().get("/about/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 301 and response["Location"].startswith("https://")


def test_a_client_that_is_not_the_proxy_is_not_believed(https_only):
    https_only.TRUSTED_PROXIES = [PROXY]
    client = Client(REMOTE_ADDR="203.0.113.9")
    response = client.get("/about/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 301


def test_the_trusted_proxy_is_believed(https_only):
    https_only.TRUSTED_PROXIES = ["10.0.0.0/24"]
    client = Client(REMOTE_ADDR=PROXY)
    assert client.get("/about/", headers={"X-Forwarded-Proto": "https"}).status_code == 200
    assert client.get("/about/").status_code == 301  # the proxy says it was plain http


def lost_link(client, forwarded_for):
    return client.post(
        "/submissions/lost-link/",
        {"email": "someone@example.org"},
        headers={"X-Forwarded-For": forwarded_for},
    ).status_code


def test_a_spoofed_forwarded_for_does_not_dodge_a_rate_limit(settings):
    settings.TRUSTED_PROXIES = []
    settings.RALLYING_RATE_LIMITS = {"access-link": (3, 3, 3600)}
    client = Client(REMOTE_ADDR="203.0.113.9")
    statuses = [lost_link(client, f"198.51.100.{n}") for n in range(4)]
    assert statuses == [302, 302, 302, 429]


def test_behind_the_proxy_each_client_has_its_own_limit(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.RALLYING_RATE_LIMITS = {"access-link": (3, 3, 3600)}
    proxy = Client(REMOTE_ADDR=PROXY)
    assert [lost_link(proxy, "198.51.100.1") for _ in range(4)] == [302, 302, 302, 429]
    assert lost_link(proxy, "198.51.100.2") == 302
    # A client cannot prepend an address of its choosing: the proxy appends the real one.
    assert lost_link(proxy, "198.51.100.2, 198.51.100.1") == 429


@pytest.mark.parametrize(
    "header,expected",
    [
        ("198.51.100.1", "198.51.100.1"),
        ("1.2.3.4, 198.51.100.1", "198.51.100.1"),
        ("198.51.100.1, 10.0.0.7", "198.51.100.1"),  # our second proxy hop is skipped
        ("junk, 198.51.100.1", "198.51.100.1"),
        ("198.51.100.1, junk", None),
        ("", None),
    ],
)
def test_the_client_is_the_nearest_address_not_ours(header, expected):
    assert forwarded_client(header, _networks(("10.0.0.0/24",))) == expected
