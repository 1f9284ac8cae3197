"""The researcher pages in real headless Chromium: what a reader sees and does, with
axe-core checking every page and screenshots at 1280 and 360 px in shots/."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from collaborations.changelog.catalogue import catalogue_revisions_record
from collaborations.models import Passage, Reference, Site, TypologyPartner
from places.models import Place
from tests.factories import (
    AccountabilityApproachFactory,
    AccountabilityLineFactory,
    ChallengeFactory,
    DriverFactory,
    FieldStatementFactory,
    FrameworkThemeFactory,
    FundingTypeFactory,
    GovernanceModeFactory,
    IndicatorFactory,
    MeasurementApproachFactory,
    MeasurementCodingFactory,
    OpenQuestionFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    PartnerTypeFactory,
    PracticeFactory,
    QuoteFactory,
    RegionFactory,
    SiteAccountabilityApproachFactory,
    SiteAliasFactory,
    SiteDriverFactory,
    SiteFactory,
    SiteFrameworkThemeFactory,
    SiteFundingFactory,
    SiteOrganisationFactory,
    SitePartnerFactory,
    SitePracticeFactory,
    SourceFactory,
    StudyDepthFactory,
    TypologyCodingFactory,
    TypologyFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tests" / "vendor" / "axe.min.js"
SHOTS = ROOT / "shots"
WIDTHS = (1280, 360)


def build_catalogue():
    """A small catalogue shaped like the seed one: types, funding, drivers, partners..."""
    slides = SourceFactory(
        slug="golab-slides",
        title="Are we Rallying Together? (slides)",
        short_title="GO Lab research slides",
    )
    summary = SourceFactory(
        slug="golab-summary",
        title="Are we Rallying Together? (summary)",
        short_title="GO Lab summary",
    )
    mode = GovernanceModeFactory(name="Lead organisation governed")
    types = {
        slug: TypologyFactory(
            slug=slug,
            name=name,
            governance_mode=mode,
            source=slides,
            locator="Different models of collaboration",
        )
        for slug, name in [
            ("collaborative-councils", "Collaborative councils"),
            ("collaborative-markets", "Collaborative markets"),
            ("agents-of-change", "Agents of change"),
            ("system-connectors", "System connectors"),
        ]
    }
    grant = FundingTypeFactory(slug="grant-funding", name="Grant funding")
    contracts = FundingTypeFactory(slug="service-contracts", name="Service contracts")
    drivers = [
        DriverFactory(name=name)
        for name in (
            "Systemic working",
            "Focus on outcomes",
            "Trust and empowerment",
            "Evidence-led",
        )
    ]
    residents = PartnerTypeFactory(name="Residents")
    nhs = PartnerTypeFactory(name="NHS")
    TypologyPartner.objects.create(
        typology=types["collaborative-councils"], partner_type=residents, source=slides
    )
    co_location = PracticeFactory(name="Co-location", ingredient__name="Infrastructure")
    depth = StudyDepthFactory(slug="deep-dive", name="Deep dive")
    london = RegionFactory(name="London")
    lead = OrganisationRoleFactory(slug="lead", name="Lead")
    results = AccountabilityApproachFactory(
        name="Results", description="Collaboratively defined targets"
    )
    data_driven = MeasurementApproachFactory(name="Data driven")
    sites = {}
    rows = [
        ("oldham-council", "Oldham Council", "collaborative-councils", [grant], drivers[:3]),
        ("wigan-council", "Wigan Council", "collaborative-councils", [grant], drivers[:2]),
        ("wirral-council", "Wirral Council", "collaborative-councils", [contracts], drivers[1:3]),
        ("plymouth-council", "Plymouth Council", "collaborative-markets", [contracts], drivers[2:]),
        ("golden-key", "Golden Key", "agents-of-change", [grant], drivers[:1]),
        ("west-london-zone", "West London Zone", "system-connectors", [grant, contracts], drivers),
    ]
    for slug, name, typology, fundings, site_drivers in rows:
        site = SiteFactory(
            slug=slug,
            name=name,
            locality=name.split()[0],
            summary=f"{name} works with residents and partners.",
            fact_count=70,
            referenced_fact_count=70,
            study_depth=depth,
        )
        FieldStatementFactory(site=site, field="scope", source=slides, locator="Research Subjects")
        TypologyCodingFactory(
            site=site,
            typology=types[typology],
            source=slides,
            locator="Different models of collaboration",
        )
        subject = Passage.objects.create(
            slug=f"subjects-{slug}",
            source=slides,
            locator="Research Subjects",
            excerpt=f"{name} Deep Dive Grant funding",
        )
        for funding in fundings:
            fact = SiteFundingFactory(
                site=site,
                funding_type=funding,
                source=slides,
                locator="Research Subjects (Funding column)",
            )
            Reference.objects.create(statement=fact, passage=subject, site=site)
        for driver in site_drivers:
            SiteDriverFactory(site=site, driver=driver, source=slides, locator="Key drivers")
        SitePartnerFactory(site=site, partner_type=residents, source=slides)
        SiteOrganisationFactory(
            site=site,
            role=lead,
            source=slides,
            organisation=OrganisationFactory(slug=f"{slug}-org", name=name),
        )
        sites[slug] = site
    wlz = sites["west-london-zone"]
    wlz.region = london
    wlz.save()
    SiteAliasFactory(
        site=wlz, name="WLZ", source=summary, locator="2. What do collaborations look like?"
    )
    SitePartnerFactory(site=wlz, partner_type=nhs, source=slides)
    SitePracticeFactory(
        site=wlz, practice=co_location, source=slides, detail="Link workers in schools"
    )
    SiteAccountabilityApproachFactory(site=wlz, approach=results, source=summary)
    MeasurementCodingFactory(site=wlz, approach=data_driven, source=slides)
    AccountabilityLineFactory(
        site=wlz,
        line_type__name="Funders and commissioners",
        detail="Outcomes-based payments",
        source=slides,
    )
    IndicatorFactory(site=wlz, name="Outcomes in four main areas", source=slides)
    QuoteFactory(
        site=wlz, text="We track every child's progress.", speaker="A. Researcher", source=summary
    )
    TypologyCodingFactory(
        site=sites["golden-key"],
        typology=types["system-connectors"],
        rank="normal",
        source=summary,
        note="The summary lists it differently.",
    )
    theme = FrameworkThemeFactory(name="Insight", strand__name="Outcomes")
    example = SiteFactory(slug="participle", name="Participle", kind=Site.Kind.FRAMEWORK_EXAMPLE)
    SiteFrameworkThemeFactory(site=example, theme=theme, source=summary)
    ChallengeFactory(name="Attribution", family__name="Complex social problems")
    OpenQuestionFactory(name="Governance without hierarchy")
    SiteFactory(slug="secret-draft", name="Secret draft", status=Site.Status.DRAFT)
    Place.objects.create(
        slug="oldham",
        name="Oldham",
        latitude="53.54051",
        longitude="-2.11830",
        gazetteer="GeoNames",
        gazetteer_id="2641022",
        gazetteer_url="https://www.geonames.org/2641022",
    )
    catalogue_revisions_record(list(Site.objects.all()))
    return sites


def axe_violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:3]})"
        for v in result["violations"]
    ]


def shoot(page, name):
    SHOTS.mkdir(exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)


def test_filter_the_browse_page_by_ticking_a_facet(live_server, page):
    build_catalogue()
    page.goto(f"{live_server.url}/sites/")
    assert page.locator("h1").inner_text() == "Browse sites"
    assert page.locator(".results > li").count() == 7
    assert page.get_by_text("Secret draft").count() == 0
    page.get_by_label("Collaborative councils").check()
    page.get_by_role("button", name="Apply filters").first.click()
    page.wait_for_url("**/sites/?*typology=collaborative-councils*")
    names = page.locator(".result-title").all_inner_texts()
    assert names == ["Oldham Council", "Wigan Council", "Wirral Council"]
    assert "Showing 1 to 3 of 3 matching sites" in page.locator(".result-count").inner_text()
    # The funding facet now counts within the chosen type; a chip removes the filter.
    funding = page.locator("details.facet", has_text="Funding")
    funding.locator("summary").click()
    assert funding.get_by_label("Grant funding").is_visible()
    assert "2" in funding.locator("label", has_text="Grant funding").inner_text()
    page.get_by_role("link", name="Remove Type of collaboration: Collaborative councils").click()
    assert page.locator(".results > li").count() == 7


def test_search_and_sort_from_the_keyboard(live_server, page):
    build_catalogue()
    page.goto(f"{live_server.url}/sites/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.get_by_label("Search names, aliases, summaries and facts").fill("zone")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=zone*")
    assert page.locator(".result-title").all_inner_texts() == ["West London Zone"]


def test_open_a_case_page_and_read_its_evidence(live_server, page):
    build_catalogue()
    page.goto(f"{live_server.url}/sites/")
    page.locator(".result-title").get_by_role("link", name="West London Zone").click()
    page.wait_for_url("**/sites/west-london-zone/")
    assert page.locator("h1").inner_text() == "West London Zone"
    assert "WLZ" in page.locator(".aliases").inner_text()
    funding = page.locator("#funding")
    assert "Grant funding" in funding.inner_text()
    # The evidence is one click away, without JavaScript: the passage, its source and place.
    evidence = funding.locator("details.references").first
    source = "Source: GO Lab research slides, Research Subjects (Funding column)"
    assert evidence.locator("summary").inner_text().strip() == source
    assert not evidence.locator("blockquote").is_visible()
    evidence.locator("summary").click()
    assert evidence.locator("blockquote").inner_text() == "West London Zone Deep Dive Grant funding"
    evidence.get_by_role("link", name="Are we Rallying Together? (slides)").click()
    page.wait_for_url("**/sources/golab-slides/#subjects-west-london-zone")
    assert "West London Zone" in page.locator("#subjects-west-london-zone").inner_text()
    page.go_back()
    assert "Not stated in the sources:" in page.locator("#not-stated").inner_text()
    assert "@misc{rallying_west_london_zone_" in page.locator("#cite").inner_text()
    # A fact value leads to the browse page filtered by it.
    page.locator("#funding").get_by_role("link", name="Grant funding").click()
    page.wait_for_url("**/sites/?funding=grant-funding")
    assert page.locator(".results > li").count() == 4


def test_compare_three_sites_ticked_on_the_browse_page(live_server, page):
    build_catalogue()
    page.goto(f"{live_server.url}/sites/")
    for name in ("Oldham Council", "Wigan Council", "Plymouth Council"):
        page.get_by_label(f"Compare {name}").check()
    page.get_by_role("button", name="Compare selected").first.click()
    page.wait_for_url("**/compare/?sites=*")
    assert page.locator("h1").inner_text() == "Compare 3 sites"
    headers = page.locator(".compare-table thead th").all_inner_texts()
    assert [h.split("\n")[0] for h in headers] == [
        "Oldham Council",
        "Plymouth Council",
        "Wigan Council",
    ]
    same = page.locator("tbody.compare-group-same")
    assert "Partner types" in same.inner_text()
    assert "Type of collaboration" in page.locator("tbody.compare-group-some").inner_text()
    page.get_by_role("link", name="Show only what differs").click()
    assert page.locator("tbody.compare-group-same").count() == 0
    # On a phone two sites still stand side by side.
    page.goto(page.url.replace("sites=wigan-council", "").replace("&&", "&"))
    page.set_viewport_size({"width": 360, "height": 800})
    cells = page.locator("tr.attr-values").first.locator("td")
    assert cells.count() == 2
    assert all(cells.nth(i).is_visible() for i in range(2))
    second = cells.nth(1).bounding_box()
    assert second["x"] + second["width"] <= 360


def test_on_a_phone_three_compared_sites_show_two_whole_columns(live_server, page):
    build_catalogue()
    page.set_viewport_size({"width": 360, "height": 800})
    sites = "sites=oldham-council&sites=golden-key&sites=west-london-zone"
    page.goto(f"{live_server.url}/compare/?{sites}")
    cells = page.locator("tr.attr-values").first.locator("td")
    assert cells.count() == 3
    first, second, third = (cells.nth(i).bounding_box() for i in range(3))
    assert first["x"] >= 0 and second["x"] + second["width"] <= 360  # two whole sites
    assert third["x"] >= 340  # the third a scroll away, not squeezed in


def test_ticked_sites_survive_a_move_to_another_page(live_server, page):
    build_catalogue()
    for i in range(30):
        SiteFactory(slug=f"extra-{i:02d}", name=f"Extra site {i:02d}")
    page.goto(f"{live_server.url}/sites/?ordering=name")
    page.get_by_label("Compare Extra site 00").check()
    page.get_by_role("button", name="Keep ticked sites").first.click()
    page.get_by_role("link", name="Next page").click()
    assert "1 site selected" in page.locator("#compare-tray").inner_text()
    page.get_by_label("Compare West London Zone").check()
    page.get_by_role("button", name="Compare selected").first.click()
    page.wait_for_url("**/compare/?sites=*")
    assert page.locator("h1").inner_text() == "Compare 2 sites"


PAGES = {
    "home": "/",
    "browse": "/sites/",
    "browse-filtered": "/sites/?typology=collaborative-councils&driver_match=all",
    "browse-error": "/sites/?driver=nonsense",
    "browse-bad-page": "/sites/?page=abc",
    "case": "/sites/west-london-zone/",
    "case-disagreement": "/sites/golden-key/",
    "case-framework": "/sites/participle/",
    "compare": "/compare/?sites=oldham-council&sites=golden-key&sites=west-london-zone",
    "compare-choose": "/compare/",
    "compare-one": "/compare/?sites=oldham-council",
    "organisation": "/organisations/west-london-zone-org/",
    "map": "/map/",
    "map-filtered": "/map/?typology=collaborative-councils",
    "typologies": "/typologies/",
    "typology": "/typologies/collaborative-councils/",
    "drivers": "/drivers/",
    "accountability": "/accountability/",
    "framework": "/framework/",
    "network": "/network/",
    "about": "/about/",
    "sources": "/sources/",
    "codebook": "/codebook/",
    "downloads": "/downloads/",
    "api-docs": "/api/docs/",
    "not-found": "/sites/secret-draft/",
    "changes": "/changes/",
    "revision": "/sites/west-london-zone/revisions/1/",
    "source": "/sources/golab-slides/",
    "releases": "/data/releases/",
    "submit": "/submit/",
    "login": "/accounts/login/",
    "signup": "/accounts/signup/",
    "password-reset": "/accounts/password-reset/",
    "lost-link": "/submissions/lost-link/",
    "study": "/study/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_axe_violations_at_either_width(live_server, page, name):
    build_catalogue()
    page.goto(f"{live_server.url}{PAGES[name]}")
    assert page.locator("h1").count() == 1
    assert_clean_and_fitting(page, name)


def assert_clean_and_fitting(page, name):
    """No axe-core violation and no sideways scrolling at either width; then screenshots."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        assert axe_violations(page) == [], f"{name} at {width}px"
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways at {width}px"
    shoot(page, name)


def test_a_release_page_has_no_axe_violations_and_fits_a_phone(
    live_server, page, settings, tmp_path
):
    """Its checksums are long: the table scrolls in its own region, not the page."""
    settings.RELEASES_DIR = tmp_path / "releases"
    build_catalogue()
    call_command("release", stdout=io.StringIO())
    page.goto(f"{live_server.url}/data/releases/1.0.0/")
    assert_clean_and_fitting(page, "release")


def test_on_a_phone_the_header_is_one_row_with_a_menu_that_opens(live_server, page):
    build_catalogue()
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{live_server.url}/sites/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 70
    assert not page.get_by_role("link", name="Typology").is_visible()
    page.get_by_text("Menu").click()
    page.get_by_role("link", name="Typology").click()
    page.wait_for_url("**/typologies/")
    # On a wide screen the links are in the header itself, and there is no menu button.
    page.set_viewport_size({"width": 1280, "height": 800})
    assert page.get_by_role("link", name="Drivers").is_visible()
    assert not page.get_by_text("Menu").is_visible()


def test_on_a_phone_the_filters_fold_and_the_first_result_is_near_the_top(live_server, page):
    build_catalogue()
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{live_server.url}/sites/")
    assert page.locator(".results > li").first.bounding_box()["y"] < 1000
    research = page.get_by_label("Research site")
    assert not research.is_visible()
    page.get_by_text("Show the filters").click()
    research.check()
    page.get_by_role("button", name="Apply filters").first.click()
    page.wait_for_url("**kind=research-site*")
    assert "1 active" in page.locator(".filters-fold > summary").inner_text()
    # On a wide screen the filters are always shown, with no button to open them.
    page.set_viewport_size({"width": 1280, "height": 800})
    assert page.get_by_label("Framework example").is_visible()
    assert not page.get_by_text("Show the filters").is_visible()
