"""Sites: the list (filtered, ordered, paginated), one site, and whole-catalogue downloads."""

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from collaborations.filters import SiteFilterSet
from collaborations.models import Site

from . import schema
from .base import PublicApiMixin
from .conditional import detail_validators, list_validators, not_modified, set_validators
from .filtering import SiteFilterBackend, check_known_parameters, site_filter_parameters
from .negotiation import FixedFormatNegotiation
from .pagination import SitePagination
from .renderers import EscapedJSONRenderer, SiteCSVRenderer
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
    renderer_classes = [EscapedJSONRenderer, SiteCSVRenderer]

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
        validators = detail_validators(request, slug)
        if validators is None:
            raise NotFound(f"No published site has the slug {slug!r}.")
        if response := not_modified(request, validators):
            return response
        site = self.get_queryset().filter(slug=slug).first()
        if site is None:  # unpublished a moment ago
            raise NotFound(f"No published site has the slug {slug!r}.")
        return set_validators(Response(self.get_serializer(site).data), validators)


class SiteExportView(SiteQueryMixin, GenericAPIView):
    """Every published site matching the filters (all of them by default), in one file.

    The file is built once per version of the catalogue: it is cached under its ETag,
    which changes whenever a site or a fact does.
    """

    content_negotiation_class = FixedFormatNegotiation
    cache_seconds = 600

    def get(self, request):
        sites = self.filtered_sites(request)
        validators = list_validators(request, sites)
        if response := not_modified(request, validators):
            return response
        key = f"rallying:api:export:{validators.etag}"
        download = cache.get(key)
        if download is None:
            download = self.render_download(request, sites)
            cache.set(key, download, self.cache_seconds)
        content, content_type = download
        response = HttpResponse(content, content_type=content_type)
        day, extension = timezone.localdate(), request.accepted_renderer.format
        response["Content-Disposition"] = f'attachment; filename="rallying-sites-{day}.{extension}"'
        return set_validators(response, validators)

    def render_download(self, request, sites) -> tuple[bytes, str]:
        results = self.get_serializer(sites, many=True).data
        renderer = request.accepted_renderer
        content = renderer.render(
            {"count": len(results), "results": results},
            request.accepted_media_type,
            self.get_renderer_context(),
        )
        charset = f"; charset={renderer.charset}" if renderer.charset else ""
        return content, f"{renderer.media_type}{charset}"


@schema.site_csv_export
class SiteCSVExportView(SiteExportView):
    renderer_classes = [SiteCSVRenderer]


@schema.site_json_export
class SiteJSONExportView(SiteExportView):
    renderer_classes = [EscapedJSONRenderer]


def stable_order(sites):
    """The requested order (default: name), then slug, so pages never overlap."""
    ordering = list(sites.query.order_by) or list(Site._meta.ordering)
    return sites.order_by(*ordering, "slug")
