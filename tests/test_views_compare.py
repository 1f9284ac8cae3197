"""/compare/: two to six sites, shared values marked, clear errors otherwise."""

import pytest

from collaborations.models import Site
from collaborations.pages.compare import group_summary
from tests.factories import (
    DriverFactory,
    OrganisationFactory,
    OrganisationRoleFactory,
    SiteDriverFactory,
    SiteFactory,
    SiteFundingFactory,
    SiteOrganisationFactory,
    StudyDepthFactory,
    TypologyCodingFactory,
    TypologyFactory,
    build_large_catalogue,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_sites():
    councils = TypologyFactory(slug="councils", name="Collaborative councils")
    trust, outcomes = DriverFactory(name="Trust"), DriverFactory(name="Outcomes")
    sites = [SiteFactory(slug=slug, name=slug.title()) for slug in ("oldham", "wigan", "wirral")]
    for site in sites:
        TypologyCodingFactory(site=site, typology=councils)
        SiteDriverFactory(site=site, driver=trust)
    SiteDriverFactory(site=sites[0], driver=outcomes)
    return sites


def row(response, label):
    return next(r for r in response.context["rows"] if r.label == label)


def test_compares_sites_in_the_order_given(client, three_sites):
    response = client.get("/compare/?sites=wirral&sites=oldham&sites=wigan")
    html = response.content.decode()
    assert response.status_code == 200
    assert [s.slug for s in response.context["sites"]] == ["wirral", "oldham", "wigan"]
    assert "<caption" in html and 'scope="colgroup"' in html and 'scope="col"' in html


def test_rows_are_grouped_into_same_shared_by_some_and_different(client, three_sites):
    response = client.get("/compare/?sites=oldham&sites=wigan&sites=wirral")
    assert row(response, "Type of collaboration").group == "same"
    assert row(response, "Drivers").group == "some"
    html = response.content.decode()
    assert "The same for every site (" in html and "Shared by some of the sites (" in html
    # Trust is held by all three though the drivers differ; Outcomes by Oldham alone.
    drivers = {v.label: (v.shared_by_all, v.holders) for v in row(response, "Drivers").cells[0]}
    assert drivers == {"Trust": (True, ["Wigan", "Wirral"]), "Outcomes": (False, [])}
    assert 'href="/sites/?typology=councils"' in html


def test_a_value_only_one_site_states_is_grouped_as_held_by_one_site_only(client, three_sites):
    SiteFundingFactory(site=three_sites[2], funding_type__name="Grant funding")
    response = client.get("/compare/?sites=oldham&sites=wigan&sites=wirral")
    assert row(response, "Funding").group == "each"
    html = response.content.decode()
    each = response.context["counts"]["each"]
    assert f"Each value held by one site only ({each})" in html
    assert f"and in {each} each value is held by one site only." in html


@pytest.fixture
def two_examples_and_a_research_site():
    not_studied = StudyDepthFactory(slug="none", name="Not studied")
    call = StudyDepthFactory(slug="learning-call", name="Learning call")
    dive = StudyDepthFactory(slug="deep-dive", name="Deep dive")
    example, research = Site.Kind.FRAMEWORK_EXAMPLE, Site.Kind.RESEARCH_SITE
    for slug, kind, depth in [
        ("participle", example, not_studied),
        ("leeds-empties", example, not_studied),
        ("golden-key", research, call),
        ("oldham", research, call),
        ("wirral", research, dive),  # research sites differ: their depth is a choice
    ]:
        SiteFactory(slug=slug, name=slug.title(), kind=kind, study_depth=depth)


def test_a_value_every_site_of_a_kind_holds_is_not_marked_shared(
    client, two_examples_and_a_research_site
):
    response = client.get("/compare/?sites=participle&sites=leeds-empties&sites=golden-key")
    depth = row(response, "Study depth")
    assert depth.group == "each"  # "Not studied" is no choice the two examples share
    assert [(v.holders, v.by_kind) for v in depth.cells[0]] == [([], "every framework example")]
    html = response.content.decode()
    assert "(as every framework example)" in html and "also Leeds-Empties" not in html


def test_a_row_the_same_only_because_the_sites_are_of_one_kind_is_hidden(
    client, two_examples_and_a_research_site
):
    response = client.get("/compare/?sites=participle&sites=leeds-empties")
    assert "Study depth" not in [r.label for r in response.context["rows"]]
    assert response.context["hidden_count"] == 1
    response = client.get("/compare/?sites=golden-key&sites=oldham")  # a shared choice
    assert row(response, "Study depth").group == "same"
    assert response.context["hidden_count"] == 0


@pytest.mark.parametrize(
    "counts, text",
    [
        (
            {"same": 1, "some": 4, "each": 5},
            "1 is the same for every site, 4 are shared by some"
            " and in 5 each value is held by one site only",
        ),
        ({"same": 0, "some": 0, "each": 12}, "in 12 each value is held by one site only"),
        (
            {"same": 2, "some": 0, "each": 1},
            "2 are the same for every site and in 1 each value is held by one site only",
        ),
    ],
)
def test_the_lead_names_only_the_groups_with_rows(counts, text):
    assert group_summary(counts) == text


def test_values_differing_only_in_case_spacing_or_punctuation_are_the_same(client, three_sites):
    oldham, wigan, _ = three_sites
    oldham.scope, wigan.scope = "Place based collaboration", "Place  Based collaboration."
    oldham.save()
    wigan.save()
    response = client.get("/compare/?sites=oldham&sites=wigan")
    assert row(response, "Scope of collaborative working").group == "same"


def test_partial_overlaps_name_the_sites_that_share_a_value(client, three_sites):
    oldham, wigan, wirral = three_sites
    grant = SiteFundingFactory(site=oldham).funding_type
    SiteFundingFactory(site=wigan, funding_type=grant)
    response = client.get("/compare/?sites=oldham&sites=wigan&sites=wirral")
    funding = row(response, "Funding")
    assert funding.group == "some"
    assert funding.cells[0][0].holders == ["Wigan"]
    assert "also Wigan" in response.content.decode()


def test_summaries_and_citations_are_shown_and_kind_is_no_row(client, three_sites):
    three_sites[0].summary = "A whole-council programme of change."
    three_sites[0].save()
    response = client.get("/compare/?sites=oldham&sites=wigan")
    html = response.content.decode()
    assert "A whole-council programme of change." in html
    assert "<summary>Sources" in html  # each site's values open to their citations
    labels = [r.label for r in response.context["rows"]]
    assert "Kind" not in labels and "Evidence" not in labels
    assert "Completeness (%)" not in labels


def test_the_organisation_that_studied_every_site_is_hidden_until_asked_for(client, three_sites):
    researcher = OrganisationRoleFactory(slug="researcher", name="Researcher")
    golab = OrganisationFactory(slug="golab", name="GO Lab")
    for site in three_sites[:2]:
        SiteOrganisationFactory(site=site, organisation=golab, role=researcher)
    response = client.get("/compare/?sites=oldham&sites=wigan")
    assert "Studied by" not in [r.label for r in response.context["rows"]]
    assert response.context["hidden_count"] == 1
    assert "Other organisations" not in [r.label for r in response.context["rows"]]
    response = client.get("/compare/?sites=oldham&sites=wigan&rows=all")
    assert "Studied by" in [r.label for r in response.context["rows"]]


def test_browse_filters_carried_along_are_dropped_with_one_redirect(client, three_sites):
    response = client.get("/compare/?typology=councils&sites=oldham&sites=wigan&page=2")
    assert response.status_code == 302
    assert response["Location"] == "/compare/?sites=oldham&sites=wigan"


def test_only_differences(client, three_sites):
    response = client.get("/compare/?sites=oldham&sites=wigan&sites=wirral&differences=only")
    labels = [r.label for r in response.context["rows"]]
    assert "Drivers" in labels and "Type of collaboration" not in labels


def test_duplicates_are_ignored(client, three_sites):
    response = client.get("/compare/?sites=oldham&sites=oldham&sites=wigan")
    assert response.status_code == 200
    assert len(response.context["sites"]) == 2


def test_no_sites_explains_how_to_choose(client):
    response = client.get("/compare/")
    assert response.status_code == 200
    assert "Tick “Compare”" in response.content.decode()


def test_one_site_is_a_400_with_a_message(client, three_sites):
    response = client.get("/compare/?sites=oldham")
    assert response.status_code == 400
    assert "Only one site was chosen" in response.content.decode()


def test_twenty_sites_is_a_400_with_a_message(client):
    slugs = [SiteFactory().slug for _ in range(20)]
    response = client.get("/compare/?" + "&".join(f"sites={s}" for s in slugs))
    assert response.status_code == 400
    assert "20 sites were chosen" in response.content.decode()


def test_unknown_or_unpublished_slugs_are_a_404_naming_them(client, three_sites):
    SiteFactory(slug="draft", status=Site.Status.DRAFT)
    response = client.get("/compare/?sites=oldham&sites=draft&sites=atlantis")
    html = response.content.decode()
    assert response.status_code == 404
    assert "“draft”" in html and "“atlantis”" in html


def test_compare_query_count_is_bounded(client, django_assert_max_num_queries):
    build_large_catalogue(300)
    query = "&".join(f"sites=bulk-site-{i:04d}" for i in range(6))
    with django_assert_max_num_queries(22):
        first = client.get(f"/compare/?{query}")
    assert first.status_code == 200
    with django_assert_max_num_queries(2):  # the version, then the comparison from the cache
        again = client.get(f"/compare/?{query}")
    assert again.content == first.content


def test_a_cached_comparison_follows_the_catalogue(client, three_sites):
    """Kept under the catalogue's version: a site withdrawn since is a 404, not a stale page."""
    assert client.get("/compare/?sites=oldham&sites=wigan").status_code == 200
    three_sites[1].status = Site.Status.ARCHIVED
    three_sites[1].save()
    response = client.get("/compare/?sites=oldham&sites=wigan")
    assert response.status_code == 404
    assert "“wigan”" in response.content.decode()


def test_junk_slugs_are_a_404_not_a_500(client, three_sites):
    response = client.get("/compare/?sites=oldham&sites=a%00b")
    assert response.status_code == 404


def test_funding_stated_as_none_is_not_the_same_as_not_stated(client, three_sites):
    from tests.factories import FundingTypeFactory, SiteFundingFactory

    none = FundingTypeFactory(slug="none", name="None")
    SiteFundingFactory(site=three_sites[0], funding_type=none)
    response = client.get("/compare/?sites=oldham&sites=wigan")
    cells = row(response, "Funding").cells
    assert [v.label for v in cells[0]] == ["None"] and cells[1] == []
