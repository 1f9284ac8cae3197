"""Home, typologies, drivers, framework, accountability, organisations and about."""

import datetime

import pytest

from accountability.models import AccountabilityApproach
from collaborations.models import Site
from tests.factories import (
    AccountabilityApproachFactory,
    AccountabilityLineFactory,
    ChallengeFactory,
    DriverFactory,
    FrameworkThemeFactory,
    FundingTypeFactory,
    GovernanceModeFactory,
    MeasurementApproachFactory,
    MeasurementCodingFactory,
    OpenQuestionFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    PartnerTypeFactory,
    SiteAccountabilityApproachFactory,
    SiteDriverFactory,
    SiteFactory,
    SiteFrameworkThemeFactory,
    SiteFundingFactory,
    SiteOrganisationFactory,
    SourceFactory,
    TypologyCodingFactory,
    TypologyFactory,
    build_large_catalogue,
)

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/typologies/",
    "/drivers/",
    "/framework/",
    "/accountability/",
    "/about/",
    "/study/",
    "/sources/",
    "/codebook/",
    "/downloads/",
    "/api/docs/",
    "/compare/",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_have_one_h1_and_the_landmarks(client, url):
    html = client.get(url).content.decode()
    assert html.count("<h1") == 1
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert 'class="skip-link" href="#main"' in html


@pytest.mark.parametrize(
    "url",
    PAGES + ["/typologies/typology-x/", "/organisations/org-x/", "/sites/site-x/"],
)
def test_every_page_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, url):
    build_large_catalogue(300)
    TypologyFactory(slug="typology-x")
    OrganisationFactory(slug="org-x")
    SiteFactory(slug="site-x")
    with django_assert_max_num_queries(30):
        assert client.get(url).status_code == 200


def test_home_counts_published_sites_by_typology_funding_and_driver(client):
    councils = TypologyFactory(name="Collaborative councils", slug="councils")
    grant = FundingTypeFactory(name="Grant funding", slug="grant")
    trust = DriverFactory(name="Trust and empowerment", slug="trust")
    for status in (Site.Status.PUBLISHED, Site.Status.PUBLISHED, Site.Status.DRAFT):
        site = SiteFactory(status=status)
        TypologyCodingFactory(site=site, typology=councils)
        SiteFundingFactory(site=site, funding_type=grant)
        SiteDriverFactory(site=site, driver=trust)
    response = client.get("/")
    charts = {chart.slug: chart for chart in response.context["charts"]}
    assert [(b.label, b.count) for b in charts["typology"].bars] == [("Collaborative councils", 2)]
    assert [(b.label, b.count) for b in charts["funding"].bars] == [("Grant funding", 2)]
    assert [(b.label, b.count) for b in charts["driver"].bars] == [("Trust and empowerment", 2)]
    html = response.content.decode()
    # Each chart is a table: the numbers are the text equivalent of the bars.
    assert html.count('<table class="bar-table">') == 3
    assert 'href="/sites/?typology=councils"' in html


def test_typology_pages_show_mode_partners_and_sites(client):
    mode = GovernanceModeFactory(name="Lead organisation governed")
    councils = TypologyFactory(
        slug="councils",
        name="Collaborative councils",
        governance_mode=mode,
        characteristics="Whole-council programmes of change",
    )
    from collaborations.models import TypologyPartner

    TypologyPartner.objects.create(
        typology=councils,
        partner_type=PartnerTypeFactory(name="Residents"),
        source=SourceFactory(),
    )
    TypologyFactory(slug="not-classified", name="Not classified", is_classification=False)
    oldham = SiteFactory(name="Oldham")
    TypologyCodingFactory(site=oldham, typology=councils)
    somerset = SiteFactory(name="Somerset")
    TypologyCodingFactory(site=somerset, typology=TypologyFactory(), rank="preferred")
    TypologyCodingFactory(site=somerset, typology=councils, rank="normal")
    listing = client.get("/typologies/").content.decode()
    assert "Collaborative councils" in listing and "Not classified" in listing
    assert "Lead organisation governed" in listing and "Residents" in listing
    detail = client.get("/typologies/councils/")
    html = detail.content.decode()
    assert [c.site.name for c in detail.context["current_codings"]] == ["Oldham"]
    assert "Whole-council programmes of change" in html
    assert "Other statements filing sites under this type" in html and "Somerset" in html
    assert client.get("/typologies/nope/").status_code == 404


def test_drivers_page_counts_sites_per_driver_and_type_with_links_to_them(client):
    trust, outcomes = DriverFactory(name="Trust"), DriverFactory(name="Outcomes")
    councils, markets = TypologyFactory(name="Councils"), TypologyFactory(name="Markets")
    a, b, untyped = SiteFactory(name="A"), SiteFactory(name="B"), SiteFactory(name="C")
    TypologyCodingFactory(site=a, typology=councils)
    TypologyCodingFactory(site=b, typology=markets)
    for site, driver in [(a, trust), (a, outcomes), (b, trust), (untyped, trust)]:
        SiteDriverFactory(site=site, driver=driver)
    draft = SiteFactory(name="Draft", status=Site.Status.DRAFT)
    SiteDriverFactory(site=draft, driver=outcomes)
    response = client.get("/drivers/")
    html = response.content.decode()
    drivers = {d.name: d for d in response.context["drivers"]}
    assert drivers["Trust"].total.count == 3 and drivers["Outcomes"].total.count == 1
    assert [c.count for c in drivers["Trust"].cells] == [1, 1]
    assert [c.count for c in drivers["Outcomes"].cells] == [1, 0]
    link = f"/sites/?driver={trust.slug}&amp;typology={markets.slug}"
    assert f'<a href="{link}">1</a>' in html
    assert "Draft" not in html and 'class="sticky-col"' in html


def test_drivers_page_shows_no_empty_table_when_no_site_names_a_driver(client):
    DriverFactory(name="Trust")
    SiteFactory(name="A")
    html = client.get("/drivers/").content.decode()
    assert "Trust" in html and "<table" not in html
    assert "(0 sites)" not in html  # no row of zeros beside each driver
    assert "No published site has drivers recorded yet" in html


def test_framework_lists_strands_themes_and_examples(client):
    theme = FrameworkThemeFactory(name="Insight", strand__name="Outcomes")
    example = SiteFactory(name="Participle", kind=Site.Kind.FRAMEWORK_EXAMPLE)
    SiteFrameworkThemeFactory(site=example, theme=theme)
    html = client.get("/framework/").content.decode()
    assert "Outcomes" in html and "Insight" in html and "Participle" in html


def test_accountability_page_links_ideas_to_sites(client):
    results = AccountabilityApproachFactory(name="Results", slug="results")
    site = SiteFactory(name="Oldham")
    SiteAccountabilityApproachFactory(site=site, approach=results)
    wlz = SiteFactory(name="West London Zone")
    data = MeasurementApproachFactory(name="Data driven", exemplar=wlz)
    MeasurementCodingFactory(site=wlz, approach=data)
    AccountabilityLineFactory(
        site=site, line_type__name="The elected council", detail="You said, we did"
    )
    ChallengeFactory(name="Attribution", family__name="Complex social problems")
    OpenQuestionFactory(name="Governance without hierarchy")
    html = client.get("/accountability/").content.decode()
    for text in (
        "Results",
        "Oldham",
        "Data driven",
        "West London Zone",
        "You said, we did",
        "Complex social problems",
        "Attribution",
        "Governance without hierarchy",
    ):
        assert text in html, text
    assert AccountabilityApproach.objects.count() == 1


def test_an_idea_no_site_illustrates_shows_no_empty_list_of_sites(client):
    AccountabilityApproachFactory(name="Narratives", slug="narratives")
    html = client.get("/accountability/").content.decode()
    assert "Narratives" in html
    assert "Sites that illustrate it" not in html and "recorded with it yet" not in html


def test_organisation_page_lists_published_sites_by_role(client):
    org = OrganisationFactory(slug="golab", name="Government Outcomes Lab")
    researcher = OrganisationRoleFactory(name="Researcher")
    SiteOrganisationFactory(organisation=org, role=researcher, site__name="Oldham")
    SiteOrganisationFactory(
        organisation=org, role=researcher, site__name="Hidden", site__status=Site.Status.DRAFT
    )
    html = client.get("/organisations/golab/").content.decode()
    assert "Government Outcomes Lab" in html and "Researcher" in html and "Oldham" in html
    assert "Hidden" not in html
    assert client.get("/organisations/nope/").status_code == 404


def test_about_says_what_and_who_and_links_each_page_about_the_catalogue(client):
    html = client.get("/about/").content.decode()
    assert "CC BY 4.0" in html and "the project’s own choice" in html
    assert "remains the copyright of those documents’ authors" in html
    assert 'href="/submit/"' in html
    for page in ("/sources/", "/codebook/", "/downloads/", "/api/docs/"):
        assert f'href="{page}"' in html
    # The codebook lives on its own page: the about page stays short.
    assert "<code>study_depth</code>" not in html
    assert len(html) < 20_000


def test_sources_page_anchors_each_source_with_its_date_in_one_format(client):
    SourceFactory(
        slug="golab-slides",
        title="Are we Rallying Together? slides",
        published_on=datetime.date(2019, 7, 23),
        date_text="July, 23 2019",
        seed_file="003_00c31a9d5c105702.txt",
    )
    html = client.get("/sources/").content.decode()
    assert 'id="source-golab-slides"' in html
    assert "23 July 2019" in html and "July, 23 2019" not in html
    assert "003_00c31a9d5c105702" not in html  # readers never see file names


def test_codebook_defines_every_field_and_every_reference_value(client):
    DriverFactory(name="Systemic working", description="Working across the whole system")
    html = client.get("/codebook/").content.decode()
    assert "<code>study_depth</code>" in html and "<code>facts_with_reference</code>" in html
    assert "Systemic working" in html and "Working across the whole system" in html
    assert 'id="codebook-driver"' in html
    assert "approachs" not in html.lower()


def test_downloads_links_the_whole_catalogue_and_the_codebook(client):
    html = client.get("/downloads/").content.decode()
    assert 'href="/api/v1/sites/export.csv"' in html
    assert 'href="/api/v1/sites/export.json"' in html
    assert 'href="/codebook/"' in html


def test_the_singular_typology_address_leads_to_the_typology_diagram(client):
    response = client.get("/typology/")
    assert response.status_code == 302 and response["Location"] == "/typologies/"


def test_favicon_is_served_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"


def test_robots_txt_lets_the_public_pages_be_indexed_and_keeps_private_ones_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /admin/", "Disallow: /moderation/", "Disallow: /accounts/"} <= set(lines)
    assert not any(line in {"Disallow: /", "Disallow: /sites/"} for line in lines)


def test_unknown_address_is_the_styled_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_an_organisation_known_only_from_unpublished_sites_is_not_public(client):
    from collaborations.submissions.organisations import site_organisations_publish

    org = OrganisationFactory(slug="draft-only-org", is_public=False)
    SiteOrganisationFactory(organisation=org, site__status="submitted")
    assert client.get("/organisations/draft-only-org/").status_code == 404
    published = SiteOrganisationFactory(organisation=org, site__status="published")
    site_organisations_publish(published.site)
    assert client.get("/organisations/draft-only-org/").status_code == 200


def test_renaming_a_driver_shows_at_once_although_its_counts_are_cached(client):
    driver = DriverFactory(name="Trust")
    SiteDriverFactory(site=SiteFactory(), driver=driver)
    for url in ("/drivers/", "/sites/", "/"):
        assert "Trust" in client.get(url).content.decode()
    driver.name = "Trust and empowerment"
    driver.save()
    for url in ("/drivers/", "/sites/", "/"):
        assert "Trust and empowerment" in client.get(url).content.decode()


def test_home_charts_say_what_they_count_and_an_empty_chart_is_not_shown(client):
    councils = TypologyFactory(name="Collaborative councils")
    TypologyCodingFactory(site=SiteFactory(), typology=councils)
    SiteFactory()  # a site with no type: left out, and said to be
    DriverFactory(name="Systemic working")  # no site names a driver
    html = client.get("/").content.decode()
    assert (
        "<strong>1 of 2</strong> published sites have a type stated; the other 1 are left out"
        in (html)
    )
    assert "Sites by type of collaboration" in html
    assert "Sites by driver" not in html


def test_a_kind_with_no_published_site_is_not_a_link_to_an_empty_list(client):
    SiteFactory(kind=Site.Kind.RESEARCH_SITE)
    html = client.get("/").content.decode()
    assert 'href="/sites/?kind=research-site"' in html
    assert 'href="/sites/?kind=practitioner-submission"' not in html
    assert 'Practitioner submission <span class="muted">(none published yet)</span>' in html


def test_the_type_chart_counts_not_classified_as_left_out_not_as_a_type(client):
    councils = TypologyFactory(name="Collaborative councils")
    placeholder = TypologyFactory(
        name="Not classified", slug="not-classified", is_classification=False
    )
    TypologyCodingFactory(site=SiteFactory(), typology=councils)
    TypologyCodingFactory(site=SiteFactory(), typology=placeholder)
    SiteFactory()
    response = client.get("/")
    chart = {chart.slug: chart for chart in response.context["charts"]}["typology"]
    assert [(bar.label, bar.count) for bar in chart.bars] == [("Collaborative councils", 1)]
    assert (
        "<strong>1 of 3</strong> published sites have a type stated; the other 2 are left out"
        ' (1 of them recorded as “<a href="/sites/?typology=not-classified">Not classified</a>”).'
    ) in response.content.decode()


def test_typology_diagram_sets_types_beside_the_three_modes_without_linking_them(client):
    for name in ("Self-governed network", "Governed by a lead member organisation"):
        GovernanceModeFactory(name=name)
    TypologyFactory(name="Agents of change", governance_mode=None)
    html = client.get("/typologies/").content.decode()
    assert "Self-governed network" in html and "Governed by a lead member organisation" in html
    assert "no document maps a type to a mode" in html
    assert "Agents of change" in html


def test_framework_cycle_lists_strands_in_order_with_theme_example_counts(client):
    insight = FrameworkThemeFactory(name="Insight", strand__name="Outcomes", strand__position=1)
    FrameworkThemeFactory(name="Risk", strand__name="Alignment", strand__position=2)
    for _ in range(3):
        SiteFrameworkThemeFactory(site=SiteFactory(kind=Site.Kind.FRAMEWORK_EXAMPLE), theme=insight)
    html = client.get("/framework/").content.decode()
    cycle = html[html.index('class="cycle-figure"') : html.index("</figure>")]
    assert cycle.index("Outcomes") < cycle.index("Alignment")
    assert "3 examples" in cycle and "0 examples" in cycle
    assert "Outcomes → Alignment → back to Outcomes" in cycle
