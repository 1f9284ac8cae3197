"""Right of reply: proposals change nothing until accepted; accepting keeps research citations."""

import pytest
from django.core import mail
from django.template import Context, Template

from collaborations.models import ChangeProposal, FieldStatement, Site, SiteDriver, SitePartner
from collaborations.submissions import proposals
from tests import factories as f
from tests.test_submissions_support import form_data_for_site, make_moderator, make_reference_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def ref():
    return make_reference_data()


@pytest.fixture
def research_site(ref):
    document = f.SourceFactory(slug="go-lab-report", title="Are we Rallying Together?")
    site = f.SiteFactory(name="Oldham", summary="A council-wide programme.")
    SiteDriver.objects.create(site=site, driver=ref.drivers[0], source=document, locator="Slide 9")
    SitePartner.objects.create(
        site=site, partner_type=ref.partners[0], source=document, locator="Slide 12"
    )
    FieldStatement.objects.create(
        site=site, field="summary", value=site.summary, source=document, locator="p. 3"
    )
    return site


@pytest.fixture
def practitioner(client):
    user = f.UserFactory(username="officer", email="officer@oldham.example.org")
    client.force_login(user)
    return user


def propose(client, site, **overrides):
    return client.post(f"/sites/{site.slug}/propose/", form_data_for_site(site, **overrides))


def panel(site, user=None):
    from django.contrib.auth.models import AnonymousUser

    template = Template("{% load submission_tags %}{% case_page_panel site %}")
    return template.render(Context({"site": site, "user": user or AnonymousUser()}))


def test_proposing_needs_an_account(client, research_site):
    response = client.get(f"/sites/{research_site.slug}/propose/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_unpublished_sites_cannot_be_proposed_to(client, practitioner, ref):
    draft = f.SiteFactory(status=Site.Status.DRAFT)
    assert client.get(f"/sites/{draft.slug}/propose/").status_code == 404


def test_the_form_starts_from_the_facts_as_catalogued(client, practitioner, research_site, ref):
    html = client.get(f"/sites/{research_site.slug}/propose/").content.decode()
    assert "A council-wide programme." in html
    assert f'value="{ref.drivers[0].slug}" id="id_drivers_0" checked' in html


def test_a_proposal_changes_nothing_until_accepted(
    client, practitioner, research_site, ref, django_capture_on_commit_callbacks
):
    drivers = [ref.drivers[0].slug, ref.drivers[1].slug]
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(client, research_site, drivers=drivers, summary="A better summary.")
    proposal = ChangeProposal.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/proposals/{proposal.pk}/"
    assert set(proposal.proposed) == {"drivers", "summary"}
    research_site.refresh_from_db()
    assert research_site.summary == "A council-wide programme."
    assert SiteDriver.objects.filter(site=research_site).count() == 1
    assert "received your proposed changes" in mail.outbox[0].subject
    detail = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert "A better summary." in detail and ref.drivers[1].name in detail


def test_accepting_keeps_research_citations_of_untouched_facts(
    client, practitioner, research_site, ref, django_capture_on_commit_callbacks
):
    kept_driver = SiteDriver.objects.get(site=research_site)
    propose(
        client,
        research_site,
        drivers=[ref.drivers[0].slug, ref.drivers[1].slug],
        summary="A better summary.",
    )
    proposal = ChangeProposal.objects.get()
    moderator_client = client.__class__()
    moderator_client.force_login(make_moderator())
    review = moderator_client.get(f"/moderation/proposals/{proposal.pk}/").content.decode()
    assert "Accepting now would change" in review and "A better summary." in review
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            f"/moderation/proposals/{proposal.pk}/",
            {"decision": "accept", "message": "Thanks", "version": proposal.version},
        )
    assert response.status_code == 302
    research_site.refresh_from_db()
    proposal.refresh_from_db()
    practitioner_source = proposal.source
    assert proposal.status == ChangeProposal.Status.ACCEPTED
    assert practitioner_source.title.startswith("Self-reported by Northtown Council")
    assert research_site.summary == "A better summary."
    assert research_site.kind == Site.Kind.RESEARCH_SITE
    # The untouched driver keeps its row and research citation; the new one cites the proposer.
    assert SiteDriver.objects.get(pk=kept_driver.pk).source.slug == "go-lab-report"
    added = SiteDriver.objects.get(site=research_site, driver=ref.drivers[1])
    assert added.source == practitioner_source
    assert SitePartner.objects.get(site=research_site).source.slug == "go-lab-report"
    # The correction stands beside the document's summary, preferred with the reason given;
    # the document's statement is neither deleted nor rewritten.
    summaries = FieldStatement.objects.filter(site=research_site, field="summary").order_by("pk")
    document, correction = summaries
    assert (document.source.slug, document.value) == ("go-lab-report", "A council-wide programme.")
    assert (document.rank, document.provenance) == ("normal", "research")
    assert correction.source == practitioner_source and correction.value == "A better summary."
    assert (correction.rank, correction.rank_reason) == ("preferred", "Thanks")
    assert correction.provenance == "self-reported"
    assert "are accepted" in mail.outbox[-1].subject
    log = panel(research_site)
    assert "Change log" in log and "A better summary." in log
    assert "Self-reported by Northtown Council" in log
    assert "officer@oldham.example.org" not in log


def test_an_open_dispute_is_announced_on_the_case_page(client, practitioner, research_site):
    assert "Disputed" not in panel(research_site)
    propose(client, research_site, is_dispute="on", explanation="These drivers are wrong.")
    assert "Disputed" in panel(research_site)
    proposal = ChangeProposal.objects.get()
    proposals.change_proposal_decline(
        proposal_id=proposal.pk,
        moderator=make_moderator(),
        expected_version=proposal.version,
        message="The report says so.",
    )
    assert "Disputed" not in panel(research_site)


def test_a_proposal_that_changes_nothing_is_refused(client, practitioner, research_site):
    response = propose(client, research_site)
    assert response.status_code == 400
    assert "You have not changed any fact" in response.content.decode()
    assert not ChangeProposal.objects.exists()


def test_only_the_proposer_and_moderators_see_a_proposal(client, practitioner, research_site, ref):
    propose(client, research_site, summary="Changed")
    proposal = ChangeProposal.objects.get()
    other = client.__class__()
    other.force_login(f.UserFactory(username="stranger"))
    assert other.get(f"/proposals/{proposal.pk}/").status_code == 404
    assert client.__class__().get(f"/proposals/{proposal.pk}/").status_code == 404
    moderator = client.__class__()
    moderator.force_login(make_moderator())
    assert moderator.get(f"/proposals/{proposal.pk}/").status_code == 200


def test_the_proposer_can_withdraw_an_open_proposal(client, practitioner, research_site):
    propose(client, research_site, summary="Changed", is_dispute="on")
    proposal = ChangeProposal.objects.get()
    client.post(f"/proposals/{proposal.pk}/withdraw/")
    proposal.refresh_from_db()
    assert proposal.status == ChangeProposal.Status.WITHDRAWN
    assert "Disputed" not in panel(research_site)


def test_accepting_twice_is_refused(client, practitioner, research_site):
    propose(client, research_site, summary="Changed")
    proposal = ChangeProposal.objects.get()
    moderator = make_moderator()
    proposals.change_proposal_accept(
        proposal_id=proposal.pk, moderator=moderator, expected_version=proposal.version
    )
    client.force_login(make_moderator("second"))
    response = client.post(
        f"/moderation/proposals/{proposal.pk}/",
        {"decision": "decline", "message": "No", "version": proposal.version},
    )
    assert response.status_code == 409
    assert "Someone else acted on this proposal" in response.content.decode()


def test_a_published_submitter_proposes_changes_to_their_own_entry(client, practitioner, ref):
    from collaborations.submissions.moderation import submission_publish
    from tests.test_submissions_support import create_submission

    submission = create_submission(ref, owner=practitioner)
    submission_publish(submission_id=submission.pk, moderator=make_moderator(), expected_version=1)
    response = propose(client, submission.site, summary="Updated after a year.")
    assert response.status_code == 302
    assert ChangeProposal.objects.get().site == submission.site
