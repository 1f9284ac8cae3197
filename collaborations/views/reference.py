"""Pages about the vocabulary: typologies, drivers, the framework, organisations."""

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from collaborations.models import (
    Driver,
    FrameworkStrand,
    FrameworkTheme,
    Organisation,
    Site,
    SiteDriver,
    SiteFrameworkTheme,
    SiteOrganisation,
    Typology,
    TypologyCoding,
    TypologyPartner,
)
from collaborations.pages.examples import attach_examples, examples_by_value


def published_site_ids():
    return Site.public.values("pk")


def typologies_with_counts():
    """Every type with its governance mode, partner types and published-site count."""
    partners = TypologyPartner.objects.select_related("partner_type", "source")
    current = Q(codings__is_current=True, codings__site__in=published_site_ids())
    return (
        Typology.objects.select_related("governance_mode", "source")
        .prefetch_related(Prefetch("partner_facts", queryset=partners))
        .annotate(site_count=Count("codings__site", filter=current, distinct=True))
    )


class TypologyListView(TemplateView):
    template_name = "collaborations/typology_list.html"

    def get_context_data(self, **kwargs):
        typologies = list(typologies_with_counts())
        examples = examples_by_value(TypologyCoding, "typology", limit=6, is_current=True)
        return super().get_context_data(typologies=attach_examples(typologies, examples), **kwargs)


class TypologyDetailView(DetailView):
    template_name = "collaborations/typology_detail.html"
    context_object_name = "typology"

    def get_object(self, queryset=None):
        return get_object_or_404(typologies_with_counts(), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        codings = (
            TypologyCoding.objects.filter(typology=self.object, site__in=published_site_ids())
            .select_related("site__region", "site__study_depth", "source")
            .order_by("site__name")
        )
        codings = list(codings)
        return super().get_context_data(
            current_codings=[c for c in codings if c.is_current],
            other_codings=[c for c in codings if not c.is_current],
            **kwargs,
        )


class DriverMatrixView(TemplateView):
    """Which sites name which driver, with totals both ways."""

    template_name = "collaborations/driver_matrix.html"

    def get_context_data(self, **kwargs):
        drivers = list(Driver.objects.all())
        facts = SiteDriver.objects.filter(site__in=published_site_ids()).values_list(
            "site_id", "driver_id"
        )
        named = {}
        for site_id, driver_id in facts:
            named.setdefault(site_id, set()).add(driver_id)
        sites = list(Site.public.filter(pk__in=list(named)).only("slug", "name", "kind"))
        rows = [
            {
                "site": site,
                "cells": [d.pk in named[site.pk] for d in drivers],
                "total": len(named[site.pk]),
            }
            for site in sites
        ]
        for index, driver in enumerate(drivers):
            driver.sites = [row["site"] for row in rows if row["cells"][index]]
        return super().get_context_data(
            drivers=drivers,
            rows=rows,
            sites_without_drivers=Site.public.count() - len(rows),
            **kwargs,
        )


class FrameworkView(TemplateView):
    """Seed 004's four strands and twelve themes, with their named examples."""

    template_name = "collaborations/framework.html"

    def get_context_data(self, **kwargs):
        themes = FrameworkTheme.objects.select_related("source").annotate(
            site_count=Count(
                "site_facts__site",
                filter=Q(site_facts__site__in=published_site_ids()),
                distinct=True,
            )
        )
        strands = FrameworkStrand.objects.select_related("source").prefetch_related(
            Prefetch("themes", queryset=themes)
        )
        examples = examples_by_value(SiteFrameworkTheme, "theme")
        strands = list(strands)
        for strand in strands:
            strand.theme_list = attach_examples(list(strand.themes.all()), examples)
        return super().get_context_data(strands=strands, **kwargs)


class OrganisationDetailView(DetailView):
    template_name = "collaborations/organisation_detail.html"
    context_object_name = "organisation"

    def get_object(self, queryset=None):
        organisations = Organisation.objects.select_related("organisation_type").prefetch_related(
            "aliases"
        )
        return get_object_or_404(organisations.public(), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        participations = (
            SiteOrganisation.objects.filter(organisation=self.object, site__in=published_site_ids())
            .select_related("site__region", "role", "source")
            .order_by("role__position", "site__name")
        )
        by_role = {}
        for participation in participations:
            by_role.setdefault(participation.role, []).append(participation)
        return super().get_context_data(by_role=list(by_role.items()), **kwargs)
