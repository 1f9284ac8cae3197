"""An organisation a submission brings in stays private until a moderator publishes a site
naming it, whatever the draft does in between."""

import pytest
from django.test import Client

from collaborations.models import ChangeProposal, Organisation
from collaborations.submissions import proposals
from collaborations.submissions.moderation import submission_publish
from collaborations.submissions.organisations import organisation_named
from tests import factories as f
from tests.test_submissions_support import (
    create_submission,
    form_data_for_site,
    grant_private_link,
    make_moderator,
    make_reference_data,
    submission_data,
)

pytestmark = pytest.mark.django_db


def is_public(name: str) -> bool:
    slug = Organisation.objects.get(name=name).slug
    page = Client().get(f"/organisations/{slug}/").status_code
    api = Client().get(f"/api/v1/organisations/{slug}/").status_code
    assert page == api, (page, api)
    return page == 200


def test_renaming_the_lead_of_a_draft_leaves_no_organisation_public(client):
    ref = make_reference_data()
    submission = create_submission(ref, submit=False, lead_organisation_name="Acme Trust")
    assert not is_public("Acme Trust")
    grant_private_link(client, submission)
    data = submission_data(
        ref, lead_organisation_name="Beta Trust", action="draft", version=submission.version
    )
    assert client.post(f"/submissions/{submission.site.slug}/edit/", data).status_code == 302
    assert not is_public("Beta Trust")
    # The organisation the draft no longer names is forgotten, not left behind.
    assert not Organisation.objects.filter(name="Acme Trust").exists()
    assert "Trust" not in Client().get("/api/v1/organisations/").content.decode()


def test_publishing_the_site_makes_its_organisation_public():
    ref = make_reference_data()
    submission = create_submission(ref, lead_organisation_name="Acme Trust")
    assert not is_public("Acme Trust")
    submission_publish(
        submission_id=submission.pk, moderator=make_moderator(), expected_version=submission.version
    )
    assert is_public("Acme Trust")


def test_another_submitter_never_reuses_a_private_organisation():
    ref = make_reference_data()
    create_submission(ref, submit=False, lead_organisation_name="Acme Trust")
    assert organisation_named("Acme Trust") is None
    other = create_submission(ref, name="Other Alliance", lead_organisation_name="ACME trust")
    lead = other.site.participations.get().organisation
    assert lead.is_public is False
    assert Organisation.objects.filter(name__iexact="acme trust").count() == 2


def test_an_accepted_proposal_naming_a_new_lead_publishes_it(client):
    ref = make_reference_data()
    site = f.SiteFactory(name="Oldham")
    proposer = f.UserFactory(username="officer", email="officer@oldham.example.org")
    client.force_login(proposer)
    data = form_data_for_site(
        site,
        lead_organisation_name="Oldham Partnership Board",
        lead_organisation_type=ref.organisation_types[0].slug,
    )
    assert client.post(f"/sites/{site.slug}/propose/", data).status_code == 302
    proposal = ChangeProposal.objects.get()
    assert not Organisation.objects.filter(name="Oldham Partnership Board").exists()
    proposals.change_proposal_accept(
        proposal_id=proposal.pk, moderator=make_moderator(), expected_version=proposal.version
    )
    assert is_public("Oldham Partnership Board")
