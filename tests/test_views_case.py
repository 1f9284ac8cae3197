"""The case page: every fact grouped with its citation, disagreements, related sites,
citing the page, and the 404s."""

import pytest

from collaborations.models import Site
from tests.factories import (
    AccountabilityLineFactory,
    DriverFactory,
    FieldStatementFactory,
    FundingTypeFactory,
    IndicatorFactory,
    MeasurementCodingFactory,
    OrganisationRoleFactory,
    QuoteFactory,
    SiteAliasFactory,
    SiteDriverFactory,
    SiteFactory,
    SiteFundingFactory,
    SiteOrganisationFactory,
    SitePartnerFactory,
    SitePracticeFactory,
    SourceFactory,
    TypologyCodingFactory,
    TypologyFactory,
    build_large_catalogue,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def slides():
    return SourceFactory(slug="golab-slides", short_title="GO Lab slides")


@pytest.fixture
def wlz(slides):
    site = SiteFactory(slug="west-london-zone", name="West London Zone", locality="London")
    SiteAliasFactory(site=site, name="WLZ", source=slides, locator="Research Subjects")
    FieldStatementFactory(site=site, field="locality", source=slides, locator="Research Subjects")
    SiteFundingFactory(
        site=site,
        funding_type=FundingTypeFactory(slug="social-investment", name="Social investment"),
        source=slides,
        locator="Research Subjects (Funding column)",
    )
    SitePartnerFactory(site=site, partner_type__name="Social investors", source=slides)
    SitePracticeFactory(site=site, practice__name="Shared IT systems", source=slides)
    MeasurementCodingFactory(site=site, approach__name="Data driven", source=slides)
    AccountabilityLineFactory(
        site=site, line_type__name="Funders and commissioners", detail="Quarterly reports"
    )
    IndicatorFactory(site=site, name="School attendance")
    QuoteFactory(site=site, text="We measure what matters", speaker="A. Person")
    SiteOrganisationFactory(
        site=site,
        role=OrganisationRoleFactory(slug="lead", name="Lead"),
        organisation__name="West London Zone charity",
        organisation__slug="wlz-charity",
    )
    return site


def test_case_page_shows_every_group_with_citations(client, wlz):
    response = client.get("/sites/west-london-zone/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    for heading in (
        "Who and where",
        "Funding",
        "Partners",
        "How: ingredients, practices, leadership",
        "Accountability and measurement",
        "Quotes",
        "Related sites",
        "Cite this page",
    ):
        assert f">{heading}</h2>" in html, heading
    for fact in (
        "WLZ",
        "Social investment",
        "Social investors",
        "Shared IT systems",
        "Data driven",
        "Quarterly reports",
        "School attendance",
        "We measure what matters",
        "West London Zone charity",
    ):
        assert fact in html, fact
    assert "<summary>Source: GO Lab slides, Research Subjects (Funding column)</summary>" in html
    assert 'href="/organisations/wlz-charity/"' in html


def test_fact_values_link_to_the_browse_page_filtered_by_them(client, wlz):
    html = client.get("/sites/west-london-zone/").content.decode()
    assert 'href="/sites/?funding=social-investment"' in html
    assert 'href="/sites/?kind=research-site"' in html


def test_silent_groups_fold_into_one_not_stated_line(client):
    SiteFactory(slug="bare", name="Bare site")
    html = client.get("/sites/bare/").content.decode()
    assert ">Funding</h2>" not in html and ">Quotes</h2>" not in html
    assert html.count("<strong>Not stated in the sources:</strong>") == 1
    assert (
        "<strong>Not stated in the sources:</strong> lead organisation, place, nation or "
        "region, local authority, who initiated it, start year"
    ) in html
    assert "funding, key drivers, justifications, partner types" in html


def test_stated_facts_come_first_and_the_silent_ones_after_them(client, wlz):
    html = client.get("/sites/west-london-zone/").content.decode()
    line = html.index('id="not-stated"')
    assert html.index(">Funding</h2>") < line and html.index(">Quotes</h2>") < line
    assert ">Why: drivers and justifications</h2>" not in html
    not_stated = html[line : html.index("</section>", line)]
    assert "type of collaboration" in not_stated and "key drivers" in not_stated
    assert "funding" not in not_stated.split("</strong>")[1].split(".")[0].split(", ")


def test_the_page_opens_with_sentences_from_the_stated_facts(client, wlz, slides):
    coding = TypologyCodingFactory(
        site=wlz, typology=TypologyFactory(name="System connectors"), source=slides
    )
    wlz.typology_codings.exclude(pk=coding.pk).delete()
    html = client.get("/sites/west-london-zone/").content.decode()
    brief = html[html.index('id="brief-heading"') : html.index("</section>")]
    assert "The sources place it in London." in brief
    assert "The catalogue files it under the type “System connectors”." in brief
    assert "Funding stated: social investment." in brief
    assert "Partner types named for it: social investors." in brief
    assert "Organisations named: West London Zone charity (lead)." in brief
    assert "Measurement approach stated: data driven." in brief
    # Nothing the sources do not state: no start year, no scope, no drivers.
    assert "start year" not in brief.split("The sources state")[0]
    assert "scope" not in brief and "driver" not in brief


def test_the_brief_of_a_site_no_document_types_does_not_call_not_classified_a_type(
    client, wlz, slides
):
    placeholder = TypologyFactory(name="Not classified", is_classification=False)
    coding = TypologyCodingFactory(site=wlz, typology=placeholder, source=slides)
    wlz.typology_codings.exclude(pk=coding.pk).delete()
    html = client.get("/sites/west-london-zone/").content.decode()
    brief = html[html.index('id="brief-heading"') : html.index("</section>")]
    assert "No document places it in one of the report’s four types." in brief
    assert "under the type" not in brief


def test_explicit_none_for_funding_is_shown_with_its_citation(client, slides):
    site = SiteFactory(slug="oldham")
    SiteFundingFactory(
        site=site,
        funding_type=FundingTypeFactory(slug="none", name="None"),
        source=slides,
        locator="Research Subjects (Funding column)",
    )
    html = client.get("/sites/oldham/").content.decode()
    assert '<a href="/sites/?funding=none">None</a>' in html
    assert "<summary>Source: GO Lab slides, Research Subjects (Funding column)</summary>" in html


def test_disagreeing_typology_codings_are_noted_with_the_current_one(client, slides):
    site = SiteFactory(slug="somerset", name="Somerset Richmond Group")
    connector = TypologyFactory(slug="system-connectors", name="System connectors")
    market = TypologyFactory(slug="collaborative-markets", name="Collaborative markets")
    TypologyCodingFactory(site=site, typology=connector, rank="preferred", source=slides)
    TypologyCodingFactory(
        site=site,
        typology=market,
        rank="normal",
        source=SourceFactory(short_title="Article 2019"),
        note="Names Doing the Right Thing instead",
    )
    html = client.get("/sites/somerset/").content.decode()
    assert "Sources disagree about this site’s type" in html
    assert "files the site under “System connectors”" in html
    assert "Collaborative markets" in html and "Names Doing the Right Thing instead" in html
    assert "according to Article 2019" in html


def test_agreeing_codings_are_not_called_a_disagreement(client, slides):
    site = SiteFactory(slug="oldham")
    councils = TypologyFactory(name="Collaborative councils")
    TypologyCodingFactory(site=site, typology=councils, rank="preferred", source=slides)
    TypologyCodingFactory(site=site, typology=councils, rank="normal")
    html = client.get("/sites/oldham/").content.decode()
    assert "Other sources agree" in html
    assert "disagree" not in html


def test_related_sites_are_ranked_by_shared_type_and_drivers(client):
    councils, markets = TypologyFactory(), TypologyFactory()
    trust, outcomes, evidence = DriverFactory(), DriverFactory(), DriverFactory()
    site = SiteFactory(slug="me", name="Me")
    TypologyCodingFactory(site=site, typology=councils)
    for driver in (trust, outcomes, evidence):
        SiteDriverFactory(site=site, driver=driver)
    same_type_one_driver = SiteFactory(name="A same type, one driver")
    TypologyCodingFactory(site=same_type_one_driver, typology=councils)
    SiteDriverFactory(site=same_type_one_driver, driver=trust)
    other_type_two_drivers = SiteFactory(name="B other type, two drivers")
    TypologyCodingFactory(site=other_type_two_drivers, typology=markets)
    SiteDriverFactory(site=other_type_two_drivers, driver=trust)
    SiteDriverFactory(site=other_type_two_drivers, driver=outcomes)
    unrelated = SiteFactory(name="C unrelated")
    TypologyCodingFactory(site=unrelated, typology=markets)
    draft = SiteFactory(name="D draft", status=Site.Status.DRAFT)
    TypologyCodingFactory(site=draft, typology=councils)
    related = client.get("/sites/me/").context["related"]
    assert [r.site.name for r in related] == [
        "A same type, one driver",
        "B other type, two drivers",
    ]
    assert related[0].because == "same type, a shared driver"
    assert related[1].because == "2 shared drivers"


def test_cite_this_page_in_plain_text_and_bibtex_with_api_link_and_date(client, wlz):
    html = client.get("/sites/west-london-zone/").content.decode()
    assert "Rallying catalogue (" in html and "‘West London Zone’" in html
    assert "@misc{rallying_west_london_zone_" in html
    assert "/sites/west-london-zone/" in html
    assert 'href="/api/v1/sites/west-london-zone/"' in html
    assert "Last updated" in html


def test_compare_with_form_offers_related_and_other_sites(client, wlz):
    SiteFactory(slug="oldham", name="Oldham")
    html = client.get("/sites/west-london-zone/").content.decode()
    assert 'name="sites" value="west-london-zone"' in html
    assert '<option value="oldham">Oldham</option>' in html


def test_self_reported_sites_say_so(client):
    SiteFactory(slug="mine", kind=Site.Kind.PRACTITIONER_SUBMISSION)
    html = client.get("/sites/mine/").content.decode()
    assert "Self-reported" in html
    assert "reported by a practitioner" in html


def test_submission_panel_is_included(client, wlz):
    response = client.get("/sites/west-london-zone/")
    names = [t.name for t in response.templates]
    assert "submissions/includes/case_page_panel.html" in names


@pytest.mark.parametrize("status", [Site.Status.DRAFT, Site.Status.SUBMITTED, Site.Status.REJECTED])
def test_unpublished_sites_are_a_404(client, status):
    SiteFactory(slug="hidden", status=status)
    response = client.get("/sites/hidden/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_unknown_slug_is_the_styled_404(client):
    response = client.get("/sites/no-such-site/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "/static/rallying/site.css" in html and "Page not found" in html


def test_case_page_query_count_is_bounded(client, django_assert_max_num_queries):
    build_large_catalogue(300)
    with django_assert_max_num_queries(32):  # the related sites' grouped counts included
        response = client.get("/sites/bulk-site-0007/")
    assert response.status_code == 200
    with django_assert_max_num_queries(5):  # the body is kept under the catalogue version
        again = client.get("/sites/bulk-site-0007/")
    assert again.content == response.content


def test_related_sites_by_type_alone_when_no_site_names_a_driver(client):
    connectors = TypologyFactory()
    for slug in ("somerset", "wlz"):
        TypologyCodingFactory(site=SiteFactory(slug=slug, name=slug), typology=connectors)
    related = client.get("/sites/somerset/").context["related"]
    assert [r.site.slug for r in related] == ["wlz"]
    assert related[0].because == "same type"


def test_related_sites_by_drivers_alone_when_the_site_has_no_type(client):
    trust = DriverFactory()
    for slug in ("a", "b"):
        SiteDriverFactory(site=SiteFactory(slug=slug, name=slug), driver=trust)
    related = client.get("/sites/a/").context["related"]
    assert [r.site.slug for r in related] == ["b"]


def test_related_sites_by_organisation_theme_and_funding_not_by_who_studied_them(client):
    from tests.factories import (
        FrameworkThemeFactory,
        OrganisationFactory,
        OrganisationRoleFactory,
        SiteFrameworkThemeFactory,
        SiteFundingFactory,
        SiteOrganisationFactory,
    )

    partner = OrganisationRoleFactory(slug="partner", name="Partner")
    researcher = OrganisationRoleFactory(slug="researcher", name="Researcher")
    network, golab = OrganisationFactory(), OrganisationFactory()
    insight = FrameworkThemeFactory()
    me, ally, studied_too = (SiteFactory(slug=s, name=s) for s in ("me", "ally", "studied"))
    for site in (me, ally):
        SiteOrganisationFactory(site=site, organisation=network, role=partner)
        SiteFrameworkThemeFactory(site=site, theme=insight)
    for site in (me, studied_too):
        SiteOrganisationFactory(site=site, organisation=golab, role=researcher)
    funding = SiteFundingFactory(site=me).funding_type
    SiteFundingFactory(site=ally, funding_type=funding)
    related = client.get("/sites/me/").context["related"]
    assert [r.site.slug for r in related] == ["ally"]
    assert related[0].because == (
        "a shared organisation, a shared framework theme, the same funding type"
    )


def test_a_case_page_shows_a_fact_added_after_it_was_cached(client):
    """The page's sections are cached per catalogue version: a new fact moves the version,
    so the page a reader sees next states it with its citation."""
    from tests.factories import FundingTypeFactory, SiteFundingFactory

    site = SiteFactory(slug="cached", name="Cached Site")
    assert "Pooled budget" not in client.get("/sites/cached/").content.decode()
    SiteFundingFactory(site=site, funding_type=FundingTypeFactory(name="Pooled budget"))
    html = client.get("/sites/cached/").content.decode()
    assert 'id="funding"' in html and "Pooled budget" in html
