"""The headers every page sends in production, and the grade they earn by the Mozilla
HTTP Observatory's published scoring (100 to start, a modifier per test, A+ from 100)."""

import pytest
from django.test import Client

from tests import factories as f

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/sites/",
    "/sites/oldham/",
    "/about/",
    "/sources/",
    "/submit/",
    "/submissions/lost-link/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password-reset/",
    "/api/docs/",
    "/admin/login/",
    "/no-such-page/",
]
API = ["/api/v1/sites/", "/api/v1/sites/oldham/", "/api/schema/"]


@pytest.fixture
def production(settings):
    """What DEBUG=false turns on (see rallying/settings.py), for requests made over HTTPS."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.ALLOWED_HOSTS = ["testserver", "rallying.example.org"]
    f.SiteFactory(slug="oldham", name="Oldham")
    return Client()


def csp_directives(header: str) -> dict[str, set[str]]:
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = set(sources)
    return directives


UNSAFE = {"'unsafe-inline'", "'unsafe-eval'", "data:", "*", "http:", "https:"}


def csp_modifier(response) -> int:
    if "Content-Security-Policy" not in response:
        return -25
    csp = csp_directives(response["Content-Security-Policy"])
    script = csp.get("script-src", csp.get("default-src", {"*"}))
    style = csp.get("style-src", csp.get("default-src", {"*"}))
    if script & UNSAFE or csp.get("object-src", csp.get("default-src", {"*"})) & UNSAFE:
        return -20
    if style & UNSAFE:
        return 0
    return 10 if csp.get("default-src") == {"'none'"} else 5


def cookies_modifier(response) -> int:
    if not response.cookies:
        return 0
    for name, morsel in response.cookies.items():
        if not morsel["secure"] or ("session" in name and not morsel["httponly"]):
            return -20
    return 5 if all(m["samesite"] in {"Lax", "Strict"} for m in response.cookies.values()) else 0


def observatory_score(response) -> tuple[int, dict]:
    modifiers = {
        "content-security-policy": csp_modifier(response),
        "cookies": cookies_modifier(response),
        "referrer-policy": 5
        if response.get("Referrer-Policy")
        in {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
        else 0,
        "strict-transport-security": 0
        if "max-age=31536000" in response.get("Strict-Transport-Security", "")
        else -20,
        "x-content-type-options": 0 if response.get("X-Content-Type-Options") == "nosniff" else -5,
        "x-frame-options": 5
        if csp_directives(response.get("Content-Security-Policy", "x")).get("frame-ancestors")
        == {"'none'"}
        else (0 if response.get("X-Frame-Options") in {"DENY", "SAMEORIGIN"} else -20),
        "cross-origin-resource-policy": 10
        if response.get("Cross-Origin-Resource-Policy") in {"same-origin", "same-site"}
        else 0,
    }
    penalties = sum(m for m in modifiers.values() if m < 0)
    bonuses = sum(m for m in modifiers.values() if m > 0) if 100 + penalties >= 90 else 0
    return 100 + penalties + bonuses, modifiers


@pytest.mark.parametrize("url", PAGES)
def test_every_page_grades_a_plus(production, url):
    response = production.get(url, secure=True)
    assert response.status_code in {200, 404}
    score, modifiers = observatory_score(response)
    assert score >= 100, (url, modifiers)
    assert modifiers["content-security-policy"] == 10


@pytest.mark.parametrize("url", PAGES)
def test_the_content_security_policy_allows_nothing_inline_or_foreign(production, url):
    csp = csp_directives(production.get(url, secure=True)["Content-Security-Policy"])
    assert csp["default-src"] == {"'none'"}
    assert csp["script-src"] == {"'self'"} and csp["style-src"] == {"'self'"}
    assert csp["frame-ancestors"] == {"'none'"} and csp["base-uri"] == {"'none'"}
    assert csp["form-action"] == {"'self'"}


def test_the_other_headers_of_a_page(production):
    response = production.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_a_form_page_sets_only_secure_same_site_cookies(production):
    response = production.get("/accounts/login/", secure=True)
    assert "csrftoken" in response.cookies
    assert cookies_modifier(response) == 5


def test_plain_http_is_redirected_to_https_on_the_same_host(production):
    response = production.get("/sites/?q=x", headers={"Host": "rallying.example.org"})
    assert response.status_code == 301
    assert response["Location"] == "https://rallying.example.org/sites/?q=x"


@pytest.mark.parametrize("url", API)
def test_the_api_is_public_data_other_sites_may_read(production, url):
    response = production.get(url, secure=True, headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert observatory_score(response)[0] >= 100


def test_the_grader_sees_an_unsafe_policy():
    from django.http import HttpResponse

    response = HttpResponse()
    response["Content-Security-Policy"] = "default-src 'self'; script-src 'self' 'unsafe-inline'"
    assert csp_modifier(response) == -20
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'self' 'unsafe-inline'"
    assert csp_modifier(response) == 0
    assert observatory_score(HttpResponse())[0] < 100
