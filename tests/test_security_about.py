"""/sources/ lists a practitioner's source only once its submission is published."""

import pytest
from django.test import Client

from collaborations.models import Source
from collaborations.submissions.moderation import submission_publish, submission_reject
from tests import factories as f
from tests.test_submissions_support import create_submission, make_moderator, make_reference_data

pytestmark = pytest.mark.django_db


def about_html() -> str:
    response = Client().get("/sources/")
    assert response.status_code == 200
    return response.content.decode()


def test_drafts_submissions_and_rejected_ones_are_not_listed():
    ref = make_reference_data()
    f.SourceFactory(title="Are we Rallying Together?", short_title="Rallying Together")
    create_submission(ref, submit=False, name="Draft Alliance", lead_organisation_name="Org D")
    create_submission(ref, name="Pending Alliance", lead_organisation_name="Org P")
    rejected = create_submission(ref, name="Refused Alliance", lead_organisation_name="Org R")
    submission_reject(
        submission_id=rejected.pk,
        moderator=make_moderator(),
        reason="Out of scope",
        expected_version=rejected.version,
    )
    html = about_html()
    assert "Rallying Together" in html
    for private in ("Draft Alliance", "draft-alliance", "Org D", "Pending", "Org P", "Refused"):
        assert private not in html
    assert Source.objects.public().count() == 1


def test_a_published_submission_is_listed_with_its_source():
    ref = make_reference_data()
    submission = create_submission(ref, name="Open Alliance", lead_organisation_name="Org O")
    assert "Org O" not in about_html()
    submission_publish(
        submission_id=submission.pk,
        moderator=make_moderator(),
        expected_version=submission.version,
    )
    assert "Self-reported by Org O" in about_html()
