"""Helpers for the change log, feed, follow and release tests (no tests of its own)."""

from collaborations.models import Site
from collaborations.submissions import proposals
from collaborations.submissions.facts import site_facts_of
from collaborations.submissions.moderation import submission_publish
from collaborations.submissions.revisions import site_public_revision_sync
from tests import factories as f
from tests.test_submissions_support import create_submission


def catalogue_site(**fields) -> Site:
    """A published site as the catalogue loader writes one, with its first public revision."""
    site = f.SiteFactory(**fields)
    site_public_revision_sync(site=site, note="Catalogued from its source documents")
    return site


def publish_submission(ref, moderator, **overrides) -> Site:
    submission = create_submission(ref, **overrides)
    submission_publish(
        submission_id=submission.pk, moderator=moderator, expected_version=submission.version
    )
    return Site.objects.get(pk=submission.site_id)


def accept_correction(site, moderator, proposer, **facts):
    """A practitioner proposes new values for some facts; a moderator accepts them."""
    proposal = proposals.change_proposal_create(
        site=site,
        proposer=proposer,
        facts=site_facts_of(site).replaced(**facts),
        organisation_name="Northtown Community Trust",
        explanation="Our records say otherwise.",
        evidence="",
        is_dispute=False,
    )
    return proposals.change_proposal_accept(
        proposal_id=proposal.pk, moderator=moderator, expected_version=proposal.version
    )
