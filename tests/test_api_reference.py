"""Reference endpoints: every row with slug, name, description and its published sites."""

import pytest

from collaborations.models import Site, Source, TypologyPartner
from tests import factories as f
from tests.test_api_queries import REFERENCE_ENDPOINTS
from tests.test_api_support import rich_site

pytestmark = pytest.mark.django_db

DRAFT = Site.Status.DRAFT


def rows_by_slug(client, endpoint):
    response = client.get(f"/api/v1/{endpoint}/")
    assert response.status_code == 200
    body = response.json()
    rows = body["results"] if isinstance(body, dict) else body  # organisations come in pages
    return {row["slug"]: row for row in rows}


@pytest.mark.parametrize("endpoint", REFERENCE_ENDPOINTS)
def test_every_reference_endpoint_lists_slug_name_description_and_site_count(client, endpoint):
    rich_site()
    rows = client.get(f"/api/v1/{endpoint}/").json()
    assert rows, endpoint
    for row in rows:
        assert {"slug", "name", "description", "site_count"} <= set(row)
        detail = client.get(f"/api/v1/{endpoint}/{row['slug']}/")
        assert detail.status_code == 200 and detail.json() == row


@pytest.mark.parametrize("endpoint", REFERENCE_ENDPOINTS)
def test_site_counts_agree_with_the_site_filters(client, endpoint):
    rich_site()
    rich_site(slug="wigan", status=DRAFT)
    for row in client.get(f"/api/v1/{endpoint}/").json():
        if row.get("sites_url"):
            assert client.get(row["sites_url"]).json()["count"] == row["site_count"], row["slug"]


def test_site_counts_count_published_sites_once_each(client):
    driver = f.DriverFactory(slug="trust")
    for status in (Site.Status.PUBLISHED, Site.Status.PUBLISHED, DRAFT, Site.Status.ARCHIVED):
        f.SiteDriverFactory(site=f.SiteFactory(status=status), driver=driver)
    f.DriverFactory(slug="unused")
    rows = rows_by_slug(client, "drivers")
    assert rows["trust"]["site_count"] == 2 and rows["unused"]["site_count"] == 0


def test_an_ingredient_counts_a_site_once_however_many_of_its_practices_it_uses(client):
    leadership = f.IngredientFactory(slug="leadership")
    site = f.SiteFactory()
    for slug in ("vision", "safe-space"):
        f.SitePracticeFactory(
            site=site, practice=f.PracticeFactory(slug=slug, ingredient=leadership)
        )
    ingredient = rows_by_slug(client, "ingredients")["leadership"]
    assert ingredient["site_count"] == 1
    assert [p["slug"] for p in ingredient["practices"]] == ["vision", "safe-space"]
    assert rows_by_slug(client, "practices")["vision"]["ingredient"]["slug"] == "leadership"


def test_a_typology_counts_current_codings_and_shows_its_mode_and_partners(client):
    mode = f.GovernanceModeFactory(slug="lead-organisation", description="Governed by a lead.")
    connector = f.TypologyFactory(
        slug="system-connectors", governance_mode=mode, characteristics="Networks."
    )
    nhs = f.PartnerTypeFactory(slug="nhs")
    TypologyPartner.objects.create(
        typology=connector, partner_type=nhs, source=f.SourceFactory(slug="deck"), locator="Table"
    )
    f.TypologyCodingFactory(typology=connector, rank="preferred")
    f.TypologyCodingFactory(typology=connector, rank="normal")
    row = rows_by_slug(client, "typologies")["system-connectors"]
    assert row["site_count"] == 1
    assert row["characteristics"] == "Networks."
    assert row["governance_mode"] == {
        "slug": "lead-organisation",
        "name": mode.name,
        "description": "Governed by a lead.",
    }
    [partner] = row["partner_types"]
    assert partner["slug"] == "nhs" and partner["citation"]["source"]["slug"] == "deck"


def test_strands_list_their_themes_and_themes_their_strand(client):
    strand = f.FrameworkStrandFactory(slug="accountability")
    for slug in ("transparency", "evidence"):
        f.FrameworkThemeFactory(slug=slug, strand=strand)
    assert [
        t["slug"] for t in rows_by_slug(client, "framework-strands")["accountability"]["themes"]
    ] == [
        "transparency",
        "evidence",
    ]
    assert (
        rows_by_slug(client, "framework-themes")["evidence"]["strand"]["slug"] == "accountability"
    )


def test_a_measurement_approach_names_its_published_exemplar_only(client):
    f.MeasurementApproachFactory(slug="data-driven", exemplar=f.SiteFactory(slug="wlz"))
    f.MeasurementApproachFactory(
        slug="experimental", exemplar=f.SiteFactory(slug="hidden", status=DRAFT)
    )
    rows = rows_by_slug(client, "measurement-approaches")
    assert rows["data-driven"]["exemplar"] == "wlz"
    assert rows["experimental"]["exemplar"] is None


def test_an_organisation_lists_aliases_and_published_sites_by_role(client):
    council = f.OrganisationFactory(slug="oldham-council")
    council.aliases.create(name="Oldham")
    lead, partner = (
        f.OrganisationRoleFactory(slug="lead"),
        f.OrganisationRoleFactory(slug="partner"),
    )
    f.SiteOrganisationFactory(organisation=council, role=lead, site=f.SiteFactory(slug="oldham"))
    f.SiteOrganisationFactory(organisation=council, role=partner, site=f.SiteFactory(slug="ccin"))
    f.SiteOrganisationFactory(
        organisation=council, role=partner, site=f.SiteFactory(slug="draft", status=DRAFT)
    )
    row = rows_by_slug(client, "organisations")["oldham-council"]
    assert row["aliases"] == ["Oldham"]
    assert row["sites_by_role"] == {"lead": ["oldham"], "partner": ["ccin"]}
    assert row["site_count"] == 2
    assert row["organisation_type"]["slug"]


def test_sources_count_the_published_sites_citing_them(client):
    report = f.SourceFactory(slug="report")
    f.SiteDriverFactory(source=report)
    f.QuoteFactory(source=report)
    f.IndicatorFactory(source=report, site=f.SiteFactory(status=DRAFT))
    row = rows_by_slug(client, "sources")["report"]
    assert row["site_count"] == 2
    assert row["name"] == row["title"] == report.title


def test_a_practitioner_source_is_listed_only_once_a_published_site_cites_it(client):
    own = f.SourceFactory(slug="self-reported-draft", kind=Source.Kind.PRACTITIONER)
    draft = f.SiteFactory(status=DRAFT, kind=Site.Kind.PRACTITIONER_SUBMISSION)
    f.SiteDriverFactory(site=draft, source=own)
    assert "self-reported-draft" not in rows_by_slug(client, "sources")
    assert client.get("/api/v1/sources/self-reported-draft/").status_code == 404
    draft.status = Site.Status.PUBLISHED
    draft.save()
    assert rows_by_slug(client, "sources")["self-reported-draft"]["kind"] == "practitioner"


def test_a_row_links_to_its_sites_when_sites_can_be_filtered_by_it(client):
    f.DriverFactory(slug="trust")
    f.OrganisationTypeFactory(slug="charity")
    assert rows_by_slug(client, "drivers")["trust"]["sites_url"] == (
        "http://testserver/api/v1/sites/?driver=trust"
    )
    assert rows_by_slug(client, "organisation-types")["charity"]["sites_url"] is None


def test_a_row_cites_the_document_that_defines_it(client):
    f.JustificationFactory(slug="value", source=f.SourceFactory(slug="summary"), locator="1. Why")
    f.JustificationFactory(slug="undefined")
    rows = rows_by_slug(client, "justifications")
    assert rows["value"]["definition"]["source"]["slug"] == "summary"
    assert rows["value"]["definition"]["locator"] == "1. Why"
    assert rows["undefined"]["definition"] is None


def test_links_to_sites_do_not_carry_the_format_of_the_request(client):
    f.DriverFactory(slug="trust")
    row = client.get("/api/v1/drivers/trust/?format=json").json()
    assert row["sites_url"] == "http://testserver/api/v1/sites/?driver=trust"


@pytest.mark.django_db
def test_organisations_known_only_from_unpublished_sites_are_not_listed(client):
    from tests.factories import OrganisationFactory, SiteOrganisationFactory

    hidden = OrganisationFactory(slug="draft-only-org", is_public=False)
    SiteOrganisationFactory(organisation=hidden, site__status="submitted")
    listed = client.get("/api/v1/organisations/").json()["results"]
    assert "draft-only-org" not in [row["slug"] for row in listed]
    assert client.get("/api/v1/organisations/draft-only-org/").status_code == 404
