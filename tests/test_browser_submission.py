"""The one-page form (/submit/all/) in real headless Chromium: a practitioner fills it in and
sees the confirmation. The task list's journey is tests/test_browser_journey.py."""

from pathlib import Path

import pytest

from collaborations.models import Site
from tests.test_submissions_support import make_reference_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"


def axe_violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


def test_a_practitioner_submits_their_collaboration(live_server, page):
    ref = make_reference_data()
    page.goto(f"{live_server.url}/submit/all/")
    assert page.locator("h1").inner_text() == "Submit your collaboration"
    if AXE.exists():
        assert axe_violations(page) == []

    # First a mistake: the server says what is missing, next to the field, and keeps the text.
    page.get_by_label("Name of the collaboration").fill("Eastby Together")
    page.get_by_role("button", name="Submit for review").click()
    assert page.locator("#id_summary_error").is_visible()
    assert page.get_by_label("Name of the collaboration").input_value() == "Eastby Together"

    page.get_by_label("Summary").fill("The council and local charities share one front door.")
    page.get_by_label("Town, city or area").fill("Eastby")
    page.get_by_label("Nation or region").select_option(ref.regions[0].slug)
    page.get_by_label("Lead organisation", exact=True).fill("Eastby Council")
    page.get_by_label("What kind of organisation is it?").select_option(
        ref.organisation_types[0].slug
    )
    page.get_by_label(ref.typologies[0].name).check()
    page.get_by_label(ref.drivers[1].name).check()
    page.get_by_label("Your name").fill("Robin")
    page.get_by_label("Your email address").fill("robin@eastby.example.org")
    page.get_by_role("button", name="Submit for review").click()

    page.wait_for_url("**/submissions/eastby-together-*/")
    assert page.locator("h1").inner_text() == "Submission sent"
    assert "Submitted for review" in page.locator("main").inner_text()
    site = Site.objects.get(name="Eastby Together")
    assert site.status == Site.Status.SUBMITTED
    assert site.driver_facts.get().driver == ref.drivers[1]
