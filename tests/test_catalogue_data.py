"""The seed catalogue says what the source documents say (shared/seeds/), no more.

Each fact is a statement with references to verbatim passages (tests/test_excerpts.py checks
the passages against the documents); these tests check what the loaded catalogue states, how
it marks inferences and disagreements, and that it keeps the documents' silences.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import models, transaction

from accountability.models import AccountabilityLine, Indicator, MeasurementApproach
from collaborations.catalogue import catalogue_load
from collaborations.catalogue.sites import CITED_FIELDS, FACT_SECTIONS
from collaborations.models import (
    Driver,
    FieldStatement,
    Finding,
    FrameworkStrand,
    FrameworkTheme,
    Justification,
    Organisation,
    Passage,
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
# Research subjects named only in the slide deck, which names no author.
DECK_ONLY = {"kibble-education-and-care-centre", "john-lyons-charity", "somerset-richmond-group"}

# The slide deck's "Different models of collaboration", Partners column, in the slide's order.
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

# Names other documents give where the slide deck names a research subject: possible
# identifications, never stated by a document.
IDENTIFICATIONS = [
    ("plymouth-council", "Plymouth Alliance Contract"),
    ("john-lyons-charity", "Young People's Foundations"),
    ("somerset-richmond-group", "Doing the Right Thing"),
]

# Words readers must never meet: internal notes, file names, field names.
INTERNAL = re.compile(
    r"\bseeds?\b|DOMAIN\.md|domain (notes|mapping)|fixture|\b00\d_|governance_mode|"
    r"field_(citations|statements)|is_current",
    re.IGNORECASE,
)


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


def preferred_typology(slug):
    return site(slug).typology_codings.get(rank="preferred").typology.slug


def funding_of(slug):
    return {f.funding_type.slug for f in site(slug).funding_facts.all()}


def passages_of(statement) -> list[Passage]:
    return [reference.passage for reference in statement.references.order_by("position", "pk")]


def research_site_statements():
    for model in FACT_SECTIONS.values():
        yield from model.objects.filter(site__kind=Site.Kind.RESEARCH_SITE).select_related("source")


def test_there_are_exactly_ten_published_research_sites():
    research = Site.objects.filter(kind=Site.Kind.RESEARCH_SITE)
    assert set(research.values_list("slug", flat=True)) == RESEARCH_SITES
    assert set(research.values_list("status", flat=True)) == {Site.Status.PUBLISHED}


def test_every_research_site_statement_cites_passages_of_a_document():
    statements = list(research_site_statements())
    assert len(statements) > 100
    for statement in statements:
        passages = passages_of(statement)
        assert passages, statement
        assert statement.source == passages[0].source, statement
        assert statement.locator == passages[0].locator, statement
        for passage in passages:
            assert passage.source.kind == Source.Kind.DOCUMENT
            assert passage.source.seed_file
            if SEEDS.is_dir():
                assert (SEEDS / passage.source.seed_file).is_file()


def test_every_filled_single_valued_field_of_a_seed_site_has_a_statement():
    for seed_site in Site.objects.research_coded():
        stated = set(seed_site.field_statements.values_list("field", flat=True))
        filled = {name for name in CITED_FIELDS if getattr(seed_site, name) not in (None, "")}
        assert filled <= stated, seed_site.slug


def test_plymouth_is_a_collaborative_market_funded_by_an_alliance_contract():
    assert preferred_typology("plymouth-council") == "collaborative-markets"
    assert funding_of("plymouth-council") == {"alliance-contract"}


def test_west_london_zone_is_a_deep_dive_with_four_funding_types():
    wlz = site("west-london-zone")
    assert wlz.study_depth.slug == "deep-dive"
    expected = {"grant-funding", "service-contracts", "social-investment", "donations"}
    assert funding_of("west-london-zone") == expected


def test_west_london_zone_is_the_data_driven_exemplar_and_its_indicator_is_the_slides_words():
    wlz = site("west-london-zone")
    assert MeasurementApproach.objects.get(slug="data-driven").exemplar == wlz
    assert wlz.measurement_codings.get(rank="preferred").approach.slug == "data-driven"
    indicator = Indicator.objects.get(site=wlz)
    assert (indicator.name, indicator.description) == ("Outcomes in 4 main areas", "")


def test_golden_key_and_ignite_are_the_proxy_and_experimental_exemplars():
    assert MeasurementApproach.objects.get(slug="proxy-measures").exemplar.slug == "golden-key"
    assert MeasurementApproach.objects.get(slug="experimental").exemplar.slug == "ignite-coventry"


def test_high_level_objectives_are_not_recorded_as_an_indicator():
    assert not Indicator.objects.filter(site__slug="ignite-coventry").exists()


def test_ignite_and_golden_key_are_agents_of_change():
    assert preferred_typology("ignite-coventry") == "agents-of-change"
    assert preferred_typology("golden-key") == "agents-of-change"


def test_each_site_has_exactly_one_preferred_typology_coding():
    for slug in RESEARCH_SITES:
        assert site(slug).typology_codings.filter(rank="preferred").count() == 1, slug


def test_sources_that_agree_on_a_type_are_one_statement_with_several_references():
    coding = site("oldham-council").typology_codings.get()
    assert {p.source.slug for p in passages_of(coding)} == {
        "slide-deck-ten-research-subjects",
        "fitzgerald-rosenbach-2019",
        "golab-report-summary",
    }
    assert coding.status == "agreed"


def test_kibble_is_not_classified_as_an_inference_that_says_why():
    coding = site("kibble-education-and-care-centre").typology_codings.get()
    assert coding.rank == "preferred"
    assert coding.typology.slug == "not-classified"
    assert coding.typology.is_classification is False
    assert coding.provenance == "inferred"
    assert "No document assigns a type" in coding.note


@pytest.mark.parametrize(("slug", "name"), IDENTIFICATIONS)
def test_names_paired_by_position_are_disputed_possible_identifications(slug, name):
    alias = site(slug).aliases.get(name=name)
    assert (alias.provenance, alias.status) == ("inferred", "disputed")
    assert "possible identification" in alias.note
    assert "No document says they are the same collaboration" in alias.note
    others = site(slug).typology_codings.exclude(rank="preferred")
    assert others.exists()
    for coding in others:
        assert (coding.provenance, coding.status) == ("inferred", "disputed")
        assert name in coding.note


def test_somerset_richmond_groups_preferred_coding_is_the_slide_decks():
    preferred = site("somerset-richmond-group").typology_codings.get(rank="preferred")
    assert preferred.typology.slug == "system-connectors"
    assert preferred.source.slug == "slide-deck-ten-research-subjects"
    assert preferred.provenance == "research"


def test_each_types_partner_list_matches_the_slide_deck():
    for typology, expected in TYPE_PARTNERS.items():
        rows = TypologyPartner.objects.filter(typology__slug=typology).order_by("position")
        assert [row.partner_type.slug for row in rows] == expected, typology


def test_partner_types_belong_to_the_type_not_to_research_sites():
    assert not Site.objects.get(slug="wigan-council").partner_facts.exists()
    for slug in RESEARCH_SITES:
        assert not site(slug).partner_facts.exists(), slug


def test_no_research_site_has_an_invented_region():
    assert not Site.objects.filter(kind=Site.Kind.RESEARCH_SITE, region__isnull=False).exists()


def test_places_taken_from_organisation_names_are_marked_as_inferred():
    oldham = site("oldham-council")
    assert (oldham.locality, oldham.local_authority) == ("Oldham", "Oldham Council")
    assert site("golden-key").locality == ""
    assert site("kibble-education-and-care-centre").locality == ""
    for statement in FieldStatement.objects.filter(
        site__kind=Site.Kind.RESEARCH_SITE, field__in=["locality", "local_authority"]
    ):
        assert statement.provenance == "inferred", statement.site.slug
        assert "organisation's name" in statement.note


def test_funding_stated_as_none_is_the_funding_type_none():
    for slug in ("oldham-council", "wigan-council", "wirral-council"):
        assert funding_of(slug) == {"none"}
        statement = site(slug).funding_facts.get()
        assert passages_of(statement)[0].excerpt.endswith("None")


def test_drivers_and_justifications_are_reference_rows_not_site_facts():
    assert Driver.objects.count() == 14
    assert Justification.objects.count() == 4
    assert not SiteDriver.objects.exists()
    assert not SiteJustification.objects.exists()
    assert all("together" in j.note for j in Justification.objects.all())
    assert all("collectively" in d.note for d in Driver.objects.all())


def test_the_justification_worded_differently_in_two_documents_says_so():
    justification = Justification.objects.get(
        slug="bigger-role-for-communities-and-voluntary-sector"
    )
    assert "voluntary sector" in justification.description
    assert "members of communities" in justification.note


def test_not_classified_is_not_a_classification_and_the_four_types_are():
    assert Typology.objects.filter(is_classification=True).count() == 4
    assert not Typology.objects.get(slug="not-classified").is_classification


def test_accountability_examples_are_recorded_with_the_catalogues_reading_marked():
    oldham_line = AccountabilityLine.objects.get(site__slug="oldham-council")
    assert "You said we did" in oldham_line.detail
    assert oldham_line.line_type.slug == "service-users-and-citizens"
    assert oldham_line.provenance == "inferred"
    golden_key_line = AccountabilityLine.objects.get(site__slug="golden-key")
    assert "Lived Experiences Team" in golden_key_line.detail


def test_golden_keys_green_and_red_light_behaviours_are_a_practice_read_from_the_slide():
    practice = site("golden-key").practice_facts.get()
    assert "Green & red light behaviours" in practice.detail
    assert practice.provenance == "inferred"


def test_fiona_johnstones_quote_is_on_the_wirral_site():
    quote = Quote.objects.get(speaker="Fiona Johnstone")
    assert quote.site.slug == "wirral-council"
    assert quote.organisation.slug == "wirral-council"
    assert "trusts someone else to manage it" in quote.text


def test_research_sites_name_their_research_subject_and_no_unstated_lead():
    for slug in RESEARCH_SITES:
        roles = {(p.organisation.slug, p.role.slug) for p in site(slug).participations.all()}
        assert (slug, "research-subject") in roles
        assert not any(role == "lead" for _, role in roles), slug


def test_go_lab_studied_the_sites_its_articles_name_and_is_inferred_for_the_others():
    for slug in RESEARCH_SITES:
        statement = site(slug).participations.get(organisation__slug="government-outcomes-lab")
        assert statement.role.slug == "researcher"
        expected = "inferred" if slug in DECK_ONLY else "research"
        assert statement.provenance == expected, slug


def test_the_slide_deck_is_not_given_a_title_or_author_its_text_lacks():
    deck = Source.objects.get(slug="slide-deck-ten-research-subjects")
    assert deck.author == ""
    assert "Rallying" not in deck.title
    assert "no title, author or date" in deck.details_note
    paper = Source.objects.get(slug="collaborate-collaborative-capacity")
    assert paper.publisher == ""
    assert "UNDP" in paper.details_note


def test_twelve_framework_themes_in_four_strands_of_three():
    assert FrameworkStrand.objects.count() == 4
    assert FrameworkTheme.objects.count() == 12
    for strand in FrameworkStrand.objects.all():
        assert strand.themes.count() == 3, strand.slug


def test_framework_examples_are_published_and_tagged_with_a_theme():
    examples = Site.objects.filter(kind=Site.Kind.FRAMEWORK_EXAMPLE)
    assert examples.count() >= 30
    for example in examples:
        assert example.status == Site.Status.PUBLISHED
        assert example.theme_facts.exists(), example.slug
        assert example.summary


def test_councils_named_after_the_network_are_not_called_its_members():
    network = site("co-operative-councils-innovation-network")
    councils = network.participations.filter(organisation__slug__in=["oldham-council"])
    assert {p.role.slug for p in councils} == {"named"}
    assert "without saying that they are its members" in councils.get().note


def test_project_oracles_two_host_names_are_a_disagreement_not_an_alias():
    oracle = site("project-oracle")
    hosts = oracle.participations.filter(
        organisation__slug__in=["social-innovation-hub", "social-innovation-partnership"]
    )
    assert {p.status for p in hosts} == {"disputed"}
    assert not Organisation.objects.get(slug="social-innovation-hub").aliases.exists()
    supporters = {p.organisation.slug for p in oracle.participations.filter(role__slug="supporter")}
    assert "economic-and-social-research-council" in supporters


def test_names_the_paper_does_not_give_are_flagged_as_the_catalogues():
    for slug in (
        "peterborough-reoffending-partnership",
        "commissioning-readiness-study",
        "collaboration-and-social-innovation-festival",
        "sunderland-community-leadership",
        "leeds-civic-enterprise",
    ):
        name = site(slug).field_statements.get(field="name")
        assert name.note and name.provenance == "inferred", slug


def test_the_study_period_caveat_criteria_and_figures_are_findings_with_passages():
    texts = " ".join(Finding.objects.values_list("text", flat=True))
    for words in (
        "From autumn 2018 to early 2019",
        "not comprehensive, nor does it outline a blueprint",
        "Intending to deliver better impact/outcomes",
        "£15.3 billion",
        "£14.4 billion",
        "around 60 per",
        "around 90 per",
        "Measures were used to learn, not punish",
        "Systematically tracking inputs, activities and outputs",
    ):
        assert words in texts, words
    for finding in Finding.objects.all():
        assert finding.references.exists(), finding.slug


def text_values(model):
    fields = [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and field.name not in {"slug", "seed_file"}
    ]
    for row in model.objects.values(*fields):
        yield from ((name, value) for name, value in row.items() if value)


def test_no_loaded_text_speaks_of_seeds_files_or_field_names():
    from django.apps import apps

    found = []
    for app in ("collaborations", "accountability"):
        for model in apps.get_app_config(app).get_models():
            for name, value in text_values(model):
                if isinstance(value, str) and INTERNAL.search(value):
                    found.append(f"{model.__name__}.{name}: {value[:80]}")
    assert not found, "\n".join(found)


def test_derived_columns_are_refreshed_after_loading():
    wlz = site("west-london-zone")
    assert wlz.fact_count > 10 and wlz.referenced_fact_count == wlz.fact_count
    assert "west london zone" in wlz.search_document
