"""Pages under their own Content-Security-Policy in Chromium: nothing is refused, so no
style or script of ours was left inline (the other browser tests bypass the policy to
inject axe-core)."""

import pytest

from tests.factories import UserFactory
from tests.test_browser_pages import PAGES, build_catalogue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXTRA_PAGES = {
    "submit": "/submit/",
    "login": "/accounts/login/",
    "signup": "/accounts/signup/",
    "admin-login": "/admin/login/",
}


@pytest.fixture
def strict_page(browser):
    """A page that keeps the site's Content-Security-Policy, and the refusals it logs."""
    context = browser.new_context()
    page = context.new_page()
    page.refusals = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.refusals.append(message.text)
        ),
    )
    yield page
    context.close()


def test_no_page_has_anything_the_policy_refuses(live_server, strict_page):
    build_catalogue()
    for name, path in {**PAGES, **EXTRA_PAGES}.items():
        response = strict_page.goto(f"{live_server.url}{path}")
        assert "default-src 'none'" in response.headers["content-security-policy"], name
        strict_page.wait_for_load_state("load")
        assert strict_page.refusals == [], name
        # The stylesheet applied: the bars take their width from it.
        assert strict_page.evaluate("getComputedStyle(document.body).fontFamily"), name


def test_the_admin_works_under_the_policy(live_server, strict_page):
    build_catalogue()
    UserFactory(username="curator", is_staff=True, is_superuser=True)
    strict_page.goto(f"{live_server.url}/admin/login/")
    strict_page.fill("#id_username", "curator")
    strict_page.fill("#id_password", "correct horse battery")
    strict_page.click("input[type=submit]")
    strict_page.wait_for_url("**/admin/")
    strict_page.goto(f"{live_server.url}/admin/collaborations/site/")
    strict_page.goto(f"{live_server.url}/admin/collaborations/site/add/")
    strict_page.wait_for_load_state("load")
    assert strict_page.refusals == []


def test_a_bar_takes_its_width_from_the_stylesheet(live_server, strict_page):
    build_catalogue()
    strict_page.goto(f"{live_server.url}/")
    bars = strict_page.locator(".bar").all()
    measured = {}
    for bar in bars:
        percent = next(c for c in bar.get_attribute("class").split() if c.startswith("pct-"))
        width = bar.evaluate("element => element.getBoundingClientRect().width")
        measured[int(percent.removeprefix("pct-"))] = width
    smallest, largest = min(measured), max(measured)
    assert largest > smallest and measured[largest] > measured[smallest] > 0
    assert strict_page.refusals == []
