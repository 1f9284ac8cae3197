"""Statement rules on the seed catalogue: a correction stands beside the research statement,
never removing or rewriting it; reloading keeps corrections and duplicates nothing; readers
see disagreements side by side."""

from io import StringIO

import pytest
from django.core.management import call_command

from collaborations.models import FundingType, Site, SiteFunding
from collaborations.submissions.facts import site_facts_of
from collaborations.submissions.proposals import change_proposal_accept, change_proposal_create
from tests import factories as f
from tests.test_submissions_support import make_moderator

pytestmark = pytest.mark.django_db


def load():
    call_command("load_catalogue", stdout=StringIO())


def statement_rows(site):
    return sorted(
        (s.funding_type.slug, s.source.kind, s.rank, s.provenance)
        for s in SiteFunding.objects.filter(site=site).select_related("funding_type", "source")
    )


def correct_oldhams_funding(*, preferred, reason="The council confirmed it in 2020."):
    """Oldham's right of reply: its funding is service contracts, not none."""
    oldham = Site.objects.get(slug="oldham-council")
    facts = site_facts_of(oldham).replaced(
        funding_types=[FundingType.objects.get(slug="service-contracts")]
    )
    proposal = change_proposal_create(
        site=oldham,
        proposer=f.UserFactory(),
        facts=facts,
        organisation_name="Oldham Council",
        explanation="We hold service contracts.",
        evidence="Annual report 2020",
        is_dispute=False,
    )
    change_proposal_accept(
        proposal_id=proposal.pk,
        moderator=make_moderator(),
        expected_version=proposal.version,
        message=reason,
        preferred=preferred,
    )
    return oldham


def test_a_preferred_correction_stands_beside_the_research_statement():
    load()
    oldham = correct_oldhams_funding(preferred=True)
    assert statement_rows(oldham) == [
        ("none", "document", "normal", "research"),
        ("service-contracts", "practitioner", "preferred", "self-reported"),
    ]
    correction = SiteFunding.objects.get(site=oldham, funding_type__slug="service-contracts")
    assert correction.rank_reason == "The council confirmed it in 2020."
    oldham.refresh_from_db()
    assert oldham.disputed_facts == ["Funding"]


def test_a_correction_not_preferred_leaves_the_research_value_shown(client):
    load()
    correct_oldhams_funding(preferred=False)
    html = client.get("/sites/oldham-council/").content.decode()
    start = html.index('id="funding"')
    funding = html[start : html.index("</section>", start)]
    assert "Sources disagree" in funding
    assert "according to" in funding and "Self-reported" in funding
    assert '<a href="/sites/?funding=none">None</a>' in funding
    assert '<a href="/sites/?funding=service-contracts">Service contracts</a>' in funding


def test_the_case_page_shows_the_preferred_value_and_the_disagreement(client):
    load()
    correct_oldhams_funding(preferred=True)
    html = client.get("/sites/oldham-council/").content.decode()
    banner = html[html.index('class="dispute-banner"') :]
    assert "Sources disagree about 1 fact" in banner and "Funding" in banner
    start = html.index('id="funding"')
    funding = html[start : html.index("</section>", start)]
    shown, disagreement = funding.split("Sources disagree")
    assert "Service contracts" in shown and "the value above is the one the catalogue prefers" in (
        disagreement
    )
    assert 'None</a> <span class="muted">according to' in disagreement


def test_reloading_keeps_an_accepted_correction_and_duplicates_nothing():
    load()
    oldham = correct_oldhams_funding(preferred=True)
    before = statement_rows(oldham)
    load()
    load()
    assert statement_rows(oldham) == before
    page = site_facts_of(Site.objects.get(pk=oldham.pk))
    assert [f.slug for f in page.funding_types] == ["service-contracts"]


def test_a_preferred_correction_of_a_field_keeps_the_documents_value_and_survives_reload():
    load()
    plymouth = Site.objects.get(slug="plymouth-council")
    document_scope = plymouth.scope
    facts = site_facts_of(plymouth).replaced(scope="An alliance of complex needs services")
    proposal = change_proposal_create(
        site=plymouth,
        proposer=f.UserFactory(),
        facts=facts,
        organisation_name="Plymouth City Council",
        explanation="Our own words.",
        evidence="",
        is_dispute=False,
    )
    change_proposal_accept(
        proposal_id=proposal.pk,
        moderator=make_moderator(),
        expected_version=proposal.version,
        message="The alliance's own description.",
    )
    load()
    plymouth.refresh_from_db()
    assert plymouth.scope == "An alliance of complex needs services"
    statements = {
        (s.value, s.rank, s.provenance) for s in plymouth.field_statements.filter(field="scope")
    }
    assert statements == {
        (document_scope, "normal", "research"),
        ("An alliance of complex needs services", "preferred", "self-reported"),
    }


def test_the_api_carries_rank_provenance_status_and_references(client):
    load()
    correct_oldhams_funding(preferred=True)
    site = client.get("/api/v1/sites/oldham-council/").json()
    funding = {row["slug"]: row for row in site["funding_types"]}
    assert funding["none"]["rank"] == "normal" and funding["none"]["provenance"] == "research"
    assert funding["none"]["status"] == "disputed"
    assert funding["service-contracts"]["rank"] == "preferred"
    assert funding["service-contracts"]["provenance"] == "self-reported"
    assert site["disputed_facts"] == ["Funding"]
    for row in funding.values():
        for reference in row["references"]:
            assert set(reference) == {"source", "locator", "excerpt", "passage"}
