"""Bounded queries on the moderation and submitter pages, whatever the number of rows."""

import pytest
from django.template import Context, Template

from collaborations.models import ChangeProposal, Site
from collaborations.submissions import moderation
from tests import factories as f
from tests.factories import api_key_for, build_large_catalogue
from tests.test_submissions_support import create_submission, make_moderator, make_reference_data

pytestmark = pytest.mark.django_db


def slug_of(number: int) -> str:
    return Site.objects.get(name=f"Submission {number}").slug


@pytest.fixture
def busy_portal():
    sites = build_large_catalogue(300)
    ref = make_reference_data()
    owner = f.UserFactory(username="prolific")
    moderator = make_moderator()
    submissions = [create_submission(ref, owner=owner, name=f"Submission {n}") for n in range(40)]
    for submission in submissions[:10]:
        moderation.submission_request_changes(
            submission_id=submission.pk, moderator=moderator, message="More", expected_version=1
        )
    ChangeProposal.objects.bulk_create(
        ChangeProposal(
            site=site,
            proposer=owner,
            organisation_name=f"Org {n}",
            proposed={"summary": "New"},
            base_snapshot={},
            explanation="Because",
            is_dispute=n % 2 == 0,
        )
        for n, site in enumerate(sites[:60])
    )
    return owner, moderator, sites


def test_moderator_pages_cost_bounded_queries(client, busy_portal, django_assert_max_num_queries):
    _, moderator, sites = busy_portal
    client.force_login(moderator)
    with django_assert_max_num_queries(12):
        queue = client.get("/moderation/")
    assert queue.status_code == 200
    assert queue.content.decode().count("/moderation/proposals/") >= 60
    with django_assert_max_num_queries(40):
        assert client.get(f"/moderation/submissions/{slug_of(3)}/").status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get(f"/moderation/sites/{slug_of(3)}/history/").status_code == 200
    with django_assert_max_num_queries(30):
        assert (
            client.get(f"/moderation/proposals/{ChangeProposal.objects.first().pk}/").status_code
            == 200
        )


def test_submitter_pages_cost_bounded_queries(
    client, busy_portal, django_assert_max_num_queries, django_assert_num_queries
):
    owner, _, sites = busy_portal
    client.force_login(owner)
    with django_assert_max_num_queries(10):
        response = client.get("/submissions/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('href="/submissions/submission-') == 40
    assert html.count('href="/proposals/') == 60
    template = Template("{% load submission_tags %}{% case_page_panel site %}")
    with django_assert_num_queries(2):
        panel = template.render(Context({"site": sites[0]}))
    assert "Disputed" in panel


def test_practitioner_forms_cost_bounded_queries(
    client, busy_portal, django_assert_max_num_queries
):
    owner, _, sites = busy_portal
    client.force_login(owner)
    with django_assert_max_num_queries(25):
        assert client.get("/submit/").status_code == 200
    with django_assert_max_num_queries(40):
        assert client.get(f"/submissions/{slug_of(3)}/edit/").status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get(f"/submissions/{slug_of(3)}/").status_code == 200
    with django_assert_max_num_queries(40):
        assert client.get(f"/sites/{sites[0].slug}/propose/").status_code == 200
    key = api_key_for(owner)
    with django_assert_max_num_queries(8):
        listing = client.get("/api/v1/submissions/", HTTP_AUTHORIZATION=f"Token {key}")
    assert listing.status_code == 200 and len(listing.json()) == 40
