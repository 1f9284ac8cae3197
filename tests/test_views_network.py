"""/network/: organisations and the sites they take part in, bounded, with a table."""

import pytest

from collaborations.models import Site
from collaborations.pages.network import LINK_LIMIT, ORGANISATION_LIMIT
from tests.factories import (
    OrganisationFactory,
    OrganisationRoleFactory,
    SiteFactory,
    SiteOrganisationFactory,
    build_large_catalogue,
)

pytestmark = pytest.mark.django_db


def test_an_organisation_in_two_sites_links_them_in_the_drawing_and_the_table(client):
    partner = OrganisationRoleFactory(slug="partner", name="Partner")
    network = OrganisationFactory(name="Co-operative Councils Network")
    for name in ("Oldham Council", "Lambeth Council"):
        SiteOrganisationFactory(site=SiteFactory(name=name), organisation=network, role=partner)
    response = client.get("/network/")
    html = response.content.decode()
    drawn = response.context["network"]
    assert [o.name for o in drawn.organisations] == ["Co-operative Councils Network"]
    assert html.count('class="net-link net-other"') == 2
    assert "Co-operative Councils Network (2)" in html  # the drawing's label
    assert "<caption" in html and 'Oldham Council</a> <span class="muted">(partner)' in html


def test_the_key_names_only_the_roles_drawn_and_each_line_style_they_use(client):
    roles = {
        slug: OrganisationRoleFactory(slug=slug, name=name)
        for slug, name in [("lead", "Lead"), ("host", "Host"), ("publisher", "Publisher")]
    }
    OrganisationRoleFactory(slug="evaluator", name="Evaluator")  # no link has it
    for slug, role in roles.items():
        SiteOrganisationFactory(site=SiteFactory(), organisation__name=slug, role=role)
    response = client.get("/network/")
    assert response.context["network"].key == [("lead", ["lead"]), ("other", ["host", "publisher"])]
    html = response.content.decode()
    key_line = '<span class="key-line key-other" aria-hidden="true"></span>'
    assert f"{key_line} host, publisher</li>" in html
    assert "evaluator" not in html and 'class="net-link net-lead"' in html


def test_the_research_team_is_left_out_and_said_to_be(client):
    researcher = OrganisationRoleFactory(slug="researcher", name="Researcher")
    golab = OrganisationFactory(name="Government Outcomes Lab")
    for _ in range(3):
        SiteOrganisationFactory(site=SiteFactory(), organisation=golab, role=researcher)
    SiteOrganisationFactory(site=SiteFactory(status=Site.Status.DRAFT))  # not public
    response = client.get("/network/")
    assert response.context["network"].organisations == []
    html = response.content.decode()
    assert "Left out: 3 links from the research team" in html
    assert "no network to draw" in html


@pytest.mark.parametrize("size", [60, 400])
def test_the_network_is_bounded_whatever_the_catalogue_size(
    client, django_assert_num_queries, size
):
    build_large_catalogue(size)
    with django_assert_num_queries(5):  # the catalogue's version, three aggregates, links
        response = client.get("/network/")
    with django_assert_num_queries(1):  # the catalogue's version: the page is kept under it
        again = client.get("/network/")
    assert again.content == response.content
    drawn = response.context["network"]
    assert 0 < len(drawn.organisations) <= ORGANISATION_LIMIT
    assert len(drawn.links) <= LINK_LIMIT
    assert drawn.all_links >= len(drawn.links)


def test_a_site_joining_an_organisation_after_the_page_was_cached_is_drawn(client):
    """The page is kept per catalogue version: a new participation moves the version."""
    partner = OrganisationRoleFactory(slug="partner", name="Partner")
    network = OrganisationFactory(name="Co-operative Councils Network")
    for name in ("Oldham Council", "Lambeth Council"):
        SiteOrganisationFactory(site=SiteFactory(name=name), organisation=network, role=partner)
    assert "Co-operative Councils Network (2)" in client.get("/network/").content.decode()
    SiteOrganisationFactory(site=SiteFactory(name="Wigan"), organisation=network, role=partner)
    assert "Co-operative Councils Network (3)" in client.get("/network/").content.decode()
