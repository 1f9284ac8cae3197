"""Test data factories. Fixtures in fixtures/ are the seed catalogue, never test data."""

import factory
from django.contrib.auth import get_user_model

from accountability import models as acc
from collaborations import models as col
from collaborations.search import refresh_search_vectors


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = col.Source
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"source-{n}")
    title = factory.Sequence(lambda n: f"Source document {n}")
    short_title = factory.Sequence(lambda n: f"Source {n}")
    kind = col.Source.Kind.DOCUMENT


def reference_factory(model_class, **extra):
    """A factory for a ReferenceItem subclass (slug, name, position)."""
    prefix = model_class._meta.model_name
    attrs = {
        "Meta": type("Meta", (), {"model": model_class, "django_get_or_create": ("slug",)}),
        "slug": factory.Sequence(lambda n: f"{prefix}-{n}"),
        "name": factory.Sequence(lambda n: f"{model_class._meta.verbose_name.title()} {n}"),
        "position": factory.Sequence(lambda n: n),
        **extra,
    }
    return type(f"{model_class.__name__}Factory", (factory.django.DjangoModelFactory,), attrs)


GovernanceModeFactory = reference_factory(col.GovernanceMode)
TypologyFactory = reference_factory(col.Typology)
FundingTypeFactory = reference_factory(col.FundingType)
DriverFactory = reference_factory(col.Driver)
JustificationFactory = reference_factory(col.Justification)
PartnerTypeFactory = reference_factory(col.PartnerType)
IngredientFactory = reference_factory(col.Ingredient)
PracticeFactory = reference_factory(col.Practice, ingredient=factory.SubFactory(IngredientFactory))
LeadershipStyleFactory = reference_factory(col.LeadershipStyle)
RegionFactory = reference_factory(col.Region, nation="England")
StudyDepthFactory = reference_factory(col.StudyDepth)
InitiatorTypeFactory = reference_factory(col.InitiatorType)
OrganisationTypeFactory = reference_factory(col.OrganisationType)
OrganisationRoleFactory = reference_factory(col.OrganisationRole)
FrameworkStrandFactory = reference_factory(col.FrameworkStrand)
FrameworkThemeFactory = reference_factory(
    col.FrameworkTheme, strand=factory.SubFactory(FrameworkStrandFactory)
)
AccountabilityApproachFactory = reference_factory(acc.AccountabilityApproach)
MeasurementApproachFactory = reference_factory(acc.MeasurementApproach)
AccountabilityLineTypeFactory = reference_factory(acc.AccountabilityLineType)
ChallengeFamilyFactory = reference_factory(acc.ChallengeFamily)
ChallengeFactory = reference_factory(
    acc.Challenge, family=factory.SubFactory(ChallengeFamilyFactory)
)
OpenQuestionFactory = reference_factory(acc.OpenQuestion)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = col.Organisation

    slug = factory.Sequence(lambda n: f"organisation-{n}")
    name = factory.Sequence(lambda n: f"Organisation {n}")
    organisation_type = factory.SubFactory(OrganisationTypeFactory)


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = col.Site
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"site-{n}")
    name = factory.Sequence(lambda n: f"Site {n}")
    kind = col.Site.Kind.RESEARCH_SITE
    status = col.Site.Status.PUBLISHED
    summary = factory.Faker("paragraph")
    scope = "Place-based collaboration"
    locality = factory.Faker("city")

    @factory.post_generation
    def search_vector(site, create, extracted, **kwargs):
        """Index the new site for full-text search, as the services do after a write."""
        if create:
            refresh_search_vectors([site.pk])


class CitedFactFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    source = factory.SubFactory(SourceFactory)
    locator = "Section 1"


def fact_factory(model_class, **fields):
    attrs = {"Meta": type("Meta", (), {"model": model_class}), **fields}
    return type(f"{model_class.__name__}Factory", (CitedFactFactory,), attrs)


site = factory.SubFactory(SiteFactory)
TypologyCodingFactory = fact_factory(
    col.TypologyCoding, site=site, typology=factory.SubFactory(TypologyFactory), rank="preferred"
)
SiteFundingFactory = fact_factory(
    col.SiteFunding, site=site, funding_type=factory.SubFactory(FundingTypeFactory)
)
SiteDriverFactory = fact_factory(
    col.SiteDriver, site=site, driver=factory.SubFactory(DriverFactory)
)
SiteJustificationFactory = fact_factory(
    col.SiteJustification, site=site, justification=factory.SubFactory(JustificationFactory)
)
SitePartnerFactory = fact_factory(
    col.SitePartner, site=site, partner_type=factory.SubFactory(PartnerTypeFactory)
)
SitePracticeFactory = fact_factory(
    col.SitePractice, site=site, practice=factory.SubFactory(PracticeFactory)
)
SiteLeadershipStyleFactory = fact_factory(
    col.SiteLeadershipStyle, site=site, leadership_style=factory.SubFactory(LeadershipStyleFactory)
)
SiteFrameworkThemeFactory = fact_factory(
    col.SiteFrameworkTheme, site=site, theme=factory.SubFactory(FrameworkThemeFactory)
)
SiteAliasFactory = fact_factory(
    col.SiteAlias, site=site, name=factory.Sequence(lambda n: f"Alias {n}")
)
SiteOrganisationFactory = fact_factory(
    col.SiteOrganisation,
    site=site,
    organisation=factory.SubFactory(OrganisationFactory),
    role=factory.SubFactory(OrganisationRoleFactory),
)
FieldStatementFactory = fact_factory(col.FieldStatement, site=site, field="scope")
QuoteFactory = fact_factory(
    col.Quote, site=site, text=factory.Faker("sentence"), speaker=factory.Faker("name")
)
SiteAccountabilityApproachFactory = fact_factory(
    acc.SiteAccountabilityApproach,
    site=site,
    approach=factory.SubFactory(AccountabilityApproachFactory),
)
MeasurementCodingFactory = fact_factory(
    acc.MeasurementCoding,
    site=site,
    approach=factory.SubFactory(MeasurementApproachFactory),
    rank="preferred",
)
AccountabilityLineFactory = fact_factory(
    acc.AccountabilityLine,
    site=site,
    line_type=factory.SubFactory(AccountabilityLineTypeFactory),
    detail=factory.Faker("sentence"),
)
IndicatorFactory = fact_factory(
    acc.Indicator, site=site, name=factory.Sequence(lambda n: f"Indicator {n}")
)


class RegisterFactory(factory.django.DjangoModelFactory):
    """A register; GSS (the ONS's area codes) unless told otherwise."""

    class Meta:
        model = col.Register
        django_get_or_create = ("code",)

    code = "GSS"
    name = "ONS geography codes (GSS)"
    publisher = "Office for National Statistics"
    url = "https://geoportal.statistics.gov.uk/"
    record_url = "https://statistics.data.gov.uk/id/statistical-geography/{value}"
    is_org_id_list = False
    pattern = "[EWSN][0-9]{8}"
    example = "E08000004"


def charity_register():
    return RegisterFactory(
        code="GB-CHC",
        name="Charity Commission for England and Wales",
        publisher="Charity Commission for England and Wales",
        url="https://register-of-charities.charitycommission.gov.uk/",
        record_url="",
        is_org_id_list=True,
        pattern="[1-9][0-9]{5,6}",
        example="1123456",
        kind=col.Register.Kind.CHARITY,
        value_name="registered charity number (England and Wales)",
    )


class LocalAuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = col.LocalAuthority

    code = factory.Sequence(lambda n: f"E06{n:06d}")
    name = factory.Sequence(lambda n: f"Borough {n}")
    tier = col.LocalAuthority.Tier.UNITARY
    register = factory.SubFactory(RegisterFactory)
    lookup = "A local authority lookup"


class OrganisationIdentifierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = col.OrganisationIdentifier

    organisation = factory.SubFactory(OrganisationFactory)
    register = factory.LazyFunction(charity_register)
    value = factory.Sequence(lambda n: f"{1100000 + n}")
    origin = col.OrganisationIdentifier.Origin.SUBMITTER


# Re-exported: tests import it from here. It uses the factories above, so it comes last.
from tests.large_catalogue import build_large_catalogue  # noqa: E402, F401


def api_key_for(user) -> str:
    """A working API key for the account (only its digest is stored, as on the token page)."""
    from collaborations.submissions.tokens import api_token_replace

    return api_token_replace(user=user)
