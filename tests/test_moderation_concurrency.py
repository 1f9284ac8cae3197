"""Two moderators at once: the first decision wins, the second is told what happened."""

import pytest

from collaborations.models import ModerationDecision, Site
from collaborations.submissions import moderation
from collaborations.submissions.errors import StaleVersion
from tests.test_submissions_support import (
    create_submission,
    grant_private_link,
    make_moderator,
    make_reference_data,
    submission_data,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ref():
    return make_reference_data()


@pytest.fixture
def submission(ref):
    return create_submission(ref, submit=True)


def test_the_second_moderator_with_a_stale_page_is_refused(client, submission):
    first, second = make_moderator("first"), make_moderator("second")
    stale_version = submission.version  # both moderators opened the page at this version
    moderation.submission_publish(
        submission_id=submission.pk, moderator=first, expected_version=stale_version
    )
    client.force_login(second)
    response = client.post(
        f"/moderation/submissions/{submission.site.slug}/",
        {"decision": "reject", "message": "Duplicate", "version": stale_version, "confirmed": "on"},
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "Someone else acted on this submission" in html
    assert "published by first" in html
    site = Site.objects.get(pk=submission.site.pk)
    assert site.status == Site.Status.PUBLISHED
    assert ModerationDecision.objects.filter(site=site).count() == 1


def test_the_service_refuses_a_stale_version_even_in_the_same_status(submission):
    moderator = make_moderator()
    moderation.submission_request_changes(
        submission_id=submission.pk, moderator=moderator, message="More", expected_version=1
    )
    # The submitter resubmits: the status is "submitted" again, but the version moved on.
    submission.refresh_from_db()
    submission.site.status = Site.Status.SUBMITTED
    submission.site.save()
    with pytest.raises(StaleVersion):
        moderation.submission_publish(
            submission_id=submission.pk, moderator=moderator, expected_version=1
        )


def test_a_submitter_editing_while_a_moderator_decides_keeps_their_text(client, ref, submission):
    grant_private_link(client, submission)
    page_version = submission.version
    moderation.submission_request_changes(
        submission_id=submission.pk,
        moderator=make_moderator(),
        message="Add the funder",
        expected_version=page_version,
    )
    ref_data = submission_data(ref, summary="My careful new summary", version=str(page_version))
    response = client.post(f"/submissions/{submission.site.slug}/edit/", ref_data)
    html = response.content.decode()
    assert response.status_code == 409
    assert "changed after you opened the form" in html
    assert "My careful new summary" in html
    assert f'name="version" value="{page_version + 1}"' in html  # saving again now works
    ref_data["version"] = str(page_version + 1)
    assert client.post(f"/submissions/{submission.site.slug}/edit/", ref_data).status_code == 302
