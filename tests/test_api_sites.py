import pytest

from collaborations.models import Site
from tests import streaming
from tests.factories import SiteFactory, SourceFactory
from tests.test_api_support import results_slugs, rich_site

pytestmark = pytest.mark.django_db


def test_the_list_shows_every_fact_of_a_site_with_its_citation(client):
    rich_site()
    site = client.get("/api/v1/sites/").json()["results"][0]
    citation = {
        "source": {
            "slug": "rallying-report",
            "title": "Are we Rallying Together?",
            "short_title": site["drivers"][0]["citation"]["source"]["short_title"],
            "url": None,
        },
        "locator": "Research Subjects",
    }
    for facts in (
        "typology_codings",
        "aliases",
        "funding_types",
        "drivers",
        "justifications",
        "partner_types",
        "practices",
        "leadership_styles",
        "framework_themes",
        "organisations",
        "accountability_approaches",
        "measurement_codings",
        "accountability_lines",
        "indicators",
        "quotes",
    ):
        assert len(site[facts]) == 1, facts
        assert site[facts][0]["citation"] == citation, facts
    assert site["field_citations"] == {"scope": {**citation, "note": "", "provenance": "research"}}
    assert [s["field"] for s in site["field_statements"]] == ["scope"]
    assert site["drivers"][0]["slug"] == "systemic-working"
    assert site["practices"][0]["ingredient"]["slug"]
    assert site["framework_themes"][0]["strand"]["slug"]
    assert site["quotes"][0]["text"] == "You said, we did."
    assert site["quotes"][0]["organisation"]["slug"] == "oldham-council"


def test_a_site_has_its_links_evidence_fact_counts_and_lead_organisation(client):
    rich_site(fact_count=73, referenced_fact_count=73)
    site = client.get("/api/v1/sites/oldham/").json()
    assert site["url"] == "http://testserver/api/v1/sites/oldham/"
    assert site["html_url"] == "http://testserver/sites/oldham/"
    assert site["evidence"] == "research-coded"
    assert site["facts_stated"] == site["facts_with_reference"] == 73
    assert site["facts_research_coded"] == 73 and site["facts_self_reported"] == 0
    assert site["lead_organisation"]["slug"] == "oldham-council"
    assert site["typology"]["slug"] == "collaborative-councils"
    assert site["typology"]["governance_mode"]["slug"] == "lead-organisation"
    assert site["measurement_approach"]["slug"] == "data-driven"
    assert site["region"] == {
        "slug": "north-west",
        "name": site["region"]["name"],
        "nation": "England",
    }
    assert site["permanence"] == "embedded"
    assert site["start_year"] == 2017


def test_the_list_and_the_detail_show_a_site_identically(client):
    rich_site()
    listed = client.get("/api/v1/sites/").json()["results"][0]
    assert client.get("/api/v1/sites/oldham/").json() == listed


def test_a_practitioner_submission_is_self_reported(client):
    SiteFactory(slug="ours", kind=Site.Kind.PRACTITIONER_SUBMISSION)
    assert client.get("/api/v1/sites/ours/").json()["evidence"] == "self-reported"


def test_a_current_typology_wins_over_other_codings(client):
    from tests.factories import TypologyCodingFactory, TypologyFactory

    site = SiteFactory(slug="somerset")
    TypologyCodingFactory(site=site, typology=TypologyFactory(slug="connector"), rank="preferred")
    TypologyCodingFactory(site=site, typology=TypologyFactory(slug="market"), rank="normal")
    body = client.get("/api/v1/sites/somerset/").json()
    assert body["typology"]["slug"] == "connector"
    assert [c["is_current"] for c in body["typology_codings"]] == [True, False]


def test_a_site_without_facts_has_nulls_and_empty_lists(client):
    SiteFactory(slug="bare", website="", permanence="")
    site = client.get("/api/v1/sites/bare/").json()
    assert site["typology"] is None and site["lead_organisation"] is None
    assert site["website"] is None and site["permanence"] is None and site["region"] is None
    assert site["drivers"] == [] and site["field_citations"] == {}


@pytest.mark.parametrize("status", [s for s in Site.Status.values if s != "published"])
def test_anonymous_clients_see_published_sites_only(client, status):
    SiteFactory(slug="live")
    SiteFactory(slug="hidden", status=status)
    assert results_slugs(client.get("/api/v1/sites/")) == ["live"]
    assert client.get("/api/v1/sites/hidden/").status_code == 404
    assert streaming.json_of(client.get("/api/v1/sites/export.json"))["count"] == 1


def test_staff_see_published_sites_only_too(client, admin_user):
    SiteFactory(slug="draft", status=Site.Status.DRAFT)
    client.force_login(admin_user)
    assert client.get("/api/v1/sites/").json()["count"] == 0


def test_private_data_never_appears(client):
    from tests.factories import UserFactory

    owner = UserFactory(username="jane", email="jane.private@example.org")
    rich_site(owner=owner)
    body = client.get("/api/v1/sites/oldham/").content.decode()
    assert "jane.private@example.org" not in body and '"owner"' not in body
    assert '"published"' not in body and "search_document" not in body  # workflow status


def test_the_page_has_a_count_and_links(client):
    SiteFactory.create_batch(5)
    body = client.get("/api/v1/sites/?page_size=2&page=2").json()
    assert body["count"] == 5
    assert body["next"] == "http://testserver/api/v1/sites/?page=3&page_size=2"
    assert body["previous"] == "http://testserver/api/v1/sites/?page_size=2"
    assert len(body["results"]) == 2


def test_page_size_is_capped_at_200(client):
    SiteFactory.create_batch(3)
    response = client.get("/api/v1/sites/?page_size=5000")
    assert response.status_code == 200
    assert response.json()["count"] == 3


def test_pages_never_overlap_when_sort_values_tie(client):
    for i in range(7):
        SiteFactory(slug=f"tie-{i}", fact_count=50, referenced_fact_count=50)
    seen = []
    for page in (1, 2, 3, 4):
        seen += results_slugs(
            client.get(f"/api/v1/sites/?ordering=facts_with_reference&page_size=2&page={page}")
        )
    assert sorted(seen) == sorted(f"tie-{i}" for i in range(7))


def test_a_site_cites_its_source_link_when_the_source_gives_one(client):
    from tests.factories import SiteDriverFactory

    source = SourceFactory(slug="golab", url="https://golab.bsg.ox.ac.uk/")
    SiteDriverFactory(site=SiteFactory(slug="s"), source=source)
    driver = client.get("/api/v1/sites/s/").json()["drivers"][0]
    assert driver["citation"]["source"]["url"] == "https://golab.bsg.ox.ac.uk/"
