"""The browse page: facets with counts, any/all, search, sorting, pagination, errors."""

import re

import pytest

from collaborations.models import Site
from collaborations.search import refresh_search_vectors
from tests.factories import (
    DriverFactory,
    FundingTypeFactory,
    OrganisationRoleFactory,
    PartnerTypeFactory,
    PracticeFactory,
    SiteDriverFactory,
    SiteFactory,
    SiteFundingFactory,
    SiteOrganisationFactory,
    SitePartnerFactory,
    StudyDepthFactory,
    TypologyCodingFactory,
    TypologyFactory,
    build_large_catalogue,
)

pytestmark = pytest.mark.django_db


def facet_count(html, param, slug):
    """The count shown beside one facet value's checkbox."""
    match = re.search(rf'id="f-{param}-{slug}".*?<span class="count">(\d+)<', html, flags=re.DOTALL)
    assert match, f"no facet value {param}={slug}"
    return int(match.group(1))


def result_slugs(response):
    return [site.slug for site in response.context["page_obj"]]


@pytest.fixture
def small_catalogue():
    council, market = TypologyFactory(slug="council"), TypologyFactory(slug="market")
    grant, contract = FundingTypeFactory(slug="grant"), FundingTypeFactory(slug="contract")
    trust, outcomes = DriverFactory(slug="trust"), DriverFactory(slug="outcomes")
    oldham = SiteFactory(slug="oldham", name="Oldham", summary="Oldham Plan")
    wigan = SiteFactory(slug="wigan", name="Wigan")
    plymouth = SiteFactory(slug="plymouth", name="Plymouth")
    SiteFactory(slug="secret", name="Secret draft", status=Site.Status.DRAFT)
    for site, typology in ((oldham, council), (wigan, council), (plymouth, market)):
        TypologyCodingFactory(site=site, typology=typology)
    SiteFundingFactory(site=oldham, funding_type=grant)
    SiteFundingFactory(site=plymouth, funding_type=contract)
    SiteFundingFactory(site=wigan, funding_type=grant)
    SiteDriverFactory(site=oldham, driver=trust)
    SiteDriverFactory(site=oldham, driver=outcomes)
    SiteDriverFactory(site=wigan, driver=trust)
    return {"oldham": oldham, "wigan": wigan, "plymouth": plymouth}


def test_lists_published_sites_only(client, small_catalogue):
    response = client.get("/sites/")
    assert response.status_code == 200
    assert result_slugs(response) == ["oldham", "plymouth", "wigan"]
    assert "Secret draft" not in response.content.decode()


def test_each_facet_counts_the_sites_matching_the_other_filters(client, small_catalogue):
    response = client.get("/sites/?typology=council&funding=grant")
    html = response.content.decode()
    assert result_slugs(response) == ["oldham", "wigan"]
    # Typology counts ignore the typology filter but keep funding=grant.
    assert facet_count(html, "typology", "council") == 2
    assert facet_count(html, "typology", "market") == 0
    # Funding counts ignore the funding filter but keep typology=council.
    assert facet_count(html, "funding", "grant") == 2
    assert facet_count(html, "funding", "contract") == 0
    assert facet_count(html, "driver", "trust") == 2
    assert facet_count(html, "driver", "outcomes") == 1


def test_several_drivers_mean_any_of_unless_all_of_is_chosen(client, small_catalogue):
    any_of = client.get("/sites/?driver=trust&driver=outcomes")
    all_of = client.get("/sites/?driver=trust&driver=outcomes&driver_match=all")
    assert result_slugs(any_of) == ["oldham", "wigan"]
    assert result_slugs(all_of) == ["oldham"]
    html = all_of.content.decode()
    assert 'id="driver_match-all" name="driver_match" value="all" checked' in html
    # In "all of" mode a driver's count is how many current results also name it.
    assert facet_count(html, "driver", "trust") == 1


def test_free_text_search_finds_names_and_summaries(client, small_catalogue):
    Site.objects.filter(slug="oldham").update(search_document="oldham plan you said we did")
    refresh_search_vectors(Site.objects.values_list("pk", flat=True))
    assert result_slugs(client.get("/sites/?q=said+we+did")) == ["oldham"]
    assert result_slugs(client.get("/sites/?q=wigan")) == ["wigan"]


def test_sorting_by_facts_with_a_reference(client, small_catalogue):
    Site.objects.filter(slug="plymouth").update(fact_count=90, referenced_fact_count=90)
    Site.objects.filter(slug="wigan").update(fact_count=50, referenced_fact_count=50)
    response = client.get("/sites/?ordering=-facts_with_reference")
    assert result_slugs(response) == ["plymouth", "wigan", "oldham"]
    assert '<option value="-facts_with_reference" selected>' in response.content.decode()


def test_study_depth_filter(client, small_catalogue):
    deep = StudyDepthFactory(slug="deep-dive", name="Deep dive")
    Site.objects.filter(slug="wigan").update(study_depth=deep)
    response = client.get("/sites/?depth=deep-dive")
    assert result_slugs(response) == ["wigan"]
    assert facet_count(response.content.decode(), "depth", "deep-dive") == 1


def test_each_row_shows_kind_evidence_fact_counts_type_place_funding_and_lead(client):
    site = SiteFactory(name="Oldham", locality="Oldham", fact_count=64, referenced_fact_count=64)
    TypologyCodingFactory(site=site, typology=TypologyFactory(name="Collaborative councils"))
    SiteFundingFactory(site=site, funding_type=FundingTypeFactory(name="Grant funding"))
    lead = OrganisationRoleFactory(slug="lead", name="Lead")
    SiteOrganisationFactory(site=site, role=lead, organisation__name="Oldham Council")
    html = client.get("/sites/").content.decode()
    for text in (
        "Research site",
        "Research-coded",
        "64 facts stated · 64 with a reference · 64 research-coded",
        "Collaborative councils",
        "Grant funding",
        "Oldham Council",
    ):
        assert text in html


def test_rows_have_compare_checkboxes_and_a_csv_link_with_the_filters(client, small_catalogue):
    html = client.get("/sites/?typology=council&page=1").content.decode()
    assert 'action="/compare/"' in html
    assert 'name="sites" value="oldham"' in html
    assert "Compare selected" in html
    assert 'href="/api/v1/sites/export.csv?typology=council"' in html


def test_facets_are_fieldsets_with_legends(client, small_catalogue):
    response = client.get("/sites/")
    html = response.content.decode()
    assert html.count("<fieldset>") == len(response.context["facets"]) >= 4
    assert '<legend class="visually-hidden">Type of collaboration</legend>' in html


def test_a_facet_no_published_site_has_a_value_of_is_named_not_offered(client, small_catalogue):
    PracticeFactory(name="Co-location")  # no site records a practice
    response = client.get("/sites/")
    html = response.content.decode()
    assert "Practice" in response.context["facets_not_offered"]
    assert "Driver" not in response.context["facets_not_offered"]  # two sites name drivers
    assert '<legend class="visually-hidden">Practice</legend>' not in html
    assert "Not offered, as no published site records them:" in html and "practice" in html
    # A chosen value keeps its facet, even when no site has it.
    response = client.get("/sites/?driver=outcomes&typology=market")
    assert "Driver" not in response.context["facets_not_offered"]


def test_active_filters_can_be_removed_one_by_one(client, small_catalogue):
    html = client.get("/sites/?typology=council&funding=grant").content.decode()
    assert "Type of collaboration: " in html
    assert 'href="?funding=grant"' in html  # removes the typology chip


def test_unknown_filter_value_is_a_400_naming_the_allowed_values(client, small_catalogue):
    response = client.get("/sites/?driver=nonsense")
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem with this search" in html
    assert "nonsense is not a known value" in html and "outcomes" in html
    assert "Search without this filter" in html


def test_malformed_sort_and_completeness_are_explained(client, small_catalogue):
    assert client.get("/sites/?ordering=shoe-size").status_code == 400
    assert client.get("/sites/?min_facts_with_reference=lots").status_code == 400


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "99", "9" * 5000])
def test_a_page_that_does_not_exist_gets_a_clear_404(client, small_catalogue, page):
    response = client.get(f"/sites/?page={page}")
    html = response.content.decode()
    assert response.status_code == 404
    assert "No such page" in html
    assert "Go to the first page of these results" in html


def test_pagination_links_keep_the_filters(client):
    build_large_catalogue(60)
    response = client.get("/sites/?kind=research-site")
    html = response.content.decode()
    assert response.context["page_obj"].paginator.num_pages == 1
    response = client.get("/sites/")
    html = response.content.decode()
    assert response.context["page_obj"].paginator.num_pages == 3
    assert 'href="?page=2"' in html
    second = client.get("/sites/?ordering=-name&page=2")
    assert second.status_code == 200
    assert 'href="?ordering=-name&amp;page=3"' in second.content.decode()


def test_browse_query_count_is_bounded(client, django_assert_max_num_queries):
    build_large_catalogue(300)
    # The first request after a change counts the facets (two queries each); a repeat
    # reads them from the cache.
    with django_assert_max_num_queries(36):
        assert client.get("/sites/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/sites/").status_code == 200


def test_browse_query_count_is_bounded_with_several_filters(client, django_assert_max_num_queries):
    build_large_catalogue(300)
    from collaborations.models import Driver, PartnerType, Typology

    drivers = list(Driver.objects.values_list("slug", flat=True)[:2])
    typology = Typology.objects.values_list("slug", flat=True)[0]
    partner = PartnerType.objects.values_list("slug", flat=True)[0]
    query = (
        f"?driver={drivers[0]}&driver={drivers[1]}&typology={typology}&partner={partner}"
        "&kind=research-site&kind=framework-example&q=bulk&ordering=-facts_with_reference"
        "&evidence=research-coded&min_facts_with_reference=0"
    )
    # Cold cache: the page's rows, then its cards (result_cards.py) with their facts.
    with django_assert_max_num_queries(42):
        response = client.get(f"/sites/{query}")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count > 0


def test_partner_facet_all_of(client):
    nhs, police = PartnerTypeFactory(slug="nhs"), PartnerTypeFactory(slug="police")
    both, one = SiteFactory(slug="both"), SiteFactory(slug="one")
    SitePartnerFactory(site=both, partner_type=nhs)
    SitePartnerFactory(site=both, partner_type=police)
    SitePartnerFactory(site=one, partner_type=nhs)
    assert result_slugs(client.get("/sites/?partner=nhs&partner=police")) == ["both", "one"]
    assert result_slugs(client.get("/sites/?partner=nhs&partner=police&partner_match=all")) == [
        "both"
    ]


def test_browse_opens_with_research_sites_and_submissions_before_framework_examples(client):
    SiteFactory(name="Aardvark example", kind=Site.Kind.FRAMEWORK_EXAMPLE)
    SiteFactory(name="Zed Council", kind=Site.Kind.RESEARCH_SITE)
    SiteFactory(name="Middle Partnership", kind=Site.Kind.PRACTITIONER_SUBMISSION)
    names = [s.name for s in client.get("/sites/").context["page_obj"]]
    assert names == ["Zed Council", "Middle Partnership", "Aardvark example"]
    by_name = [s.name for s in client.get("/sites/?ordering=name").context["page_obj"]]
    assert by_name == ["Aardvark example", "Middle Partnership", "Zed Council"]


def test_the_default_order_is_the_kinds_backwards_so_an_index_serves_it():
    # pages.browse.research_first orders by -kind (index site_status_kind_name): that is
    # research sites, submissions, examples only while the slugs sort this way.
    assert sorted(Site.Kind.values, reverse=True) == [
        Site.Kind.RESEARCH_SITE,
        Site.Kind.PRACTITIONER_SUBMISSION,
        Site.Kind.FRAMEWORK_EXAMPLE,
    ]
    index = next(i for i in Site._meta.indexes if i.name == "site_status_kind_name")
    assert index.fields == ["status", "-kind", "name", "id"]


def test_ticked_sites_are_kept_across_pages_and_filters(client):
    build_large_catalogue(60)
    chosen = list(Site.objects.order_by("slug").values_list("slug", "name")[:2])
    query = "&".join(f"sites={slug}" for slug, _ in chosen)
    response = client.get(f"/sites/?ordering=name&page=3&{query}")
    html = response.content.decode()
    assert response.context["selected"] == chosen
    assert "2 sites selected" in html
    # Sites ticked on another page ride along, hidden, with the compare form...
    for slug, _ in chosen:
        assert f'<input type="hidden" name="sites" value="{slug}">' in html
    # ...and the pages and the filters keep them.
    assert f'href="?ordering=name&amp;page=2&amp;{query.replace("&", "&amp;")}"' in html
    # The CSV and map links are about the results, not the selection.
    assert "export.csv?ordering=name" in html and "sites=" not in html.split("export.csv")[1][:40]


def test_a_result_card_shows_a_fact_added_after_it_was_cached(client):
    """Cards are cached per catalogue version: a new fact moves the version, so the card
    a reader sees next states it."""
    site = SiteFactory(name="Card Site")
    first = client.get("/sites/").content.decode()
    assert "Card Site" in first and "Pooled budget" not in first
    SiteFundingFactory(site=site, funding_type=FundingTypeFactory(name="Pooled budget"))
    assert "Pooled budget" in client.get("/sites/").content.decode()


def test_facet_counts_follow_a_site_published_after_they_were_cached(client):
    """The facets' HTML is cached per catalogue version and filters: a new site moves the
    version, so its type's count goes up on the next request."""
    councils = TypologyFactory(slug="councils", name="Collaborative councils")
    TypologyCodingFactory(site=SiteFactory(), typology=councils)
    TypologyCodingFactory(site=SiteFactory(), typology=TypologyFactory())

    def councils_count():
        html = client.get("/sites/").content.decode()
        label = html.split('for="f-typology-councils">', 1)[1]
        return label.split('<span class="count">', 1)[1].split("<", 1)[0]

    assert councils_count() == "1"
    TypologyCodingFactory(site=SiteFactory(), typology=councils)
    assert councils_count() == "2"
