"""The seed catalogue says what the source documents say (shared/seeds/)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from accountability.models import AccountabilityLine, Indicator, MeasurementApproach
from collaborations.catalogue import catalogue_load
from collaborations.catalogue.sites import CITED_FIELDS, FACT_SECTIONS
from collaborations.models import (
    Driver,
    FrameworkStrand,
    FrameworkTheme,
    Justification,
    Quote,
    Site,
    SiteDriver,
    SiteJustification,
    Source,
    Typology,
    TypologyPartner,
)

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"

RESEARCH_SITES = {
    "oldham-council",
    "wigan-council",
    "plymouth-council",
    "kibble-education-and-care-centre",
    "john-lyons-charity",
    "golden-key",
    "somerset-richmond-group",
    "wirral-council",
    "west-london-zone",
    "ignite-coventry",
}

# Seed 003, "Different models of collaboration", Partners column, in the slide's order.
TYPE_PARTNERS = {
    "collaborative-councils": [
        "residents",
        "local-government",
        "nhs",
        "police",
        "fire",
        "probation",
        "schools",
        "local-businesses",
        "voluntary-sector",
    ],
    "system-connectors": [
        "local-government",
        "nhs",
        "schools",
        "voluntary-sector",
        "social-investors",
        "local-donors",
    ],
    "agents-of-change": ["local-government", "police", "housing", "voluntary-sector"],
    "collaborative-markets": ["local-government", "voluntary-sector"],
}


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    """The seed catalogue, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        catalogue_load()
        yield
        transaction.set_rollback(True)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("catalogue")]


def site(slug):
    return Site.objects.get(slug=slug)


def current_typology(slug):
    return site(slug).typology_codings.get(rank="preferred").typology.slug


def funding_of(slug):
    return {f.funding_type.slug for f in site(slug).funding_facts.all()}


def test_there_are_exactly_ten_published_research_sites():
    research = Site.objects.filter(kind=Site.Kind.RESEARCH_SITE)
    assert set(research.values_list("slug", flat=True)) == RESEARCH_SITES
    assert set(research.values_list("status", flat=True)) == {Site.Status.PUBLISHED}


def test_plymouth_is_a_collaborative_market_funded_by_an_alliance_contract():
    assert current_typology("plymouth-council") == "collaborative-markets"
    assert funding_of("plymouth-council") == {"alliance-contract"}
    assert site("plymouth-council").aliases.filter(name="Plymouth Alliance Contract").exists()


def test_west_london_zone_is_a_deep_dive_with_four_funding_types():
    wlz = site("west-london-zone")
    assert wlz.study_depth.slug == "deep-dive"
    expected = {"grant-funding", "service-contracts", "social-investment", "donations"}
    assert funding_of("west-london-zone") == expected


def test_west_london_zone_is_the_data_driven_exemplar():
    wlz = site("west-london-zone")
    assert MeasurementApproach.objects.get(slug="data-driven").exemplar == wlz
    assert wlz.measurement_codings.get(rank="preferred").approach.slug == "data-driven"
    assert Indicator.objects.filter(site=wlz, name="Outcomes in 4 main areas").exists()


def test_golden_key_and_ignite_are_the_proxy_and_experimental_exemplars():
    assert MeasurementApproach.objects.get(slug="proxy-measures").exemplar.slug == "golden-key"
    assert MeasurementApproach.objects.get(slug="experimental").exemplar.slug == "ignite-coventry"


def test_ignite_and_golden_key_are_agents_of_change():
    assert current_typology("ignite-coventry") == "agents-of-change"
    assert current_typology("golden-key") == "agents-of-change"


def test_kibble_is_not_classified_and_the_note_says_why():
    coding = site("kibble-education-and-care-centre").typology_codings.get()
    assert coding.is_preferred
    assert coding.typology.slug == "not-classified"
    assert coding.typology.is_classification is False
    assert "No document assigns a type" in coding.note


def test_each_types_partner_list_matches_seed_003():
    for typology, expected in TYPE_PARTNERS.items():
        rows = TypologyPartner.objects.filter(typology__slug=typology).order_by("position")
        assert [row.partner_type.slug for row in rows] == expected, typology


def test_research_sites_carry_the_partners_of_their_type_with_a_note():
    for slug in RESEARCH_SITES - {"kibble-education-and-care-centre"}:
        facts = site(slug).partner_facts.all()
        assert {f.partner_type.slug for f in facts} == set(TYPE_PARTNERS[current_typology(slug)])
        assert all("does not list partners per site" in f.note for f in facts)


def research_site_facts():
    for model in FACT_SECTIONS.values():
        yield from model.objects.filter(site__kind=Site.Kind.RESEARCH_SITE).select_related("source")


def test_every_fact_on_a_research_site_cites_a_seed_document_and_where_in_it():
    facts = list(research_site_facts())
    assert len(facts) > 100
    for fact in facts:
        assert fact.locator.strip(), fact
        assert fact.source.kind == Source.Kind.DOCUMENT
        assert fact.source.seed_file, fact
        if SEEDS.is_dir():
            assert (SEEDS / fact.source.seed_file).is_file(), fact.source.seed_file


def test_every_filled_single_valued_field_of_a_seed_site_has_a_field_citation():
    for seed_site in Site.objects.research_coded():
        cited = set(seed_site.field_statements.values_list("field", flat=True))
        filled = {name for name in CITED_FIELDS if getattr(seed_site, name) not in (None, "")}
        assert filled <= cited, seed_site.slug


def test_somerset_richmond_group_carries_both_system_connector_codings():
    codings = site("somerset-richmond-group").typology_codings.select_related("source")
    assert {c.typology.slug for c in codings} == {"system-connectors"}
    assert {c.source.slug for c in codings} == {
        "golab-research-slides",
        "fitzgerald-rosenbach-2019",
        "golab-report-summary",
    }
    current = [c for c in codings if c.is_preferred]
    assert len(current) == 1
    assert current[0].source.slug == "golab-research-slides"
    assert all("Doing the Right Thing" in c.note for c in codings if not c.is_preferred)


def test_doing_the_right_thing_alias_says_the_identification_is_the_domain_mapping():
    alias = site("somerset-richmond-group").aliases.get(name="Doing the Right Thing")
    assert "DOMAIN.md" in alias.note
    assert "not stated by the documents" in alias.note


def test_other_names_the_documents_use_are_site_aliases():
    assert site("john-lyons-charity").aliases.filter(name="Young People's Foundations").exists()
    assert site("ignite-coventry").aliases.filter(name="Ignite").exists()


def test_no_research_site_has_an_invented_region():
    assert not Site.objects.filter(kind=Site.Kind.RESEARCH_SITE, region__isnull=False).exists()


def test_place_is_taken_only_from_names_that_state_it():
    oldham = site("oldham-council")
    assert (oldham.locality, oldham.local_authority) == ("Oldham", "Oldham Council")
    assert site("golden-key").locality == ""
    assert site("kibble-education-and-care-centre").locality == ""


def test_sites_whose_source_says_no_funding_state_funding_none():
    for slug in ("oldham-council", "wigan-council", "wirral-council"):
        assert funding_of(slug) == {"none"}


def test_drivers_and_justifications_are_reference_rows_not_site_facts():
    assert Driver.objects.count() == 14
    assert Justification.objects.count() == 4
    assert not SiteDriver.objects.exists()
    assert not SiteJustification.objects.exists()
    assert all("collectively" in j.note for j in Justification.objects.all())
    assert all("collectively" in d.note for d in Driver.objects.all())


def test_the_justification_worded_differently_in_000_and_001_says_so():
    justification = Justification.objects.get(
        slug="bigger-role-for-communities-and-voluntary-sector"
    )
    assert "voluntary sector" in justification.description
    assert "members of communities" in justification.note


def test_not_classified_is_not_a_classification_and_the_four_types_are():
    assert list(Typology.objects.filter(is_classification=True).values_list("slug", flat=True))
    assert Typology.objects.filter(is_classification=True).count() == 4
    assert not Typology.objects.get(slug="not-classified").is_classification


def test_accountability_examples_from_seed_003_are_recorded_with_a_coding_note():
    oldham_line = AccountabilityLine.objects.get(site__slug="oldham-council")
    assert "You said we did" in oldham_line.detail
    assert oldham_line.line_type.slug == "service-users-and-citizens"
    assert "Coded by the catalogue" in oldham_line.note
    golden_key_line = AccountabilityLine.objects.get(site__slug="golden-key")
    assert "Lived Experiences Team" in golden_key_line.detail


def test_golden_keys_green_and_red_light_behaviours_are_a_practice_with_detail():
    practice = site("golden-key").practice_facts.get()
    assert "Green & red light behaviours" in practice.detail


def test_fiona_johnstones_quote_is_on_the_wirral_site():
    quote = Quote.objects.get(speaker="Fiona Johnstone")
    assert quote.site.slug == "wirral-council"
    assert quote.organisation.slug == "wirral-council"
    assert "trusts someone else to manage it" in quote.text


def test_every_research_site_has_its_lead_and_go_lab_as_researcher():
    for slug in RESEARCH_SITES:
        roles = {(p.organisation.slug, p.role.slug) for p in site(slug).participations.all()}
        assert (slug, "lead") in roles
        assert ("government-outcomes-lab", "researcher") in roles


def test_twelve_framework_themes_in_four_strands_of_three():
    assert FrameworkStrand.objects.count() == 4
    assert FrameworkTheme.objects.count() == 12
    for strand in FrameworkStrand.objects.all():
        assert strand.themes.count() == 3, strand.slug


def test_framework_examples_are_published_and_tagged_with_a_theme():
    examples = Site.objects.filter(kind=Site.Kind.FRAMEWORK_EXAMPLE)
    assert examples.count() >= 25
    for example in examples:
        assert example.status == Site.Status.PUBLISHED
        assert example.theme_facts.exists(), example.slug
        assert example.summary


def test_framework_examples_name_their_organisations():
    network = site("co-operative-councils-innovation-network")
    members = {p.organisation.slug for p in network.participations.filter(role__slug="partner")}
    assert {"oldham-council", "sunderland-city-council", "lambeth-council"} <= members
    oracle = site("project-oracle")
    funders = {p.organisation.slug for p in oracle.participations.filter(role__slug="funder")}
    assert "economic-and-social-research-council" in funders


def test_derived_columns_are_refreshed_after_loading():
    wlz = site("west-london-zone")
    assert wlz.completeness > 50
    assert "west london zone" in wlz.search_document
