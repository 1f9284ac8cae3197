"""Test data factories. Fixtures in fixtures/ are the seed catalogue, never test data."""

import random

import factory
from django.contrib.auth import get_user_model

from accountability import models as acc
from collaborations import models as col


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

    slug = factory.Sequence(lambda n: f"site-{n}")
    name = factory.Sequence(lambda n: f"Site {n}")
    kind = col.Site.Kind.RESEARCH_SITE
    status = col.Site.Status.PUBLISHED
    summary = factory.Faker("paragraph")
    scope = "Place-based collaboration"
    locality = factory.Faker("city")


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
    col.TypologyCoding, site=site, typology=factory.SubFactory(TypologyFactory)
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
FieldCitationFactory = fact_factory(col.FieldCitation, site=site, field="scope")
QuoteFactory = fact_factory(
    col.Quote, site=site, text=factory.Faker("sentence"), speaker=factory.Faker("name")
)
SiteAccountabilityApproachFactory = fact_factory(
    acc.SiteAccountabilityApproach,
    site=site,
    approach=factory.SubFactory(AccountabilityApproachFactory),
)
MeasurementCodingFactory = fact_factory(
    acc.MeasurementCoding, site=site, approach=factory.SubFactory(MeasurementApproachFactory)
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


def build_large_catalogue(n_sites: int = 300, seed: int = 7) -> list[col.Site]:
    """n_sites published sites, each with several facts of every kind, for query-count tests.

    Written with bulk_create so a few hundred sites take a second, not a minute.
    """
    rng = random.Random(seed)
    source = SourceFactory()
    typologies = TypologyFactory.create_batch(4)
    fundings = FundingTypeFactory.create_batch(4)
    drivers = DriverFactory.create_batch(14)
    justifications = JustificationFactory.create_batch(4)
    partners = PartnerTypeFactory.create_batch(8)
    practices = PracticeFactory.create_batch(6)
    styles = LeadershipStyleFactory.create_batch(3)
    regions = RegionFactory.create_batch(5)
    depths = StudyDepthFactory.create_batch(2)
    approaches = AccountabilityApproachFactory.create_batch(5)
    measurements = MeasurementApproachFactory.create_batch(3)
    line_types = AccountabilityLineTypeFactory.create_batch(4)
    themes = FrameworkThemeFactory.create_batch(3)
    lead = OrganisationRoleFactory(slug="lead", name="Lead")
    org_type = OrganisationTypeFactory()
    kinds = list(col.Site.Kind.values)
    sites = col.Site.objects.bulk_create(
        col.Site(
            slug=f"bulk-site-{i}",
            name=f"Bulk site {i:04d}",
            kind=kinds[i % len(kinds)],
            status=col.Site.Status.PUBLISHED,
            summary=f"Summary of bulk site {i}",
            scope="Place-based collaboration",
            locality=f"Town {i}",
            region=regions[i % len(regions)],
            study_depth=depths[i % len(depths)],
            start_year=2000 + i % 20,
            completeness=rng.randint(0, 100),
            search_document=f"bulk site {i} summary of bulk site {i}",
        )
        for i in range(n_sites)
    )
    orgs = col.Organisation.objects.bulk_create(
        col.Organisation(
            slug=f"bulk-org-{i}", name=f"Bulk organisation {i}", organisation_type=org_type
        )
        for i in range(n_sites)
    )
    cite = {"source": source, "locator": "Bulk section"}

    def pick(values, k):
        return rng.sample(values, k=min(k, len(values)))

    rows = {
        model: []
        for model in (
            col.TypologyCoding,
            col.SiteFunding,
            col.SiteDriver,
            col.SiteJustification,
            col.SitePartner,
            col.SitePractice,
            col.SiteLeadershipStyle,
            col.SiteFrameworkTheme,
            col.SiteAlias,
            col.SiteOrganisation,
            col.Quote,
            acc.SiteAccountabilityApproach,
            acc.MeasurementCoding,
            acc.AccountabilityLine,
            acc.Indicator,
        )
    }
    for i, s in enumerate(sites):
        rows[col.TypologyCoding].append(
            col.TypologyCoding(site=s, typology=typologies[i % 4], **cite)
        )
        rows[col.SiteFunding] += [
            col.SiteFunding(site=s, funding_type=v, **cite) for v in pick(fundings, 2)
        ]
        rows[col.SiteDriver] += [col.SiteDriver(site=s, driver=v, **cite) for v in pick(drivers, 4)]
        rows[col.SiteJustification] += [
            col.SiteJustification(site=s, justification=v, **cite) for v in pick(justifications, 2)
        ]
        rows[col.SitePartner] += [
            col.SitePartner(site=s, partner_type=v, **cite) for v in pick(partners, 4)
        ]
        rows[col.SitePractice] += [
            col.SitePractice(site=s, practice=v, **cite) for v in pick(practices, 3)
        ]
        rows[col.SiteLeadershipStyle] += [
            col.SiteLeadershipStyle(site=s, leadership_style=v, **cite) for v in pick(styles, 1)
        ]
        rows[col.SiteFrameworkTheme] += [
            col.SiteFrameworkTheme(site=s, theme=v, **cite) for v in pick(themes, 1)
        ]
        rows[col.SiteAlias].append(col.SiteAlias(site=s, name=f"Alias of {i}", **cite))
        rows[col.SiteOrganisation].append(
            col.SiteOrganisation(site=s, organisation=orgs[i], role=lead, **cite)
        )
        rows[col.Quote].append(col.Quote(site=s, text=f"Quote {i}", speaker="A. Person", **cite))
        rows[acc.SiteAccountabilityApproach] += [
            acc.SiteAccountabilityApproach(site=s, approach=v, **cite) for v in pick(approaches, 2)
        ]
        rows[acc.MeasurementCoding].append(
            acc.MeasurementCoding(site=s, approach=measurements[i % 3], **cite)
        )
        rows[acc.AccountabilityLine] += [
            acc.AccountabilityLine(site=s, line_type=v, detail="Reports", **cite)
            for v in pick(line_types, 2)
        ]
        rows[acc.Indicator].append(acc.Indicator(site=s, name=f"Indicator {i}", **cite))
    for model, objs in rows.items():
        model.objects.bulk_create(objs)
    return sites
