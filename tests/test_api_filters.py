"""Every filter of SiteFilterSet through the API, alone and combined, and ordering."""

from datetime import UTC, datetime, timedelta

import pytest
from django.http import QueryDict

from collaborations.filters import SiteFilterSet
from collaborations.models import Site
from tests import factories as f
from tests import streaming

pytestmark = pytest.mark.django_db


def _site(slug, name, completeness, kind=Site.Kind.RESEARCH_SITE, **facts):
    site = f.SiteFactory(
        slug=slug,
        name=name,
        kind=kind,
        fact_count=completeness,
        referenced_fact_count=completeness,
        study_depth=facts.pop("depth", None),
        region=facts.pop("region", None),
        initiated_by=facts.pop("initiated_by", None),
        locality=facts.pop("locality", ""),
        search_document=facts.pop("text", ""),
        scope=facts.pop("scope", "Place-based collaboration"),
    )
    fact_factories = {
        "typology": (f.TypologyCodingFactory, "typology"),
        "funding": (f.SiteFundingFactory, "funding_type"),
        "driver": (f.SiteDriverFactory, "driver"),
        "justification": (f.SiteJustificationFactory, "justification"),
        "partner": (f.SitePartnerFactory, "partner_type"),
        "practice": (f.SitePracticeFactory, "practice"),
        "leadership": (f.SiteLeadershipStyleFactory, "leadership_style"),
        "theme": (f.SiteFrameworkThemeFactory, "theme"),
        "accountability_approach": (f.SiteAccountabilityApproachFactory, "approach"),
        "measurement_approach": (f.MeasurementCodingFactory, "approach"),
    }
    for facet, values in facts.items():
        factory, field = fact_factories[facet]
        for value in values:
            factory(site=site, **{field: value})
    return site


@pytest.fixture
def catalogue():
    """alpha and beta share some values and differ in others; gamma has no facts."""
    ref = {
        "t": [f.TypologyFactory(slug=f"t{i}") for i in (1, 2)],
        "f": [f.FundingTypeFactory(slug=f"f{i}") for i in (1, 2)],
        "d": [f.DriverFactory(slug=f"d{i}") for i in (1, 2)],
        "j": [f.JustificationFactory(slug=f"j{i}") for i in (1, 2)],
        "p": [f.PartnerTypeFactory(slug=f"p{i}") for i in (1, 2)],
        "pr": [
            f.PracticeFactory(slug=f"pr{i}", ingredient=f.IngredientFactory(slug=f"ing{i}"))
            for i in (1, 2)
        ],
        "l": [f.LeadershipStyleFactory(slug=f"l{i}") for i in (1, 2)],
        "th": [f.FrameworkThemeFactory(slug=f"th{i}") for i in (1, 2)],
        "aa": [f.AccountabilityApproachFactory(slug=f"aa{i}") for i in (1, 2)],
        "m": [f.MeasurementApproachFactory(slug=f"m{i}") for i in (1, 2)],
        "dep": [f.StudyDepthFactory(slug=f"dep{i}") for i in (1, 2)],
        "r": [f.RegionFactory(slug=f"r{i}") for i in (1, 2)],
        "i": [f.InitiatorTypeFactory(slug=f"i{i}") for i in (1, 2)],
    }
    one = {key: values[0] for key, values in ref.items()}
    two = {key: values[1] for key, values in ref.items()}
    _site(
        "alpha",
        "Alpha",
        80,
        typology=[one["t"]],
        funding=[one["f"], two["f"]],
        driver=[one["d"], two["d"]],
        justification=[one["j"]],
        partner=[one["p"], two["p"]],
        practice=[one["pr"], two["pr"]],
        leadership=[one["l"]],
        theme=[one["th"]],
        accountability_approach=[one["aa"]],
        measurement_approach=[one["m"]],
        depth=one["dep"],
        region=one["r"],
        initiated_by=one["i"],
        locality="Oldham",
        text="alpha oldham place-based",
    )
    _site(
        "beta",
        "Beta",
        40,
        kind=Site.Kind.FRAMEWORK_EXAMPLE,
        typology=[two["t"]],
        funding=[two["f"]],
        driver=[one["d"]],
        justification=[two["j"]],
        partner=[one["p"]],
        practice=[one["pr"]],
        leadership=[two["l"]],
        theme=[two["th"]],
        accountability_approach=[two["aa"]],
        measurement_approach=[two["m"]],
        depth=two["dep"],
        region=two["r"],
        initiated_by=two["i"],
        text="beta wigan place-based",
    )
    _site(
        "gamma",
        "Gamma",
        10,
        kind=Site.Kind.PRACTITIONER_SUBMISSION,
        text="gamma",
        scope="Service alliance",
    )
    county = f.LocalAuthorityFactory(code="E10000001", name="A County", tier="upper")
    district = f.LocalAuthorityFactory(
        code="E07000001", name="A District", tier="lower", upper_tier=county
    )
    Site.objects.filter(slug="alpha").update(council=district)
    charity = f.OrganisationIdentifierFactory(value="1123456").organisation
    f.SiteOrganisationFactory(site=Site.objects.get(slug="beta"), organisation=charity)
    f.SiteFactory(slug="draft-alpha", status=Site.Status.DRAFT, search_document="alpha")
    Site.objects.filter(slug="alpha").update(updated_at=datetime(2020, 1, 1, tzinfo=UTC))


EACH_FILTER = [
    ("q=place-based", {"alpha", "beta"}),
    ("q=oldham", {"alpha"}),
    ("q=alpha oldham", {"alpha"}),
    ("q=alpha wigan", set()),
    ("typology=t1", {"alpha"}),
    ("typology=t1&typology=t2", {"alpha", "beta"}),
    ("funding=f2", {"alpha", "beta"}),
    ("funding=f1", {"alpha"}),
    ("driver=d1", {"alpha", "beta"}),
    ("driver=d1&driver=d2", {"alpha", "beta"}),
    ("driver=d1&driver=d2&driver_match=any", {"alpha", "beta"}),
    ("driver=d1&driver=d2&driver_match=all", {"alpha"}),
    ("driver_match=all", {"alpha", "beta", "gamma"}),
    ("justification=j2", {"beta"}),
    ("partner=p1&partner=p2", {"alpha", "beta"}),
    ("partner=p1&partner=p2&partner_match=all", {"alpha"}),
    ("practice=pr2", {"alpha"}),
    ("practice=pr1&practice=pr2&practice_match=all", {"alpha"}),
    ("ingredient=ing1", {"alpha", "beta"}),
    ("ingredient=ing2", {"alpha"}),
    ("leadership=l2", {"beta"}),
    ("theme=th1", {"alpha"}),
    ("accountability_approach=aa2", {"beta"}),
    ("measurement_approach=m1", {"alpha"}),
    ("depth=dep2", {"beta"}),
    ("region=r1", {"alpha"}),
    ("region=r1&region=r2", {"alpha", "beta"}),
    ("initiated_by=i2", {"beta"}),
    ("place=oldham", {"alpha"}),
    ("place=Wigan", set()),
    ("council=E07000001", {"alpha"}),
    ("council=e10000001", {"alpha"}),  # a county's code takes in its districts
    ("council=E10000001&council=E07000001", {"alpha"}),
    ("identifier=GB-CHC-1123456", {"beta"}),
    ("identifier=GSS-E10000001", {"alpha"}),
    ("identifier=GB-CHC-1123457", set()),
    ("identifier=GB-CHC-1123456&identifier=GSS-E07000001", {"alpha", "beta"}),
    ("kind=framework-example", {"beta"}),
    ("kind=research-site&kind=practitioner-submission", {"alpha", "gamma"}),
    ("evidence=self-reported", {"gamma"}),
    ("evidence=research-coded", {"alpha", "beta"}),
    ("min_facts_with_reference=40", {"alpha", "beta"}),
    ("min_facts_with_reference=81", set()),
    ("updated_since=2021-01-01", {"beta", "gamma"}),
    ("updated_since=2019-12-31T23:00:00Z", {"alpha", "beta", "gamma"}),
]

COMBINED = [
    ("typology=t1&funding=f1", {"alpha"}),
    ("typology=t1&funding=f2&kind=framework-example", set()),
    ("driver=d1&kind=framework-example", {"beta"}),
    ("funding=f2&min_facts_with_reference=50", {"alpha"}),
    ("partner=p1&region=r2&depth=dep2&q=wigan", {"beta"}),
    ("driver=d1&driver=d2&driver_match=all&partner=p1&partner=p2&partner_match=all", {"alpha"}),
    ("evidence=research-coded&updated_since=2021-01-01", {"beta"}),
    ("leadership=l1&leadership=l2&theme=th2&accountability_approach=aa2", {"beta"}),
    ("measurement_approach=m1&measurement_approach=m2&justification=j1", {"alpha"}),
    ("ingredient=ing1&initiated_by=i1&kind=research-site", {"alpha"}),
]


def api_slugs(client, query):
    response = client.get(f"/api/v1/sites/?{query}")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["count"] == len(body["results"])
    return {site["slug"] for site in body["results"]}


def browse_slugs(query):
    """What the browse page's FilterSet returns for the same query string."""
    filterset = SiteFilterSet(QueryDict(query), queryset=Site.public.all())
    assert filterset.is_valid(), filterset.errors
    return set(filterset.qs.values_list("slug", flat=True))


@pytest.mark.parametrize(("query", "expected"), EACH_FILTER + COMBINED)
def test_filters_return_the_sites_they_name(client, catalogue, query, expected):
    assert api_slugs(client, query) == expected


@pytest.mark.parametrize(("query", "expected"), EACH_FILTER + COMBINED)
def test_filters_mean_what_they_mean_on_the_browse_page(client, catalogue, query, expected):
    assert api_slugs(client, query) == browse_slugs(query)


def test_every_filter_of_the_browse_page_is_tested_here():
    tested = {part.split("=")[0] for query, _ in EACH_FILTER for part in query.split("&")}
    assert set(SiteFilterSet.base_filters) - {"ordering"} <= tested


def test_the_export_takes_the_same_filters(client, catalogue):
    body = streaming.json_of(
        client.get("/api/v1/sites/export.json?driver=d1&driver=d2&driver_match=all")
    )
    assert [site["slug"] for site in body["results"]] == ["alpha"]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("", ["alpha", "beta", "gamma"]),
        ("name", ["alpha", "beta", "gamma"]),
        ("-name", ["gamma", "beta", "alpha"]),
        ("facts_with_reference", ["gamma", "beta", "alpha"]),
        ("-facts_with_reference", ["alpha", "beta", "gamma"]),
        ("updated", ["alpha", "beta", "gamma"]),
        ("-updated", ["gamma", "beta", "alpha"]),
        ("-facts_with_reference,name", ["alpha", "beta", "gamma"]),
    ],
)
def test_ordering(client, catalogue, ordering, expected):
    response = client.get(f"/api/v1/sites/?ordering={ordering}")
    assert [site["slug"] for site in response.json()["results"]] == expected


def test_updated_since_takes_a_date_time_with_an_offset(client, catalogue):
    since = (datetime(2020, 1, 1, tzinfo=UTC) + timedelta(minutes=1)).isoformat()
    assert api_slugs(client, f"updated_since={since.replace('+', '%2B')}") == {"beta", "gamma"}


@pytest.mark.parametrize("endpoint", ["/api/v1/sites/", "/api/v1/sites/export.csv"])
@pytest.mark.parametrize(
    "param", ["updated_since", "min_facts_with_reference", "evidence", "typology"]
)
def test_an_empty_typed_parameter_is_a_400_naming_it(client, catalogue, endpoint, param):
    response = client.get(f"{endpoint}?{param}=")
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["parameter"] == param and "is empty" in error["message"]


def test_empty_text_parameters_filter_nothing(client, catalogue):
    assert api_slugs(client, "q=&place=") == {"alpha", "beta", "gamma"}


def test_the_browse_pages_download_link_leaves_out_blank_fields(client, catalogue):
    page = client.get("/sites/?q=&updated_since=&typology=t1").content.decode()
    assert "export.csv?typology=t1" in page
    assert client.get("/api/v1/sites/export.csv?typology=t1").status_code == 200
