"""Sites: the list (filtered, ordered, paginated), one site, and whole-catalogue downloads."""

from django.utils import timezone
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from collaborations.filters import SiteFilterSet
from collaborations.models import Site

from . import schema
from .base import PublicApiMixin
from .conditional import detail_validators, list_validators, not_modified, set_validators
from .filtering import SiteFilterBackend, check_known_parameters, site_filter_parameters
from .negotiation import FixedFormatNegotiation
from .pagination import SitePagination
from .renderers import SiteCSVRenderer
from .serializers import SiteSerializer


class SiteQueryMixin(PublicApiMixin):
    serializer_class = SiteSerializer
    filter_backends = [SiteFilterBackend]
    filterset_class = SiteFilterSet

    def get_queryset(self):
        return Site.public.for_detail()

    def filtered_sites(self, request, extra_parameters=()):
        known = [*site_filter_parameters(), *extra_parameters]
        check_known_parameters(request, known)
        return stable_order(self.filter_queryset(self.get_queryset()))


@schema.site_viewset
class SiteViewSet(SiteQueryMixin, viewsets.GenericViewSet):
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    pagination_class = SitePagination
    renderer_classes = [JSONRenderer, SiteCSVRenderer]

    def list(self, request):
        sites = self.filtered_sites(request, ["format", *SitePagination.parameters])
        validators = list_validators(request, sites)
        if response := not_modified(request, validators):
            return response
        page = self.paginator.paginate_queryset(sites, request, self, count=validators.count)
        response = self.get_paginated_response(self.get_serializer(page, many=True).data)
        return set_validators(response, validators)

    def retrieve(self, request, slug=None):
        check_known_parameters(request, ["format"])
        updated_at = Site.public.filter(slug=slug).values_list("updated_at", flat=True).first()
        if updated_at is None:
            raise NotFound(f"No published site has the slug {slug!r}.")
        validators = detail_validators(request, updated_at)
        if response := not_modified(request, validators):
            return response
        site = self.get_queryset().filter(slug=slug).first()
        if site is None:  # unpublished a moment ago
            raise NotFound(f"No published site has the slug {slug!r}.")
        return set_validators(Response(self.get_serializer(site).data), validators)


class SiteExportView(SiteQueryMixin, GenericAPIView):
    """Every published site matching the filters (all of them by default), in one file."""

    content_negotiation_class = FixedFormatNegotiation

    def get(self, request):
        sites = self.filtered_sites(request)
        validators = list_validators(request, sites)
        if response := not_modified(request, validators):
            return response
        results = self.get_serializer(sites, many=True).data
        response = Response({"count": len(results), "results": results})
        day, extension = timezone.localdate(), request.accepted_renderer.format
        response["Content-Disposition"] = f'attachment; filename="rallying-sites-{day}.{extension}"'
        return set_validators(response, validators)


@schema.site_csv_export
class SiteCSVExportView(SiteExportView):
    renderer_classes = [SiteCSVRenderer]


@schema.site_json_export
class SiteJSONExportView(SiteExportView):
    renderer_classes = [JSONRenderer]


def stable_order(sites):
    """The requested order (default: name), then slug, so pages never overlap."""
    ordering = list(sites.query.order_by) or list(Site._meta.ordering)
    return sites.order_by(*ordering, "slug")
