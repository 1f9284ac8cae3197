"""Integrity of the catalogue's models, held by the database as well as by Python."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from accountability.models import MeasurementCoding
from collaborations.models import (
    FundingType,
    Site,
    SiteFunding,
    Source,
    Typology,
    TypologyCoding,
)
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_unpublished_sites_never_appear_in_the_public_queryset():
    published = f.SiteFactory(status=Site.Status.PUBLISHED)
    hidden = [
        f.SiteFactory(status=status)
        for status in Site.Status.values
        if status != Site.Status.PUBLISHED
    ]
    assert list(Site.public.all()) == [published]
    assert list(Site.objects.published()) == [published]
    assert not set(hidden) & set(Site.public.all())


def test_the_public_manager_stays_published_only_when_chained():
    f.SiteFactory(status=Site.Status.DRAFT, name="Draft site")
    assert not Site.public.filter(name="Draft site").exists()
    assert not Site.public.research_coded().filter(name="Draft site").exists()


def test_deleting_a_typology_a_published_site_uses_is_refused():
    coding = f.TypologyCodingFactory(site=f.SiteFactory(status=Site.Status.PUBLISHED))
    with pytest.raises(ProtectedError):
        coding.typology.delete()
    assert Typology.objects.filter(pk=coding.typology.pk).exists()


def test_deleting_a_funding_type_or_source_in_use_is_refused():
    fact = f.SiteFundingFactory()
    with pytest.raises(ProtectedError):
        FundingType.objects.filter(pk=fact.funding_type.pk).delete()
    with pytest.raises(ProtectedError):
        Source.objects.filter(pk=fact.source.pk).delete()


def test_deleting_a_site_deletes_its_facts():
    fact = f.SiteFundingFactory()
    fact.site.delete()
    assert not SiteFunding.objects.filter(pk=fact.pk).exists()


def test_a_site_has_at_most_one_current_typology_coding():
    site = f.SiteFactory()
    f.TypologyCodingFactory(site=site, rank="preferred")
    with pytest.raises(IntegrityError), transaction.atomic():
        f.TypologyCodingFactory(site=site, rank="preferred")
    f.TypologyCodingFactory(site=site, rank="normal")
    assert TypologyCoding.objects.filter(site=site).count() == 2


def test_a_site_has_at_most_one_current_measurement_coding():
    site = f.SiteFactory()
    f.MeasurementCodingFactory(site=site, rank="preferred")
    with pytest.raises(IntegrityError), transaction.atomic():
        f.MeasurementCodingFactory(site=site, rank="preferred")
    assert MeasurementCoding.objects.filter(site=site).count() == 1


def test_a_source_states_a_funding_type_once_for_a_site():
    fact = f.SiteFundingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        f.SiteFundingFactory(site=fact.site, funding_type=fact.funding_type, source=fact.source)
    # Another source may state the same value: a second statement beside the first.
    f.SiteFundingFactory(site=fact.site, funding_type=fact.funding_type)


def test_a_deprecated_statement_must_say_why():
    fact = f.SiteFundingFactory()
    fact.rank = "deprecated"
    with pytest.raises(IntegrityError), transaction.atomic():
        fact.save()


def test_site_slugs_are_unique():
    f.SiteFactory(slug="oldham-council")
    with pytest.raises(IntegrityError), transaction.atomic():
        f.SiteFactory(slug="oldham-council")


def test_fact_counts_are_consistent_in_the_database():
    site = f.SiteFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Site.objects.filter(pk=site.pk).update(referenced_fact_count=1)


def test_start_year_must_be_plausible():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.SiteFactory(start_year=1066)


def test_reference_rows_and_sites_have_slug_natural_keys():
    typology = f.TypologyFactory(slug="system-connectors")
    site = f.SiteFactory(slug="west-london-zone")
    assert typology.natural_key() == ("system-connectors",)
    assert Typology.objects.get_by_natural_key("system-connectors") == typology
    assert Site.objects.get_by_natural_key("west-london-zone") == site


def test_a_fact_cites_its_source_and_locator():
    source = f.SourceFactory(short_title="GO Lab research slides")
    fact = f.SiteFundingFactory(source=source, locator="Research Subjects")
    assert fact.citation == "GO Lab research slides, Research Subjects"


def test_sites_say_whether_they_are_research_coded_or_self_reported():
    research = f.SiteFactory(kind=Site.Kind.RESEARCH_SITE)
    submitted = f.SiteFactory(kind=Site.Kind.PRACTITIONER_SUBMISSION)
    assert research.evidence_label == "Research-coded"
    assert submitted.evidence_label == "Self-reported"
    assert list(Site.objects.self_reported()) == [submitted]
