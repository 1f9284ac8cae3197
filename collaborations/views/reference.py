"""Pages about the vocabulary: typologies, drivers, the framework, organisations."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from collaborations.filters import SiteFilterSet
from collaborations.models import (
    Driver,
    FrameworkStrand,
    FrameworkTheme,
    GovernanceMode,
    Organisation,
    Site,
    SiteFrameworkTheme,
    SiteOrganisation,
    Typology,
    TypologyCoding,
    TypologyPartner,
)
from collaborations.pages.drivers import driver_counts
from collaborations.pages.examples import attach_examples, examples_by_value
from collaborations.pages.findings import topics_for
from collaborations.site_counts import with_site_counts
from collaborations.versions import catalogue_version


def published_site_ids():
    return Site.public.values("pk")


# A type's page lists at most this many sites (of its current coding, and of other
# sources' codings); the browse page, filtered by the type, holds them all.
TYPOLOGY_SITES = 50
CURRENT_CODING = SiteFilterSet.base_filters["typology"].fact_conditions


def typologies_with_counts(typologies=None) -> list:
    """Every type (or those given) with its governance mode, partner types and
    published-site count."""
    partners = TypologyPartner.objects.select_related("partner_type", "source")
    typologies = Typology.objects.all() if typologies is None else typologies
    rows = typologies.select_related("governance_mode", "source").prefetch_related(
        Prefetch("partner_facts", queryset=partners)
    )
    return with_site_counts(rows, TypologyCoding, "typology", **CURRENT_CODING)


class TypologyListView(TemplateView):
    template_name = "collaborations/typology_list.html"

    def get_context_data(self, **kwargs):
        typologies = typologies_with_counts()
        examples = examples_by_value(TypologyCoding, "typology", limit=6, **CURRENT_CODING)
        typologies = attach_examples(typologies, examples)
        return super().get_context_data(
            typologies=[t for t in typologies if t.is_classification],
            unclassified=[t for t in typologies if not t.is_classification],
            modes=GovernanceMode.objects.select_related("source"),
            **kwargs,
        )


class TypologyDetailView(DetailView):
    template_name = "collaborations/typology_detail.html"
    context_object_name = "typology"

    def get_object(self, queryset=None):
        rows = typologies_with_counts(Typology.objects.filter(slug=self.kwargs["slug"]))
        if not rows:
            raise Http404("No type of collaboration has this address.")
        return rows[0]

    def get_context_data(self, **kwargs):
        codings = (
            TypologyCoding.objects.filter(typology=self.object, site__in=published_site_ids())
            .select_related("site__region", "site__study_depth", "source")
            .order_by("site__name")
        )
        current = codings.filter(**CURRENT_CODING)
        return super().get_context_data(
            current_codings=current[:TYPOLOGY_SITES],
            other_codings=codings.exclude(pk__in=current.values("pk"))[:TYPOLOGY_SITES],
            listed_at_most=TYPOLOGY_SITES,
            **kwargs,
        )


class DriverMatrixView(TemplateView):
    """How many published sites name each driver, in all and by type, each count a link to
    the browse page filtered by it; and the trends the documents see behind collaboration."""

    template_name = "collaborations/driver_matrix.html"

    def get_context_data(self, **kwargs):
        drivers = list(
            Driver.objects.select_related("source").prefetch_related("same_justifications__source")
        )
        typologies = list(Typology.objects.all())
        counts = driver_counts(catalogue_version())
        counts.attach(drivers, typologies)
        return super().get_context_data(
            drivers=drivers,
            typologies=typologies,
            any_named=counts.any_named,
            topics=topics_for("drivers"),
            **kwargs,
        )


class FrameworkView(TemplateView):
    """Collaborate's four strands and twelve themes, with their named examples, and what
    the paper says of the framework as a whole, the figures and the further evidence it
    cites."""

    template_name = "collaborations/framework.html"

    def get_context_data(self, **kwargs):
        themes = FrameworkTheme.objects.select_related("source")
        strands = FrameworkStrand.objects.select_related("source").prefetch_related(
            Prefetch("themes", queryset=themes)
        )
        examples = examples_by_value(SiteFrameworkTheme, "theme")
        strands = list(strands)
        for strand in strands:
            strand_themes = with_site_counts(strand.themes.all(), SiteFrameworkTheme, "theme")
            strand.theme_list = attach_examples(strand_themes, examples)
        return super().get_context_data(strands=strands, topics=topics_for("framework"), **kwargs)


# An organisation's page lists the sites it takes part in up to this many.
ORGANISATION_SITES = 100


class OrganisationDetailView(DetailView):
    template_name = "collaborations/organisation_detail.html"
    context_object_name = "organisation"

    def get_object(self, queryset=None):
        organisations = Organisation.objects.select_related("organisation_type").prefetch_related(
            "aliases", "identifiers__register"
        )
        return get_object_or_404(organisations.public(), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        participations = (
            SiteOrganisation.objects.filter(organisation=self.object, site__in=published_site_ids())
            .select_related("site__region", "role", "source")
            .order_by("role__position", "site__name")
        )
        listed = list(participations[: ORGANISATION_SITES + 1])
        by_role = {}
        for participation in listed[:ORGANISATION_SITES]:
            by_role.setdefault(participation.role, []).append(participation)
        return super().get_context_data(
            by_role=list(by_role.items()),
            more_participations=len(listed) > ORGANISATION_SITES,
            listed_at_most=ORGANISATION_SITES,
            **kwargs,
        )
