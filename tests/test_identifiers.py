"""Identifiers from public registers: the ONS local authority lookup loaded as reference
data, councils' codes matched by name, sites found by their council's code, identifiers in
the API and the CSV, and filters that explain a bad identifier."""

import csv
import html
import io
import re

import jsonschema
import pytest
import qlacref_authorities
from django.core.management import call_command

from collaborations.catalogue import default_fixture_path
from collaborations.models import LocalAuthority, OrganisationIdentifier, Register, Site
from collaborations.registers import RegistersError, council_key, registers_load
from tests import factories as f
from tests import streaming
from tests.test_api_queries import MAX_REFERENCE_QUERIES
from tests.test_api_support import json_schema, openapi_schema

pytestmark = pytest.mark.django_db


@pytest.fixture
def registers():
    registers_load(default_fixture_path())


def test_the_lookup_is_loaded_from_its_package_with_both_tiers(registers):
    codes = {r["LTLA21CD"] for r in qlacref_authorities.records}
    codes |= {r["UTLA21CD"] for r in qlacref_authorities.records}
    assert LocalAuthority.objects.count() == len(codes)
    oldham = LocalAuthority.objects.get(code="E08000004")
    assert (oldham.name, oldham.tier, oldham.upper_tier) == ("Oldham", "unitary", None)
    cherwell = LocalAuthority.objects.get(name="Cherwell")
    assert cherwell.tier == "lower" and cherwell.upper_tier.name == "Oxfordshire"
    assert cherwell.upper_tier.tier == "upper"
    assert "April 2021" in cherwell.lookup and cherwell.register.code == "GSS"
    org_id_lists = set(Register.objects.filter(is_org_id_list=True).values_list("code", flat=True))
    assert org_id_lists == {"GB-CHC", "GB-SC", "GB-NIC", "GB-COH"}


def test_loading_again_changes_nothing(registers):
    before = list(LocalAuthority.objects.order_by("code").values())
    assert registers_load(default_fixture_path())["sites"] == 0
    assert list(LocalAuthority.objects.order_by("code").values()) == before


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Oldham Council", "oldham"),
        ("Sunderland City Council", "sunderland"),
        ("London Borough of Lambeth", "lambeth"),
        ("Bristol, City of", "bristol"),
        ("Liverpool council", "liverpool"),
        ("Wigan Metropolitan Borough Council", "wigan"),
        ("Somerset Richmond Group", "somerset richmond group"),
    ],
)
def test_council_names_are_compared_without_the_words_around_them(name, key):
    assert council_key(name) == key


def test_councils_get_their_code_and_sites_their_council(registers):
    council_type = f.OrganisationTypeFactory(slug="local-authority")
    oldham = f.OrganisationFactory(name="Oldham Council", organisation_type=council_type)
    charity = f.OrganisationFactory(name="Oldham Community Trust")
    private = f.OrganisationFactory(
        name="Wigan Council", organisation_type=council_type, is_public=False
    )
    site = f.SiteFactory(local_authority="Oldham Council")
    elsewhere = f.SiteFactory(local_authority="Glasgow City Council")  # not in the lookup
    registers_load(default_fixture_path())
    (identifier,) = oldham.identifiers.all()
    assert (identifier.identifier, identifier.origin) == ("GSS-E08000004", "register-match")
    assert identifier.url.endswith("/statistical-geography/E08000004")
    assert not charity.identifiers.exists() and not private.identifiers.exists()
    site.refresh_from_db()
    elsewhere.refresh_from_db()
    assert site.council.code == "E08000004" and elsewhere.council is None


def test_a_register_entry_must_be_well_formed(tmp_path):
    (tmp_path / "registers.yaml").write_text("registers:\n  - code: GB-X\n    name: X\n")
    with pytest.raises(RegistersError, match=r"registers\[0\] \(GB-X\)"):
        registers_load(tmp_path)
    assert not Register.objects.exists()


def test_an_identifier_must_have_its_register_s_form():
    identifier = f.OrganisationIdentifierFactory.build(
        organisation=f.OrganisationFactory(), register=f.charity_register(), value="12"
    )
    with pytest.raises(Exception, match="for example 1123456"):
        identifier.full_clean()


@pytest.fixture
def identified(registers):
    """A site in a district of Oxfordshire led by a charity with a charity number."""
    cherwell = LocalAuthority.objects.get(name="Cherwell")
    site = f.SiteFactory(slug="banbury-alliance", local_authority="Cherwell District Council")
    Site.objects.filter(pk=site.pk).update(council=cherwell)
    charity = f.OrganisationFactory(slug="banbury-trust", name="Banbury Trust")
    OrganisationIdentifier.objects.create(
        organisation=charity,
        register=Register.objects.get(code="GB-CHC"),
        value="1123456",
        origin="submitter",
    )
    f.SiteOrganisationFactory(site=site, organisation=charity)
    f.SiteFactory(slug="elsewhere")
    return site


def slugs(client, query):
    response = client.get(f"/api/v1/sites/?{query}")
    assert response.status_code == 200, response.json()
    return [site["slug"] for site in response.json()["results"]]


@pytest.mark.parametrize(
    "query",
    [
        "council=E07000177",  # Cherwell
        "council=E10000025",  # Oxfordshire: the county takes in its districts
        "identifier=GSS-E10000025",
        "identifier=GB-CHC-1123456",
        "identifier=gb-chc-1123456",
    ],
)
def test_sites_are_found_by_their_council_s_code_and_their_organisations_identifiers(
    client, identified, query
):
    assert slugs(client, query) == ["banbury-alliance"]
    assert client.get(f"/sites/?{query}").context["page_obj"].object_list[0].slug == (
        "banbury-alliance"
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("council=E99999999", "E99999999 is not the code of a council in the register"),
        ("identifier=GB-CHC-12", "write it like GB-CHC-1123456"),
        ("identifier=1123456", "Write <register>-<value>, for example: GSS-E08000004"),
        ("identifier=" + "9" * 80, "longer than 60 characters"),
    ],
)
def test_a_bad_code_or_identifier_is_a_400_that_says_how_to_write_one(
    client, identified, query, message
):
    response = client.get(f"/api/v1/sites/?{query}")
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert message in error["message"]
    page = client.get(f"/sites/?{query}")
    assert page.status_code == 400 and message in html.unescape(page.content.decode())


def test_the_api_and_the_csv_give_each_identifier_with_its_register(client, identified):
    site = client.get("/api/v1/sites/banbury-alliance/").json()
    assert site["council"] == {
        "code": "E07000177",
        "identifier": "GSS-E07000177",
        "name": "Cherwell",
        "tier": "lower",
        "upper_tier": {"code": "E10000025", "name": "Oxfordshire"},
    }
    (identifier,) = site["organisations"][0]["organisation"]["identifiers"]
    assert identifier["identifier"] == "GB-CHC-1123456"
    assert identifier["register"]["name"] == "Charity Commission for England and Wales"
    assert identifier["register"]["is_org_id_list"] and identifier["origin"] == "submitter"
    organisation = client.get("/api/v1/organisations/banbury-trust/").json()
    assert organisation["identifiers"] == [identifier]
    response = client.get("/api/v1/sites/export.csv?identifier=GB-CHC-1123456")
    (row,) = csv.DictReader(io.StringIO(streaming.body(response).decode()))
    assert (row["council_code"], row["council_name"]) == ("E07000177", "Cherwell")
    assert row["organisation_identifiers"] == "GB-CHC-1123456"


def test_load_catalogue_loads_the_registers_and_matches_the_research_councils():
    call_command("load_catalogue", stdout=io.StringIO())
    matched = dict(OrganisationIdentifier.objects.values_list("organisation__slug", "value"))
    assert matched["oldham-council"] == "E08000004"
    assert matched["plymouth-council"] == "E06000026"
    # No document gives a charity or company number: the catalogue invents none.
    assert set(OrganisationIdentifier.objects.values_list("register__code", flat=True)) == {"GSS"}
    assert Site.objects.get(slug="oldham-council").council.name == "Oldham"


def test_councils_and_registers_are_listed_with_their_sites(client, identified):
    cherwell = client.get("/api/v1/councils/e07000177/").json()
    assert cherwell["upper_tier"] == {"code": "E10000025", "name": "Oxfordshire"}
    assert cherwell["site_count"] == 1 and cherwell["sites_url"].endswith("?council=E07000177")
    councils = client.get("/api/v1/councils/").json()
    assert len(councils) == LocalAuthority.objects.count()
    assert client.get("/api/v1/councils/E99999999/").status_code == 404
    charity = client.get("/api/v1/registers/GB-CHC/").json()
    assert charity["site_count"] == 1 and charity["is_org_id_list"]
    assert [r["code"] for r in client.get("/api/v1/registers/").json()][0] == "GSS"


@pytest.mark.parametrize(("endpoint", "row"), [("councils", "E07000177"), ("registers", "GB-CHC")])
def test_councils_and_registers_match_the_schema_in_bounded_queries(
    client, identified, endpoint, row, django_assert_max_num_queries
):
    with django_assert_max_num_queries(MAX_REFERENCE_QUERIES):
        rows = client.get(f"/api/v1/{endpoint}/").json()
    paths = openapi_schema()["paths"]
    listed = paths[f"/api/v1/{endpoint}/"]["get"]["responses"]["200"]["content"]
    component = listed["application/json"]["schema"]["items"]["$ref"].split("/")[-1]
    for one in rows:
        jsonschema.validate(one, json_schema(component))
    assert f"/api/v1/{endpoint}/{{code}}/" in paths
    jsonschema.validate(client.get(f"/api/v1/{endpoint}/{row}/").json(), json_schema(component))


def test_sites_and_organisations_with_identifiers_match_the_schema(client, identified):
    site = client.get("/api/v1/sites/banbury-alliance/").json()
    jsonschema.validate(site, json_schema("Site"))
    page = client.get("/api/v1/sites/?council=E10000025").json()
    jsonschema.validate(page, json_schema("PaginatedSiteList"))


def test_a_practitioner_picks_their_council_from_the_register(
    client, registers, django_capture_on_commit_callbacks
):
    from tests.test_submissions_support import make_reference_data, submission_data

    ref = make_reference_data()
    page = client.get("/submit/all/").content.decode()  # the one-page form
    assert '<select name="council"' in page
    assert '<option value="E07000177">Cherwell (Oxfordshire)</option>' in page
    codes = re.findall(r'<option value="([EW][0-9]{8})"', page)
    assert len(codes) == len(set(codes)) == LocalAuthority.objects.count()
    data = submission_data(ref, council="E07000177", local_authority="")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/submit/all/", data).status_code == 302
    site = Site.objects.get(name="Northtown Together")
    assert site.local_authority == "Cherwell" and site.council.code == "E07000177"
    # Editing the draft shows the council picked, not as text.
    from collaborations.submissions.facts import site_facts_of
    from collaborations.submissions.forms import initial_from_facts

    initial = initial_from_facts(site_facts_of(site))
    assert (initial["council"], initial["local_authority"]) == ("E07000177", "")


def test_a_council_outside_the_register_is_named_and_both_at_once_is_an_error(
    client, registers, django_capture_on_commit_callbacks
):
    from tests.test_submissions_support import make_reference_data, submission_data

    ref = make_reference_data()
    both = submission_data(ref, council="E07000177", local_authority="Glasgow City Council")
    response = client.post("/submit/all/", both)
    assert response.status_code == 400  # the form again, with the error by the field
    assert "You chose Cherwell from the list and also named" in html.unescape(
        response.content.decode()
    )
    unknown = submission_data(ref, council="E99999999")
    assert "council" in client.post("/submit/all/", unknown).context["form"].errors
    typed = submission_data(ref, local_authority="Glasgow City Council")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/submit/all/", typed).status_code == 302
    site = Site.objects.get(name="Northtown Together")
    assert site.local_authority == "Glasgow City Council" and site.council is None


def test_pages_show_identifiers_and_lead_to_the_sites_of_a_council_area(client, identified):
    page = client.get("/organisations/banbury-trust/").content.decode()
    assert "GB-CHC-1123456" in page and "Charity Commission for England and Wales" in page
    assert 'href="/sites/?identifier=GB-CHC-1123456"' in page
    f.FieldStatementFactory(site=identified, field="local_authority", value="")
    case = client.get("/sites/banbury-alliance/").content.decode()
    assert "Cherwell, in Oxfordshire" in case and 'href="/sites/?council=E07000177"' in case


def test_the_task_lists_where_and_who_section_offers_the_register(client, registers):
    from tests.test_submissions_support import make_reference_data
    from tests.test_submissions_tasks import save, start

    ref = make_reference_data()
    submission = start(client, "Northtown Together")
    url = f"/submissions/{submission.site.slug}/tasks/where-and-who/"
    assert (
        '<option value="E07000177">Cherwell (Oxfordshire)</option>'
        in client.get(url).content.decode()
    )
    where = {
        "locality": "Banbury",
        "council": "E07000177",
        "lead_organisation_name": "Northtown Trust",
        "lead_organisation_type": ref.organisation_types[0].slug,
    }
    assert save(client, submission, "where-and-who", where).status_code == 302
    site = Site.objects.get(pk=submission.site.pk)
    assert site.local_authority == "Cherwell" and site.council.code == "E07000177"
