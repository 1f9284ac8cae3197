"""The admin works for a researcher: every changelist and a site's change page."""

import pytest
from django.contrib import admin
from django.urls import reverse

from collaborations.derived import fact_counts_of
from collaborations.models import Site
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def researcher(client):
    user = f.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


@pytest.fixture
def site_with_every_fact():
    site = f.SiteFactory()
    for factory in (
        f.FieldStatementFactory,
        f.SiteAliasFactory,
        f.SiteOrganisationFactory,
        f.TypologyCodingFactory,
        f.SiteFundingFactory,
        f.SitePartnerFactory,
        f.SiteDriverFactory,
        f.SiteJustificationFactory,
        f.SitePracticeFactory,
        f.SiteLeadershipStyleFactory,
        f.SiteFrameworkThemeFactory,
        f.QuoteFactory,
        f.SiteAccountabilityApproachFactory,
        f.MeasurementCodingFactory,
        f.AccountabilityLineFactory,
        f.IndicatorFactory,
    ):
        factory(site=site)
    return site


def registered_models():
    return [
        model
        for model in admin.site._registry
        if model._meta.app_label in ("collaborations", "accountability")
    ]


def test_every_model_of_both_apps_is_in_the_admin():
    from django.apps import apps

    registered = set(registered_models())
    for app in ("collaborations", "accountability"):
        for model in apps.get_app_config(app).get_models():
            if not model.__name__.startswith("Historical"):
                assert model in registered, model.__name__


def test_every_changelist_returns_200_for_a_superuser(researcher, site_with_every_fact):
    for model in registered_models():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert researcher.get(url).status_code == 200, url
        assert researcher.get(url, {"q": "site"}).status_code == 200, url


def test_the_site_change_page_shows_every_fact_inline(researcher, site_with_every_fact):
    url = reverse("admin:collaborations_site_change", args=[site_with_every_fact.pk])
    response = researcher.get(url)
    assert response.status_code == 200
    prefixes = {formset.formset.prefix for formset in response.context["inline_admin_formsets"]}
    assert len(prefixes) == 16
    assert "indicators" in prefixes
    assert "typology_codings" in prefixes


# The public change log: rows come from moderation and the loader, never typed in; an API
# token is made by its owner on their account page (its key is shown once, there); the
# API's stored JSON of a site is built by the API itself.
WRITTEN_BY_SERVICES_ONLY = {"CatalogueChange", "ApiToken", "SiteDocument"}


def test_every_add_page_returns_200(researcher):
    for model in registered_models():
        if model.__name__ in WRITTEN_BY_SERVICES_ONLY:
            continue
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        assert researcher.get(url).status_code == 200, url


def test_the_change_log_is_read_only_in_the_admin(researcher):
    assert researcher.get(reverse("admin:collaborations_cataloguechange_add")).status_code == 403
    assert (
        researcher.get(reverse("admin:collaborations_cataloguechange_changelist")).status_code
        == 200
    )


def inline_management(response):
    """POST data reproducing every inline formset unchanged."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for form in [formset.management_form, *formset.forms]:
            for field in form:
                value = field.value()
                if value is None:
                    continue
                data[field.html_name] = value.pk if hasattr(value, "pk") else value
    return data


def test_saving_a_site_in_the_admin_refreshes_its_derived_columns(researcher, site_with_every_fact):
    site = site_with_every_fact
    Site.objects.filter(pk=site.pk).update(fact_count=0, search_document="")
    url = reverse("admin:collaborations_site_change", args=[site.pk])
    data = inline_management(researcher.get(url))
    data.update(
        name="Renamed site",
        slug=site.slug,
        kind=site.kind,
        status=site.status,
        summary=site.summary,
        scope=site.scope,
        locality=site.locality,
    )
    response = researcher.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    site.refresh_from_db()
    assert site.fact_count == fact_counts_of(site).stated > 0
    assert "renamed site" in site.search_document
