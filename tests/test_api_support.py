"""Builders and helpers shared by the tests/test_api_*.py files (no tests of its own)."""

import csv
import io
from functools import cache

from collaborations.models import Organisation, Site
from tests import factories as f
from tests import streaming


def rich_site(slug="oldham", **fields):
    """A published site with one cited fact of every kind the API shows."""
    source = f.SourceFactory(slug="rallying-report", title="Are we Rallying Together?")
    site = f.SiteFactory(
        slug=slug,
        name=fields.pop("name", slug.title()),
        region=f.RegionFactory(slug="north-west", nation="England"),
        study_depth=f.StudyDepthFactory(slug="learning-call"),
        initiated_by=f.InitiatorTypeFactory(slug="public-authority"),
        permanence=Site.Permanence.EMBEDDED,
        start_year=2017,
        website="https://example.org/oldham",
        **fields,
    )
    cite = {"site": site, "source": source, "locator": "Research Subjects"}
    mode = f.GovernanceModeFactory(slug="lead-organisation")
    f.TypologyCodingFactory(
        typology=f.TypologyFactory(slug="collaborative-councils", governance_mode=mode), **cite
    )
    f.SiteFundingFactory(funding_type=f.FundingTypeFactory(slug="grant-funding"), **cite)
    f.SiteDriverFactory(driver=f.DriverFactory(slug="systemic-working"), **cite)
    f.SiteJustificationFactory(justification=f.JustificationFactory(slug="better-value"), **cite)
    f.SitePartnerFactory(partner_type=f.PartnerTypeFactory(slug="nhs"), **cite)
    f.SitePracticeFactory(practice=f.PracticeFactory(slug="co-location"), **cite)
    f.SiteLeadershipStyleFactory(leadership_style=f.LeadershipStyleFactory(slug="steward"), **cite)
    f.SiteFrameworkThemeFactory(theme=f.FrameworkThemeFactory(slug="insight"), **cite)
    f.SiteAliasFactory(name="The Oldham Plan", **cite)
    lead = f.OrganisationRoleFactory(slug="lead", name="Lead")
    council = Organisation.objects.filter(slug="oldham-council").first() or f.OrganisationFactory(
        slug="oldham-council", name="Oldham Council"
    )
    f.SiteOrganisationFactory(organisation=council, role=lead, **cite)
    f.QuoteFactory(text="You said, we did.", speaker="A. Officer", organisation=council, **cite)
    f.FieldStatementFactory(field="scope", **cite)
    f.SiteAccountabilityApproachFactory(
        approach=f.AccountabilityApproachFactory(slug="community-reporting"), **cite
    )
    f.MeasurementCodingFactory(approach=f.MeasurementApproachFactory(slug="data-driven"), **cite)
    f.AccountabilityLineFactory(
        line_type=f.AccountabilityLineTypeFactory(slug="elected-council"), **cite
    )
    f.IndicatorFactory(name="Residents reached", **cite)
    return site


def results_slugs(response):
    return [site["slug"] for site in response.json()["results"]]


def csv_rows(response):
    """Parse a CSV body the way pandas.read_csv(url) would: UTF-8, comma, header row."""
    text = streaming.body(response).decode("utf-8")
    assert not text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@cache
def openapi_schema():
    """The OpenAPI document the project serves at /api/schema/, as a dict."""
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def json_schema(component: str) -> dict:
    """An OpenAPI 3.0 component as strict JSON Schema: nullable becomes a null type, and
    objects allow no properties the schema does not describe."""
    components = _to_json_schema(openapi_schema()["components"]["schemas"])
    return {"$ref": f"#/components/schemas/{component}", "components": {"schemas": components}}


def _to_json_schema(node):
    if isinstance(node, list):
        return [_to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _to_json_schema(value) for key, value in node.items()}
    if "properties" in node and "additionalProperties" not in node:
        node["additionalProperties"] = False
    if node.pop("nullable", False):
        return {"anyOf": [node, {"type": "null"}]}
    return node
