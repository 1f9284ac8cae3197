"""The practitioner's whole journey in real headless Chromium, as a person would take it:
a new practitioner starts a draft, leaves and comes back by the emailed link, fills each
section, checks the answers and submits; a moderator asks for a change to one section; the
practitioner sees the note there and fixes it; the moderator publishes; the site is on
/sites/ and in the API. axe-core finds nothing at 1280 and 360 px on any step, and each
step's screenshots are saved under test-results/journey/ (CI keeps them as artefacts)."""

import os
import re
from pathlib import Path

import pytest
from django.core import mail

from tests.test_submissions_support import make_moderator, make_reference_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SHOTS = Path(
    os.environ.get(
        "JOURNEY_SHOTS", Path(__file__).resolve().parent.parent / "test-results" / "journey"
    )
)
WIDTHS = (1280, 360)
PASSWORD = "a long enough passphrase 42"


class Steps:
    """Checks and photographs each step at each width."""

    def __init__(self):
        self.number = 0
        SHOTS.mkdir(parents=True, exist_ok=True)

    def __call__(self, page, name: str) -> None:
        self.number += 1
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "async () => await axe.run(document, {resultTypes: ['violations']})"
            )
            violations = [
                (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
            ]
            assert violations == [], f"{name} at {width}px: {violations}"
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{name} scrolls sideways at {width}px"
            shot = SHOTS / f"{self.number:02d}-{name}-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})


def save_section(page, tasks_url, title, fill, done=True):
    page.goto(tasks_url)
    page.get_by_role("link", name=title).click()
    fill()
    choice = "Yes, I have completed this section" if done else "No, I'll come back later"
    page.get_by_label(choice).check()
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url(tasks_url)


def test_the_practitioner_journey(live_server, browser):
    ref = make_reference_data()
    moderator = make_moderator()
    moderator.email = "mod@example.org"
    moderator.set_password(PASSWORD)
    moderator.save()
    step = Steps()
    base = live_server.url
    first = browser.new_context(bypass_csp=True).new_page()

    # A new practitioner, no account: what is needed, then a draft from two answers.
    first.goto(f"{base}/submit/")
    step(first, "start")
    first.get_by_label("Name of the collaboration").fill("Eastby Together")
    first.get_by_label("Your name").fill("Robin")
    first.get_by_label("Your email address").fill("robin@eastby.example.org")
    first.get_by_role("button", name="Start now").click()
    first.wait_for_url("**/tasks/")
    assert "emailed a link" in first.locator(".messages").inner_text()
    step(first, "task-list")

    # Leave, and come back in another browser by the emailed link.
    link = re.search(r"http://[^\s]+/submissions/access/\S+", mail.outbox[-1].body).group(0)
    link = re.sub(r"^http://[^/]+", base, link)
    page = browser.new_context(bypass_csp=True).new_page()
    page.goto(link)
    page.get_by_role("link", name="Continue your submission").click()
    tasks = page.url
    assert tasks.endswith("/tasks/")

    page.get_by_role("link", name="About the collaboration").click()
    page.get_by_label("Yes, I have completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    step(page, "about-error")  # the summary is needed: said at the top, next to the field
    page.locator("#id_summary").fill("The council and local charities share one front door.")
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url(tasks)

    def where():
        page.get_by_label("Town, city or area").fill("Eastby")
        page.locator("#id_lead_organisation_name").fill("Eastby Council")
        page.get_by_label("What kind of organisation is it?").select_option(
            ref.organisation_types[0].slug
        )
        step(page, "where-and-who")

    save_section(page, tasks, "Where and who", where)
    save_section(
        page, tasks, "Type and funding", lambda: page.get_by_label(ref.typologies[0].name).check()
    )
    save_section(
        page, tasks, "Why you collaborate", lambda: page.get_by_label(ref.drivers[1].name).check()
    )
    save_section(page, tasks, "How you work", lambda: None, done=False)

    def accountability():
        page.get_by_label("Measures and indicators").fill("Fewer evictions")
        step(page, "accountability")

    save_section(page, tasks, "Accountability and measurement", accountability)

    def sources():
        page.locator("#id_ref-0-url").fill("https://eastby.example.org/annual-report")
        page.locator("#id_ref-0-passage").fill("Eastby Council leads the partnership.")
        page.locator("input[name='ref-0-facts'][value=lead_organisation_name]").check()
        step(page, "sources")

    save_section(page, tasks, "Sources and evidence", sources)
    save_section(page, tasks, "Your details", lambda: None)
    step(page, "task-list-filled")

    page.get_by_role("link", name="Check your answers and submit").click()
    step(page, "check-answers")
    page.get_by_role("button", name="Submit for review").click()
    assert page.locator("h1").inner_text() == "Submission sent"
    reference = page.locator(".reference").inner_text()
    assert re.fullmatch(r"RAL-\d{6}", reference)
    step(page, "confirmation")

    # The moderator asks for a change to one section.
    mod = browser.new_context(bypass_csp=True).new_page()
    mod.goto(f"{base}/accounts/login/")
    mod.get_by_label("Email address or user name").fill("mod@example.org")
    mod.get_by_label("Password").fill(PASSWORD)
    mod.get_by_role("button", name="Log in").click()
    mod.goto(f"{base}/moderation/")
    step(mod, "queue")
    mod.get_by_role("link", name="Eastby Together").first.click()
    assert "Backed" in mod.locator("main").inner_text()
    step(mod, "review")
    mod.get_by_label("Which section is it about?").select_option("where-and-who")
    mod.locator("#message-request-changes").fill("Please name the local authority.")
    mod.get_by_role("button", name="Request changes").click()

    # The practitioner sees the note beside that section and fixes it.
    page.goto(tasks)
    assert "Please name the local authority." in page.locator(".moderator-note").inner_text()
    step(page, "note-on-task-list")
    page.get_by_role("link", name="Where and who").click()
    assert "Please name the local authority." in page.locator(".moderator-note").inner_text()
    page.get_by_label("Not in the list? Name the local authority").fill("Eastby Borough Council")
    page.get_by_label("Yes, I have completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("link", name="Check your answers and submit").click()
    page.get_by_role("button", name="Submit for review").click()
    assert page.locator(".reference").inner_text() == reference

    # The moderator sees what changed, and publishes.
    mod.goto(f"{base}/moderation/")
    mod.get_by_role("link", name="Eastby Together").first.click()
    assert "Eastby Borough Council" in mod.locator(".changes").inner_text()
    mod.get_by_role("button", name="Publish").click()
    mod.wait_for_url(f"{base}/moderation/")

    # Public: on /sites/, and in the API, labelled self-reported with its reference.
    reader = browser.new_context(bypass_csp=True).new_page()
    reader.goto(f"{base}/sites/?q=Eastby")
    reader.get_by_role("link", name="Eastby Together").click()
    step(reader, "case-page")
    slug = reader.url.rstrip("/").rsplit("/", 1)[-1]
    mod.goto(f"{base}/moderation/sites/{slug}/history/")
    step(mod, "site-history")  # every revision, and a wide table that scrolls by keyboard
    mod.goto(f"{base}/accounts/api-token/")
    step(mod, "api-token")  # its curl example scrolls in its block at 360 px
    api = reader.request.get(f"{base}/api/v1/sites/{slug}/").json()
    assert api["name"] == "Eastby Together" and api["evidence"] == "self-reported"
    assert api["facts_with_reference"] >= 1
    assert api["facts_self_reported"] == api["facts_stated"]
