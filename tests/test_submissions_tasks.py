"""The task list: start, sections saved on continue with a status each, references that
back facts, check your answers, submit; notes tied to sections; the queue by age and kind."""

import re

import pytest

from collaborations.models import ChangeProposal, Reference, Site, Submission
from collaborations.submissions import moderation
from tests import factories as f
from tests.test_submissions_support import make_moderator, make_reference_data

pytestmark = pytest.mark.django_db


def start(client, name="Westby Together"):
    response = client.post(
        "/submit/",
        {"name": name, "contact_name": "Robin", "contact_email": "robin@example.org"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    submission = Submission.objects.get(site__name=name)
    assert response["Location"] == f"/submissions/{submission.site.slug}/tasks/"
    return submission


def save(client, submission, section, data, completed="yes"):
    submission.refresh_from_db()
    url = f"/submissions/{submission.site.slug}/tasks/{section}/"
    return client.post(url, {**data, "completed": completed, "version": submission.version})


def fill_required(client, submission, ref):
    about = {"name": submission.site.name, "summary": "One door."}
    assert save(client, submission, "about", about)["Location"].endswith("/tasks/")
    where = {
        "locality": "Westby",
        "lead_organisation_name": "Westby Trust",
        "lead_organisation_type": ref.organisation_types[0].slug,
    }
    assert save(client, submission, "where-and-who", where).status_code == 302


def test_the_start_page_says_what_is_needed_and_lists_the_sections(client):
    make_reference_data()
    html = client.get("/submit/").content.decode()
    assert "Before you start" in html
    for title in ("About the collaboration", "Accountability and measurement", "Your details"):
        assert title in html


def test_a_draft_starts_with_every_section_not_started(client):
    make_reference_data()
    submission = start(client)
    assert submission.site.status == Site.Status.DRAFT
    html = client.get(f"/submissions/{submission.site.slug}/tasks/").content.decode()
    assert html.count("Not started") == 8
    assert submission.reference in html


def test_a_section_marks_its_required_fields_and_checks_them_only_when_completed(client):
    ref = make_reference_data()
    submission = start(client)
    page = client.get(f"/submissions/{submission.site.slug}/tasks/about/").content.decode()
    assert re.search(r"Summary\s*<span class=\"required-mark\">\(required\)", page)
    later = save(client, submission, "about", {"name": "Westby Together"}, completed="later")
    assert later.status_code == 302
    submission.refresh_from_db()
    assert submission.section_status["about"] == "in-progress"
    refused = save(client, submission, "about", {"name": "Westby Together", "scope": "Town"})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "There is a problem" in html and "Town" in html  # what was typed is kept
    fill_required(client, submission, ref)
    submission.refresh_from_db()
    assert submission.section_status == {"about": "completed", "where-and-who": "completed"}
    assert submission.site.summary == "One door."


def test_the_accountability_section_comes_from_its_app(client):
    ref = make_reference_data()
    submission = start(client)
    data = {"accountability_lines": [ref.line_types[0].slug], "indicators": "Fewer evictions"}
    assert save(client, submission, "accountability", data).status_code == 302
    assert submission.site.indicators.get().name == "Fewer evictions"
    assert submission.site.accountability_lines.get().line_type == ref.line_types[0]


def test_a_reference_backs_the_facts_it_names(client):
    ref = make_reference_data()
    submission = start(client)
    fill_required(client, submission, ref)
    submission.refresh_from_db()
    url = f"/submissions/{submission.site.slug}/tasks/sources/"
    assert "Lead organisation" in client.get(url).content.decode()
    data = {
        "ref-TOTAL_FORMS": "2",
        "ref-INITIAL_FORMS": "0",
        "ref-0-url": "https://westby.example.org/report",
        "ref-0-passage": "Westby Trust leads the partnership.",
        "ref-0-facts": ["lead_organisation_name"],
        "ref-1-url": "",
        "completed": "yes",
        "version": submission.version,
    }
    assert client.post(url, data).status_code == 302
    site = Site.objects.get(pk=submission.site.pk)
    lead = site.participations.get(role__slug="lead")
    backing = Reference.objects.get(object_id=lead.pk, passage__source=submission.source)
    assert backing.passage.excerpt == "Westby Trust leads the partnership."
    assert site.referenced_fact_count == 1 and site.self_reported_fact_count >= 3
    # Saving the section again keeps the reference on the rewritten statements.
    save(
        client,
        submission,
        "where-and-who",
        {
            "locality": "Westby",
            "lead_organisation_name": "Westby Trust",
            "lead_organisation_type": ref.organisation_types[0].slug,
            "local_authority": "Westby Council",
        },
    )
    assert Site.objects.get(pk=site.pk).referenced_fact_count == 1


def test_a_reference_needs_its_words_and_its_facts(client):
    make_reference_data()
    submission = start(client)
    url = f"/submissions/{submission.site.slug}/tasks/sources/"
    data = {
        "ref-TOTAL_FORMS": "1",
        "ref-INITIAL_FORMS": "0",
        "ref-0-title": "Annual report 2023",
        "completed": "yes",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Copy the words that back your facts." in response.content.decode()


def test_check_answers_lists_what_is_missing_then_submits(client):
    ref = make_reference_data()
    submission = start(client)
    check = f"/submissions/{submission.site.slug}/check/"
    html = client.get(check).content.decode()
    assert "Before you can submit" in html and "Add a summary" in html
    assert "Submit for review" not in html
    fill_required(client, submission, ref)
    html = client.get(check).content.decode()
    assert "Westby Trust" in html and "Submit for review" in html
    done = client.post(check)
    assert done["Location"] == f"/submissions/{submission.site.slug}/"
    assert Site.objects.get(pk=submission.site.pk).status == Site.Status.SUBMITTED
    page = client.get(done["Location"]).content.decode()
    assert "Submission sent" in page and submission.reference in page


def test_a_note_tied_to_a_section_shows_on_that_section(client):
    ref = make_reference_data()
    submission = start(client)
    fill_required(client, submission, ref)
    client.post(f"/submissions/{submission.site.slug}/check/")
    submission.refresh_from_db()
    moderation.submission_request_changes(
        submission_id=submission.pk,
        moderator=make_moderator(),
        message="Please name the local authority.",
        expected_version=submission.version,
        section="where-and-who",
    )
    tasks = client.get(f"/submissions/{submission.site.slug}/tasks/").content.decode()
    assert "Please name the local authority." in tasks
    assert "the moderator's note is about this section" in tasks
    where = client.get(f"/submissions/{submission.site.slug}/tasks/where-and-who/")
    assert "Please name the local authority." in where.content.decode()
    about = client.get(f"/submissions/{submission.site.slug}/tasks/about/")
    assert "Please name the local authority." not in about.content.decode()


def test_the_moderator_sees_which_facts_are_backed(client):
    ref = make_reference_data()
    submission = start(client)
    fill_required(client, submission, ref)
    submission.refresh_from_db()
    submission.references = [
        {"url": "https://x.example.org", "title": "", "passage": "Words.", "facts": ["summary"]}
    ]
    submission.save()
    client.force_login(make_moderator())
    html = client.get(f"/moderation/submissions/{submission.site.slug}/").content.decode()
    assert "Which facts are backed" in html and "<strong>Backed</strong>" in html


def test_the_queue_sorts_by_age_and_filters_by_kind(client):
    ref = make_reference_data()
    older = start(client, "Older Together")
    newer = start(client, "Newer Together")
    for submission in (older, newer):
        fill_required(client, submission, ref)
        client.post(f"/submissions/{submission.site.slug}/check/")
    published = f.SiteFactory(name="Published Place")
    ChangeProposal.objects.create(
        site=published,
        proposer=f.UserFactory(),
        organisation_name="Trust",
        explanation="Wrong",
        is_dispute=True,
        base_snapshot={},
        proposed={},
    )
    client.force_login(make_moderator())
    oldest = client.get("/moderation/").content.decode()
    assert oldest.index("Older Together") < oldest.index("Newer Together")
    newest = client.get("/moderation/?sort=newest").content.decode()
    assert newest.index("Newer Together") < newest.index("Older Together")
    disputes = client.get("/moderation/?kind=dispute").content.decode()
    assert "Published Place" in disputes and "Older Together" not in disputes
    assert client.get("/moderation/?sort=nonsense&kind=nonsense").status_code == 200
