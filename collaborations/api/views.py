"""Sites: the list (filtered, ordered, paginated), one site, and whole-catalogue downloads.

Every site's JSON comes from the fast path (documents.py): stored once per version of the
site and stitched together, byte for byte what SiteSerializer gives.
"""

import json

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from collaborations.filters import SiteFilterSet
from collaborations.models import Site

from . import cursor, downloads, schema, stored_pages
from .base import PublicApiMixin
from .conditional import detail_validators, list_validators, not_modified, set_validators
from .documents import origin_of, site_bodies
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
        # Ids and order only: the sites' JSON comes from the fast path (documents.py).
        return Site.public.all()

    def filtered_sites(self, request, extra_parameters=()):
        """The matching sites in a total order: the one asked for, then slug (its keys are
        kept in `sort_keys` for cursor pagination)."""
        known = [*site_filter_parameters(), *extra_parameters]
        check_known_parameters(request, known)
        sites = self.filter_queryset(self.get_queryset())
        self.sort_keys = cursor.sort_keys(sites)
        return cursor.ordered(sites, self.sort_keys)


@schema.site_viewset
class SiteViewSet(SiteQueryMixin, viewsets.GenericViewSet):
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    pagination_class = SitePagination
    renderer_classes = [EscapedJSONRenderer, SiteCSVRenderer]

    def list(self, request):
        if response := stored_pages.answer(request):
            return response
        sites = self.filtered_sites(request, ["format", *SitePagination.parameters])
        validators = list_validators(request, sites)
        if response := not_modified(request, validators):
            return response
        ids = self.paginator.paginate_queryset(sites, request, self, count=validators.count)
        bodies = site_bodies(ids, origin_of(request))
        if request.accepted_renderer.format == "json":
            response = self.paginator.get_stitched_response(bodies)
        else:
            response = self.get_paginated_response([json.loads(body) for body in bodies])
        return stored_pages.store(request, set_validators(response, validators), validators)

    def retrieve(self, request, slug=None):
        if response := stored_pages.answer(request):
            return response
        check_known_parameters(request, ["format"])
        validators = detail_validators(request, slug)
        if validators is None:
            raise NotFound(f"No published site has the slug {slug!r}.")
        if response := not_modified(request, validators):
            return response
        ids = list(Site.public.filter(slug=slug).values_list("pk", flat=True))
        bodies = site_bodies(ids, origin_of(request))
        if not bodies:  # unpublished a moment ago
            raise NotFound(f"No published site has the slug {slug!r}.")
        if request.accepted_renderer.format == "json":
            response = HttpResponse(bodies[0], content_type=EscapedJSONRenderer.media_type)
        else:
            response = Response(json.loads(bodies[0]))
        return stored_pages.store(request, set_validators(response, validators), validators)


class SiteExportView(SiteQueryMixin, GenericAPIView):
    """Every published site matching the filters (all of them by default), in one file,
    streamed as it is read (downloads.py): constant memory, first bytes at once."""

    content_negotiation_class = FixedFormatNegotiation

    def get(self, request):
        sites = self.filtered_sites(request)
        validators = list_validators(request, sites)
        if response := not_modified(request, validators):
            return response
        renderer = request.accepted_renderer
        origin = origin_of(request)
        if renderer.format == "csv":
            chunks = downloads.csv_stream(sites, origin)
        else:
            chunks = downloads.json_stream(sites, validators.count, origin)
        charset = f"; charset={renderer.charset}" if renderer.charset else ""
        response = StreamingHttpResponse(
            downloads.SlotStream(chunks), content_type=f"{renderer.media_type}{charset}"
        )
        day = timezone.localdate()
        response["Content-Disposition"] = (
            f'attachment; filename="rallying-sites-{day}.{renderer.format}"'
        )
        return set_validators(response, validators)


@schema.site_csv_export
class SiteCSVExportView(SiteExportView):
    renderer_classes = [SiteCSVRenderer]


@schema.site_json_export
class SiteJSONExportView(SiteExportView):
    renderer_classes = [EscapedJSONRenderer]
