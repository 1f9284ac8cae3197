"""JSON by default; CSV by ?format=csv or Accept: text/csv; whole-catalogue downloads."""

import pytest

from collaborations.models import Site
from tests import streaming
from tests.factories import DriverFactory, SiteDriverFactory, SiteFactory
from tests.test_api_support import csv_rows, rich_site

pytestmark = pytest.mark.django_db

# The CSV's columns, in order. Clients read columns by position too: change with care.
# The evidence columns (disputed_facts, then each fact's _provenance, _status...) follow.
HEADER = (
    "slug,name,kind,evidence,facts_stated,facts_with_reference,facts_research_coded,"
    "facts_self_reported,typology,typology_name,study_depth,region,nation,"
    "locality,local_authority,council_code,council_name,initiated_by,permanence,start_year,"
    "lead_organisation,organisations,organisation_identifiers,organisation_identifier_origins,"
    "funding_types,funding_type_names,drivers,driver_names,justifications,"
    "justification_names,partner_types,partner_type_names,practices,practice_names,"
    "leadership_styles,leadership_style_names,framework_themes,framework_theme_names,"
    "accountability_approaches,accountability_approach_names,measurement_approach,"
    "measurement_approach_name,accountability_lines,indicators,aliases,summary,scope,website,"
    "sources,created_at,updated_at,published_at,url,html_url"
)


def test_json_is_the_default(client):
    response = client.get("/api/v1/sites/")
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    ("url", "headers"),
    [("/api/v1/sites/?format=csv", {}), ("/api/v1/sites/", {"Accept": "text/csv"})],
)
def test_a_list_comes_as_csv_on_request(client, url, headers):
    rich_site()
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode().splitlines()[0].startswith(HEADER + ",disputed_facts,")
    [row] = csv_rows(response)
    assert row["typology_provenance"] == "research" and row["typology_status"] == "agreed"
    assert row["slug"] == "oldham" and row["typology"] == "collaborative-councils"
    assert row["lead_organisation"] == "Oldham Council"
    assert row["organisations"] == "Oldham Council (Lead)"
    assert row["evidence"] == "research-coded"
    assert row["sources"] == "rallying-report"
    assert row["html_url"] == "http://testserver/sites/oldham/"


def test_several_values_share_a_cell_joined_with_semicolons(client):
    site = SiteFactory(slug="s")
    for position, slug, name in ((1, "trust", "Trust"), (2, "outcomes", "Focus on outcomes")):
        SiteDriverFactory(site=site, driver=DriverFactory(slug=slug, name=name, position=position))
    [row] = csv_rows(client.get("/api/v1/sites/?format=csv"))
    assert row["drivers"] == "trust; outcomes"
    assert row["driver_names"] == "Trust; Focus on outcomes"


def test_csv_keeps_unicode_commas_quotes_and_line_breaks(client):
    summary = 'Zoë\'s "café", Ystradgynlais — line one\nline two; £15.3bn'
    SiteFactory(slug="s", name="Café Zoë, Wales", summary=summary)
    [row] = csv_rows(client.get("/api/v1/sites/?format=csv"))
    assert row["name"] == "Café Zoë, Wales"
    assert row["summary"] == summary


def test_csv_cells_never_start_a_spreadsheet_formula(client):
    SiteFactory(slug="s", name="=HYPERLINK(1)", summary="@SUM(A1)")
    [row] = csv_rows(client.get("/api/v1/sites/?format=csv"))
    assert row["name"] == "'=HYPERLINK(1)" and row["summary"] == "'@SUM(A1)"


def test_empty_values_are_empty_cells(client):
    SiteFactory(slug="s", start_year=None, website="")
    [row] = csv_rows(client.get("/api/v1/sites/?format=csv"))
    assert row["start_year"] == "" and row["website"] == "" and row["typology"] == ""


def test_a_csv_list_has_one_row_per_site_of_the_page(client):
    SiteFactory.create_batch(5)
    assert len(csv_rows(client.get("/api/v1/sites/?format=csv&page_size=3"))) == 3


def test_one_site_comes_as_a_one_row_csv(client):
    rich_site()
    [row] = csv_rows(client.get("/api/v1/sites/oldham/?format=csv"))
    assert row["slug"] == "oldham"


def test_the_csv_download_holds_every_published_site(client):
    SiteFactory.create_batch(45)
    SiteFactory(status=Site.Status.DRAFT)
    response = client.get("/api/v1/sites/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="rallying-sites-')
    assert len(csv_rows(response)) == 45


def test_the_csv_download_ignores_the_accept_header(client):
    SiteFactory()
    response = client.get("/api/v1/sites/export.csv", headers={"Accept": "application/json"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_the_json_download_holds_every_published_site_as_the_list_shows_them(client):
    rich_site()
    SiteFactory.create_batch(30)
    body = streaming.json_of(client.get("/api/v1/sites/export.json"))
    assert body["count"] == 31 == len(body["results"])
    listed = client.get("/api/v1/sites/?page_size=200").json()["results"]
    assert body["results"] == listed


def test_the_downloads_follow_the_requested_order(client):
    SiteFactory(slug="a", name="A", fact_count=10, referenced_fact_count=10)
    SiteFactory(slug="b", name="B", fact_count=90, referenced_fact_count=90)
    rows = csv_rows(client.get("/api/v1/sites/export.csv?ordering=-facts_with_reference"))
    assert [row["slug"] for row in rows] == ["b", "a"]
