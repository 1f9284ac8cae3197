"""The moderator's "what changed since the last review" includes the practitioner's
references: the pages and documents named, their words, and the facts they back."""

import pytest

from collaborations.models import ModerationDecision
from collaborations.submissions import moderation
from collaborations.submissions.reference_diffs import reference_diff
from tests.test_submissions_support import make_moderator, make_reference_data
from tests.test_submissions_tasks import fill_required, start

pytestmark = pytest.mark.django_db

REPORT = "https://westby.example.org/report"


def save_references(client, submission, rows):
    submission.refresh_from_db()
    data = {
        "ref-TOTAL_FORMS": str(len(rows)),
        "ref-INITIAL_FORMS": "0",
        "completed": "yes",
        "version": submission.version,
    }
    for index, row in enumerate(rows):
        data.update({f"ref-{index}-{key}": value for key, value in row.items()})
    url = f"/submissions/{submission.site.slug}/tasks/sources/"
    assert client.post(url, data).status_code == 302


def send(client, submission):
    assert client.post(f"/submissions/{submission.site.slug}/check/").status_code == 302
    submission.refresh_from_db()


def review_page(moderator_client, submission) -> str:
    return moderator_client.get(f"/moderation/submissions/{submission.site.slug}/").content.decode()


def test_references_added_changed_and_removed_since_changes_were_requested(client):
    ref = make_reference_data()
    moderator = make_moderator()
    moderator_client = client.__class__()
    moderator_client.force_login(moderator)
    submission = start(client)
    fill_required(client, submission, ref)
    save_references(
        client,
        submission,
        [
            {"url": REPORT, "passage": "Westby Trust leads it.", "facts": ["summary"]},
            {"title": "Minutes, March 2023", "passage": "Agreed.", "facts": ["summary"]},
        ],
    )
    send(client, submission)
    first = review_page(moderator_client, submission)
    assert "First review: everything is new" in first
    assert first.count("Reference added") == 2

    moderation.submission_request_changes(
        submission_id=submission.pk,
        moderator=moderator,
        message="Quote the report's own words.",
        expected_version=submission.version,
        section="sources",
    )
    assert ModerationDecision.objects.get(site=submission.site).references == (
        submission.references
    )

    # The practitioner rewords the report's passage, backs one more fact with it, drops the
    # minutes and names a plan.
    save_references(
        client,
        submission,
        [
            {
                "url": REPORT,
                "passage": "Westby Trust leads the partnership of nine charities.",
                "facts": ["summary", "lead_organisation_name"],
            },
            {"title": "Westby Plan 2024", "passage": "One front door.", "facts": ["summary"]},
        ],
    )
    send(client, submission)
    page = review_page(moderator_client, submission)
    assert "What changed since the last review" in page
    assert "Reference changed</strong> (passage, facts it backs)" in page
    assert "<q>Westby Trust leads it.</q>" in page  # before
    assert "<q>Westby Trust leads the partnership of nine charities.</q>" in page  # after
    assert "Backs: Lead organisation, Summary" in page
    assert "Reference added" in page and "Westby Plan 2024: <q>One front door.</q>" in page
    assert "Reference removed" in page and "Minutes, March 2023: <q>Agreed.</q>" in page


def test_nothing_to_report_when_the_references_are_as_reviewed(client):
    ref = make_reference_data()
    moderator = make_moderator()
    submission = start(client)
    fill_required(client, submission, ref)
    row = {"url": REPORT, "passage": "Westby Trust leads it.", "facts": ["summary"]}
    save_references(client, submission, [row])
    send(client, submission)
    moderation.submission_request_changes(
        submission_id=submission.pk,
        moderator=moderator,
        message="Say when it started.",
        expected_version=submission.version,
    )
    save_references(client, submission, [row])
    send(client, submission)
    client.force_login(moderator)
    page = review_page(client, submission)
    assert "No reference has changed since the last review." in page
    assert "Reference added" not in page


def test_a_review_from_before_references_were_kept_says_so(client):
    ref = make_reference_data()
    moderator = make_moderator()
    submission = start(client)
    fill_required(client, submission, ref)
    send(client, submission)
    moderation.submission_request_changes(
        submission_id=submission.pk,
        moderator=moderator,
        message="Add a reference.",
        expected_version=submission.version,
    )
    ModerationDecision.objects.update(references=None)  # as migrated decisions are
    save_references(client, submission, [{"title": "Plan", "passage": "Words.", "facts": ["name"]}])
    send(client, submission)
    client.force_login(moderator)
    page = review_page(client, submission)
    assert "The references were not kept at that review" in page


def entry(**parts):
    return {"url": "", "title": "", "passage": "Words.", "facts": ["summary"], **parts}


def test_a_reference_keeps_its_identity_by_address_title_or_words():
    before = [entry(url=REPORT), entry(title="Plan", passage="Old."), entry(title="Gone")]
    after = [
        entry(title="Plan", passage="New."),  # same title: changed
        entry(url=REPORT),  # word for word, elsewhere in the list: unchanged
        entry(title="Minutes", passage="Other words."),  # added
    ]
    changes = reference_diff(before, after)
    assert [(c.kind, (c.before or c.after)["title"]) for c in changes] == [
        ("changed", "Plan"),
        ("added", "Minutes"),
        ("removed", "Gone"),
    ]
    assert changes[0].changed_parts == ["passage"]
    assert reference_diff(before, before) == []
    assert [c.kind for c in reference_diff([], before)] == ["added"] * 3
