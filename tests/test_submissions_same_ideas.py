"""One idea, two wordings: the slide deck's drivers and the report's justifications overlap.

The practitioner meets each idea once; the catalogue keeps both rows, each in its own
document's words with its own citation, and says they are the same idea."""

import itertools
import re
from io import StringIO

import pytest
from django.core.management import call_command

from collaborations.models import Driver, Justification, Site
from collaborations.submissions.facts import SiteFacts, site_facts_of
from collaborations.submissions.forms import SubmissionForm, initial_from_facts
from tests.test_submissions_tasks import save, start

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_catalogue")]

SHARE_DRIVER, SHARE_REASON = "share-financial-and-delivery-responsibility", "share-responsibility"
WORKPLACE = "better-place-to-work"  # the slug of both the driver and the justification


def passages_of(row) -> set[str]:
    return set(row.references.values_list("passage__slug", flat=True))


def test_each_justification_names_the_driver_that_says_the_same():
    pairs = dict(
        Justification.objects.filter(same_as_driver__isnull=False).values_list(
            "slug", "same_as_driver__slug"
        )
    )
    assert pairs == {SHARE_REASON: SHARE_DRIVER, WORKPLACE: WORKPLACE}
    # Both rows stay, each in its own document's words and with its own citation.
    driver, reason = (
        Driver.objects.get(slug=SHARE_DRIVER),
        Justification.objects.get(slug=SHARE_REASON),
    )
    assert driver.name == "Share financial and delivery responsibility"
    assert driver.source.slug == "slide-deck-ten-research-subjects"
    assert "slides-driver-share-responsibility" in passages_of(driver)
    assert reason.name == "Share financial and service delivery responsibility"
    assert reason.source.slug == "golab-report-summary"
    assert {"summary-justification-share", "article-justification-share"} <= passages_of(reason)


def test_loading_the_catalogue_again_changes_nothing():
    out = StringIO()
    call_command("load_catalogue", stdout=out)
    assert "0 rows created, 0 updated, 0 facts rewritten" in out.getvalue()
    assert Justification.objects.get(slug=WORKPLACE).same_as_driver.slug == WORKPLACE


def labels(html: str, field: str) -> list[str]:
    """The labels of a checkbox group's options, in order."""
    pattern = rf'id="id_{field}_\d+"[^>]*>\s*<label for="id_{field}_\d+">([^<]+)</label>'
    return re.findall(pattern, html)


@pytest.mark.parametrize("page", ["task list", "one page"])
def test_the_form_offers_each_idea_once_with_both_wordings(client, page):
    if page == "task list":
        submission = start(client)
        html = client.get(f"/submissions/{submission.site.slug}/tasks/why/").content.decode()
    else:
        html = client.get("/submit/all/").content.decode()
    drivers, reasons = labels(html, "drivers"), labels(html, "justifications")
    assert len(drivers) == 14 and "Share financial and delivery responsibility" in drivers
    assert reasons == [
        "A bigger role for communities and the voluntary sector",
        "Better overall impact and value",
    ]
    assert f'value="{SHARE_REASON}"' not in html
    # The other document's wording is the driver's hint, with its source.
    assert (
        "The same idea as the reason for collaborating “Share financial and service delivery "
        "responsibility” (Report summary): To enable the sharing of financial and service "
        "delivery responsibility across organisations, sectors and with the community."
    ) in html
    assert "“A better place to work” (Report summary)" in html


def test_choosing_the_idea_records_the_driver_and_the_justification(client):
    submission = start(client)
    why = {"drivers": [SHARE_DRIVER, "evidence-led"], "justifications": ["better-impact-and-value"]}
    assert save(client, submission, "why", why).status_code == 302
    facts = site_facts_of(Site.objects.get(pk=submission.site.pk))
    assert [d.slug for d in facts.drivers] == [SHARE_DRIVER, "evidence-led"]
    assert [j.slug for j in facts.justifications] == [SHARE_REASON, "better-impact-and-value"]
    # Back on the page, the idea is ticked once; unticking it removes both facts.
    html = client.get(f"/submissions/{submission.site.slug}/tasks/why/").content.decode()
    assert re.search(rf'value="{SHARE_DRIVER}"[^>]*checked', html)
    why = {"drivers": ["evidence-led"], "justifications": ["better-impact-and-value"]}
    assert save(client, submission, "why", why).status_code == 302
    facts = site_facts_of(Site.objects.get(pk=submission.site.pk))
    assert [d.slug for d in facts.drivers] == ["evidence-led"]
    assert [j.slug for j in facts.justifications] == ["better-impact-and-value"]


def test_a_justification_given_alone_shows_and_saves_as_the_idea():
    """Recorded before the pairing, or sent through the API under its own slug."""
    reason = Justification.objects.get(slug=WORKPLACE)
    initial = initial_from_facts(SiteFacts(name="Westby", justifications=[reason]))
    assert [d.slug for d in initial["drivers"]] == [WORKPLACE]
    form = SubmissionForm(data={"name": "Westby", "justifications": [WORKPLACE], "action": "draft"})
    form.is_valid()
    assert "justifications" not in form.errors
    facts = form.site_facts()
    assert [d.slug for d in facts.drivers] == [WORKPLACE]
    assert [j.slug for j in facts.justifications] == [WORKPLACE]


# The same words in two questions that ask different things: who started the collaboration,
# and who takes part. They are not one idea asked twice.
DISTINCT_QUESTIONS = {frozenset({"initiated_by", "partner_types"})}
ARTICLES = {"a", "an", "the"}


def words(label: str) -> frozenset[str]:
    cleaned = re.sub(r"[^a-z0-9 ]", " ", label.lower().replace("&", " and "))
    return frozenset(word for word in cleaned.split() if word not in ARTICLES)


def near_duplicates(a: str, b: str) -> bool:
    """The same words once case, punctuation and articles are set aside, give or take one."""
    shorter, longer = sorted((words(a), words(b)), key=len)
    return len(shorter) >= 2 and shorter <= longer and len(longer - shorter) <= 1


def test_no_two_options_on_the_form_are_near_duplicates():
    """Across every list of options the one-page form offers. Councils are a register of
    places, not the documents' vocabulary."""
    form = SubmissionForm()
    options = [
        (name, str(label))
        for name, field in form.fields.items()
        if name != "council" and getattr(field, "choices", None)
        for value, label in field.choices
        if value
    ]
    near = [
        (a, b)
        for a, b in itertools.combinations(options, 2)
        if frozenset({a[0], b[0]}) not in DISTINCT_QUESTIONS and near_duplicates(a[1], b[1])
    ]
    assert near == []


def test_the_reference_pages_show_the_pairing_with_both_citations(client):
    drivers = client.get("/drivers/").content.decode()
    item = re.search(rf'<li id="driver-{SHARE_DRIVER}">.*?</li>', drivers, re.S).group(0)
    assert "Share financial and service delivery responsibility" in item
    assert "Report summary, 1. Why collaborate?" in item
    assert "Slide deck on the ten research subjects" in drivers  # the drivers' own citation

    codebook = client.get("/codebook/").content.decode()
    assert (
        "The same idea as the justification “Share financial and service delivery "
        "responsibility” (Report summary)."
    ) in codebook
    assert (
        "The same idea as the driver “Share financial and delivery responsibility” "
        "(Slide deck on the ten research subjects)."
    ) in codebook

    reason = client.get(f"/api/v1/justifications/{SHARE_REASON}/").json()
    assert reason["definition"]["source"]["slug"] == "golab-report-summary"
    assert reason["same_as_driver"]["slug"] == SHARE_DRIVER
    assert (
        reason["same_as_driver"]["definition"]["source"]["slug"]
        == "slide-deck-ten-research-subjects"
    )
    driver = client.get(f"/api/v1/drivers/{WORKPLACE}/").json()
    assert [j["slug"] for j in driver["same_justifications"]] == [WORKPLACE]
    assert client.get("/api/v1/drivers/evidence-led/").json()["same_justifications"] == []
    assert client.get("/api/v1/justifications/").json()[1]["same_as_driver"] is None
