"""Read-only endpoints for reference data, each row with its count of published sites.

A list is one query (plus one per nested list, e.g. a strand's themes), whatever the number
of rows; the counts come from one aggregate query cached under the catalogue's version.
Lists are short, so they are not paginated (but for organisations). Their ETag is a hash of
the body: reference tables keep no timestamps, and the body is cheap to build.
"""

import hashlib

from django.db.models import Prefetch
from django.utils.cache import get_conditional_response
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from collaborations import models as col
from collaborations.extensions import collected
from collaborations.versions import cached_aggregate, catalogue_version

from . import reference_serializers as serializers
from . import schema
from .base import PublicApiMixin
from .counts import published_sites_citing, published_sites_through
from .filtering import check_known_parameters
from .pagination import ReferencePagination

PUBLISHED = col.Site.Status.PUBLISHED
SITES_PER_ORGANISATION = 100


class ReferenceViewSet(PublicApiMixin, viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    pagination_class = None
    serializer_class = serializers.ReferenceItemSerializer
    model = None
    sites_through = "site_facts__site"
    site_conditions: dict = {}
    related: tuple = ()
    prefetches: tuple = ()

    def get_queryset(self):
        return self.model.objects.select_related(*self.selected()).prefetch_related(
            *self.prefetches
        )

    def selected(self):
        return ("source", *self.related)

    def site_count(self):
        return published_sites_through(self.sites_through, **self.site_conditions)

    def site_counts(self) -> dict[int, int]:
        """{row pk: published sites}, counted once per version of the catalogue."""
        rows = self.model.objects.order_by().annotate(n=self.site_count()).values_list("pk", "n")
        name = f"api-{self.model._meta.label}"
        return cached_aggregate(name, catalogue_version(), lambda: dict(rows))

    def with_counts(self, rows):
        counts = self.site_counts()
        rows = list(rows)
        for row in rows:
            row.site_count = counts.get(row.pk, 0)
        return rows

    def list(self, request, *args, **kwargs):
        rows = self.with_counts(self.get_queryset())
        return Response(self.get_serializer(rows, many=True).data)

    parameters: tuple = ("format",)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_known_parameters(request, list(self.parameters))

    def get_object(self):
        slug = self.kwargs["slug"]
        rows = self.with_counts(self.get_queryset().filter(slug=slug)[:1])
        if not rows:
            name = self.model._meta.verbose_name
            raise NotFound(f"No {name} has the slug {slug!r}.")
        return rows[0]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code != 200 or request.method not in ("GET", "HEAD"):
            return response
        response.render()
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        response["Cache-Control"] = "public, no-cache"
        not_modified = get_conditional_response(request, etag=etag, response=response)
        return not_modified


def reference_viewset(model, serializer=None, **attributes):
    """A ReferenceViewSet for one table; `attributes` override the defaults above."""
    name = f"{model.__name__}ViewSet"
    attrs = {"model": model, **attributes}
    if serializer:
        attrs["serializer_class"] = serializer
    attrs["__doc__"] = f"{model._meta.verbose_name_plural.capitalize()}."
    return schema.reference_viewset(type(name, (ReferenceViewSet,), attrs))


class OrganisationViewSet(ReferenceViewSet):
    """Organisations the documents name, with their aliases and the sites they take part in.

    Organisations grow with the catalogue (practitioners name their own), so unlike the
    other reference lists this one comes a page at a time, and each organisation lists at
    most SITES_PER_ORGANISATION of its sites (`site_count` says how many it has)."""

    model = col.Organisation
    serializer_class = serializers.OrganisationSerializer
    pagination_class = ReferencePagination
    sites_through = "participations__site"
    related = ("organisation_type",)
    prefetches = (
        "aliases",
        Prefetch(
            "identifiers", queryset=col.OrganisationIdentifier.objects.select_related("register")
        ),
        Prefetch(
            "participations",
            queryset=col.SiteOrganisation.objects.filter(site__status=PUBLISHED)
            .select_related("site", "role")
            .order_by("role__position", "site__name", "pk")[:SITES_PER_ORGANISATION],
            to_attr="published_participations",
        ),
    )
    parameters = ("format", *ReferencePagination.parameters)

    def selected(self):
        return self.related

    def get_queryset(self):
        return super().get_queryset().public().order_by("name", "pk")

    def list(self, request, *args, **kwargs):
        queryset = self.get_queryset()
        count = cached_aggregate("api-organisations", catalogue_version(), queryset.count)
        rows = self.paginator.paginate_queryset(queryset, request, self, count=count)
        rows = self.with_counts(rows)
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)

    def with_counts(self, rows):
        """The counts of these rows only: one query, whatever the number of organisations."""
        rows = list(rows)
        counts = dict(
            self.model.objects.filter(pk__in=[row.pk for row in rows])
            .order_by()
            .annotate(n=self.site_count())
            .values_list("pk", "n")
        )
        for row in rows:
            row.site_count = counts.get(row.pk, 0)
        return rows


class SourceViewSet(ReferenceViewSet):
    """The documents (and, for submissions, the practitioners) facts are cited from."""

    model = col.Source
    serializer_class = serializers.SourceSerializer

    def get_queryset(self):
        return col.Source.objects.order_by("position", "title")

    def site_count(self):
        return published_sites_citing()

    def with_counts(self, rows):
        """Documents, and practitioner sources only once a published site cites them
        (a draft's source would give away an unpublished submission)."""
        rows = super().with_counts(rows)
        return [row for row in rows if row.kind == col.Source.Kind.DOCUMENT or row.site_count]


class CodeLookupMixin:
    """Rows named by a register's code rather than a slug."""

    lookup_field = "code"

    def selected(self):
        return self.related

    def get_object(self):
        code = self.kwargs["code"]
        rows = self.with_counts(self.get_queryset().filter(code__iexact=code)[:1])
        if not rows:
            raise NotFound(f"No {self.model._meta.verbose_name} has the code {code!r}.")
        return rows[0]


class CouncilViewSet(CodeLookupMixin, ReferenceViewSet):
    """The councils of England and Wales as the ONS's local authority lookup lists them, by
    GSS code: the values of the sites' `council` filter."""

    model = col.LocalAuthority
    serializer_class = serializers.CouncilSerializer
    lookup_value_regex = r"[A-Za-z][0-9]{8}"
    sites_through = "sites"
    related = ("upper_tier", "register")


class RegisterViewSet(CodeLookupMixin, ReferenceViewSet):
    """The public registers whose identifiers organisations carry: the forms the sites'
    `identifier` filter takes."""

    model = col.Register
    serializer_class = serializers.RegisterDetailSerializer
    lookup_value_regex = r"[A-Za-z]+(?:-[A-Za-z]+)*"
    sites_through = "identifiers__organisation__participations__site"


CURRENT_CODINGS = {"codings__rank": "preferred"}

# URL prefix under /api/v1/ -> viewset.
REFERENCE_VIEWSETS = {
    "typologies": reference_viewset(
        col.Typology,
        serializers.TypologySerializer,
        sites_through="codings__site",
        site_conditions=CURRENT_CODINGS,
        related=("governance_mode",),
        prefetches=(
            Prefetch(
                "partner_facts",
                queryset=col.TypologyPartner.objects.select_related("partner_type", "source"),
            ),
        ),
    ),
    "governance-modes": reference_viewset(
        col.GovernanceMode,
        sites_through="typologies__codings__site",
        site_conditions={"typologies__codings__rank": "preferred"},
    ),
    "funding-types": reference_viewset(col.FundingType),
    "drivers": reference_viewset(
        col.Driver,
        serializers.DriverSerializer,
        prefetches=("same_justifications__source",),
    ),
    "justifications": reference_viewset(
        col.Justification,
        serializers.JustificationSerializer,
        related=("same_as_driver__source",),
    ),
    "partner-types": reference_viewset(col.PartnerType),
    "ingredients": reference_viewset(
        col.Ingredient,
        serializers.IngredientSerializer,
        sites_through="practices__site_facts__site",
        prefetches=("practices",),
    ),
    "practices": reference_viewset(
        col.Practice, serializers.PracticeSerializer, related=("ingredient",)
    ),
    "leadership-styles": reference_viewset(col.LeadershipStyle),
    "regions": reference_viewset(col.Region, serializers.RegionSerializer, sites_through="sites"),
    "study-depths": reference_viewset(col.StudyDepth, sites_through="sites"),
    "initiator-types": reference_viewset(col.InitiatorType, sites_through="sites"),
    "framework-strands": reference_viewset(
        col.FrameworkStrand,
        serializers.FrameworkStrandSerializer,
        sites_through="themes__site_facts__site",
        prefetches=("themes",),
    ),
    "framework-themes": reference_viewset(
        col.FrameworkTheme, serializers.FrameworkThemeSerializer, related=("strand",)
    ),
    "organisation-types": reference_viewset(
        col.OrganisationType, sites_through="organisations__participations__site"
    ),
    "organisations": schema.reference_viewset(OrganisationViewSet),
    "sources": schema.reference_viewset(SourceViewSet),
    "councils": schema.reference_viewset(CouncilViewSet),
    "registers": schema.reference_viewset(RegisterViewSet),
}


def reference_viewsets() -> dict:
    """This app's reference endpoints, then those other apps add (collaborations.extensions)."""
    viewsets = dict(REFERENCE_VIEWSETS)
    for added in collected("reference_endpoints"):
        if added:
            viewsets.update(added())
    return viewsets
