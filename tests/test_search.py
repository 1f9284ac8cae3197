"""Free-text search: the same answers on PostgreSQL (full-text) and SQLite (fallback),
whatever the apostrophes and case, and a result found through an alias says so."""

import pytest

from collaborations.derived import refresh_site_derived
from collaborations.search import normalise, parse
from tests.factories import (
    OrganisationFactory,
    SiteAliasFactory,
    SiteFactory,
    SiteOrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def john_lyons():
    site = SiteFactory(
        slug="john-lyons-charity",
        name="John Lyons Charity",
        summary="Alliance of youth services providers funded by grants and contracts.",
    )
    SiteAliasFactory(site=site, name="Young People's Foundations")
    SiteOrganisationFactory(site=site, organisation=OrganisationFactory(name="Richmond Trust"))
    other = SiteFactory(slug="wigan", name="Wigan Council", summary="The Deal for Communities.")
    for one in (site, other):
        refresh_site_derived(one)
    return site


def found(client, q: str) -> list[str]:
    response = client.get("/api/v1/sites/", {"q": q})
    assert response.status_code == 200, response.content
    return [site["slug"] for site in response.json()["results"]]


@pytest.mark.parametrize(
    "q",
    [
        "Young People’s Foundations",  # curly apostrophe
        "Young Peoples Foundations",
        "young people's foundations",
        "YOUNG PEOPLE",
        '"young people\'s foundations"',  # a phrase
        "“Young People’s Foundations”",  # a phrase in curly quotes
    ],
)
def test_an_alias_is_found_however_its_apostrophe_and_case_are_written(client, john_lyons, q):
    assert found(client, q) == ["john-lyons-charity"]


def test_organisation_names_and_summaries_are_searched(client, john_lyons):
    assert found(client, "richmond") == ["john-lyons-charity"]
    assert found(client, "youth alliance") == ["john-lyons-charity"]
    assert found(client, "communities") == ["wigan"]


def test_web_search_syntax_excludes_and_alternates(client, john_lyons):
    assert found(client, "alliance -youth") == []
    assert found(client, "wigan or lyons") == ["john-lyons-charity", "wigan"]
    assert found(client, '"lyons charity"') == ["john-lyons-charity"]
    assert found(client, '"charity lyons"') == []


def test_a_query_with_no_words_filters_nothing(client, john_lyons):
    assert len(found(client, "'’ --")) == 2


def test_a_result_found_through_an_alias_says_also_known_as_with_the_match_marked(
    client, john_lyons
):
    html = client.get("/sites/", {"q": "young peoples foundations"}).content.decode()
    assert (
        "Also known as “<mark>Young</mark> <mark>People&#x27;s</mark> <mark>Foundations</mark>”"
        in html
    )
    html = client.get("/sites/", {"q": "john lyons"}).content.decode()
    assert "Also known as" not in html


def test_an_alias_with_markup_is_escaped_when_highlighted(client):
    site = SiteFactory(name="Harbour")
    SiteAliasFactory(site=site, name="<b>Quay</b> Project")
    refresh_site_derived(site)
    html = client.get("/sites/", {"q": "quay"}).content.decode()
    assert "&lt;b&gt;<mark>Quay</mark>&lt;/b&gt; Project" in html


def test_normalising_drops_apostrophes_and_folds_case():
    assert normalise("Young People’s FOUNDATIONS") == "young peoples foundations"
    groups = parse('alpha "beta gamma" -delta or epsilon')
    assert [[(c.text, c.excluded) for c in g] for g in groups] == [
        [("alpha", False), ("beta gamma", False), ("delta", True)],
        [("epsilon", False)],
    ]
