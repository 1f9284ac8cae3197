"""The OpenAPI description of the API, beyond what drf-spectacular reads from the code.

Query parameters of the site endpoints are built from SiteFilterSet itself, so the schema
names exactly the filters the browse page has. Slug values live in the database, so their
parameters are strings that name the reference endpoint listing them; kinds, match modes,
evidence and ordering are real enums.
"""

from django_filters import filters
from drf_spectacular.extensions import OpenApiFilterExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers

from collaborations.filters import SiteFilterSet

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"


class SiteFilterBackendExtension(OpenApiFilterExtension):
    """Site filter parameters are declared below (site_filter_parameters), in full."""

    target_class = "collaborations.api.filtering.SiteFilterBackend"
    priority = 1

    def get_schema_operation_parameters(self, auto_schema, *args, **kwargs):
        return []


class ParameterErrorSerializer(serializers.Serializer):
    parameter = serializers.CharField(help_text="The query parameter at fault.")
    message = serializers.CharField()
    expected = serializers.CharField(help_text="What the parameter accepts, in words.")
    allowed_values = serializers.ListField(
        child=serializers.CharField(),
        help_text="Every value it accepts, where they can be listed.",
    )


class ErrorSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text="The HTTP status code.")
    detail = serializers.CharField()
    errors = ParameterErrorSerializer(many=True, required=False, help_text="On 400s.")
    retry_after_seconds = serializers.IntegerField(
        required=False, allow_null=True, help_text="On 429s: when to try again."
    )


def _error(description):
    return OpenApiResponse(ErrorSerializer, description=description)


def json_errors(**responses):
    """Errors are JSON whatever format the request asked for."""
    codes = {"bad_request": 400, "not_found": 404, "throttled": 429}
    return {(codes[name], "application/json"): response for name, response in responses.items()}


NOT_MODIFIED = OpenApiResponse(
    description="Not modified: the copy named by If-None-Match or If-Modified-Since is current."
)
BAD_REQUEST = _error("A parameter is unknown or has a value it does not accept.")
NOT_FOUND = _error("No published row has this slug (or the page is past the last).")
THROTTLED = _error("Too many requests from this address; see Retry-After.")
CSV = OpenApiResponse(
    OpenApiTypes.STR,
    description="CSV, UTF-8, a header row then one row per site; several values in a "
    'cell are joined with "; ".',
)

CONDITIONAL_HEADERS = [
    OpenApiParameter(
        "If-None-Match", str, OpenApiParameter.HEADER, description="An ETag from before."
    ),
    OpenApiParameter(
        "If-Modified-Since", str, OpenApiParameter.HEADER, description="An HTTP date."
    ),
    OpenApiParameter(
        "ETag", str, OpenApiParameter.HEADER, response=[200, 304], description="Validator."
    ),
    OpenApiParameter(
        "Last-Modified",
        str,
        OpenApiParameter.HEADER,
        response=[200, 304],
        description="When the catalogue (a list) or the site last changed.",
    ),
]


def format_parameter(formats):
    return OpenApiParameter(
        "format",
        str,
        enum=list(formats),
        description="Response format; overrides the Accept header (text/csv for CSV).",
    )


def _reference_endpoints():
    from .reference_views import reference_viewsets

    return {viewset.model: prefix for prefix, viewset in reference_viewsets().items()}


def _match_parameter(name):
    facet = next(
        (facet for facet, param in SiteFilterSet.MATCH_PARAMS.items() if param == name), None
    )
    return facet


def site_filter_parameter(name, filter_field, endpoints) -> OpenApiParameter:
    label = str(filter_field.label or name)
    if isinstance(filter_field, filters.OrderingFilter):
        choices = [value for value, _ in filter_field.extra["choices"]]
        return OpenApiParameter(
            name,
            {"type": "array", "items": {"type": "string", "enum": choices}},
            style="form",
            explode=False,
            description="Sort order: a field, '-' before it for descending; comma-separate "
            "several (e.g. `-facts_with_reference,name`). Default: name.",
        )
    items = getattr(filter_field, "openapi_items", None)
    if items:
        return OpenApiParameter(
            name,
            {"type": "array", "items": dict(items)},
            style="form",
            explode=True,
            description=f"{label}. {filter_field.extra.get('help_text', '')}",
        )
    if isinstance(filter_field, filters.ModelMultipleChoiceFilter):
        endpoint = endpoints[filter_field.queryset.model]
        match = SiteFilterSet.MATCH_PARAMS.get(name)
        semantics = (
            f"several mean any of them, or all of them with `{match}=all`"
            if match
            else "several mean any of them"
        )
        return OpenApiParameter(
            name,
            {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}},
            style="form",
            explode=True,
            description=f"{label}: slugs listed by `/api/v1/{endpoint}/`. Repeat the "
            f"parameter for several values; {semantics}.",
        )
    if isinstance(filter_field, filters.MultipleChoiceFilter):
        choices = [value for value, _ in filter_field.extra["choices"]]
        return OpenApiParameter(
            name,
            {"type": "array", "items": {"type": "string", "enum": choices}},
            style="form",
            explode=True,
            description=f"{label}. Repeat for several values; several mean any of them.",
        )
    if isinstance(filter_field, filters.ChoiceFilter):
        choices = [value for value, _ in filter_field.extra["choices"]]
        facet = _match_parameter(name)
        description = (
            f"How several `{facet}` values combine: `any` (default) or `all`."
            if facet
            else f"{label}: one of {', '.join(choices)}."
        )
        return OpenApiParameter(name, str, enum=choices, description=description)
    if isinstance(filter_field, filters.IsoDateTimeFilter):
        return OpenApiParameter(
            name,
            {"type": "string", "format": "date-time"},
            description=f"{label}: sites changed at or after this ISO 8601 date or date-time "
            "(`2024-01-31`, `2024-01-31T09:00:00Z`); a date without zone is UK time.",
        )
    if isinstance(filter_field, filters.NumberFilter):
        return OpenApiParameter(
            name,
            {"type": "integer", "minimum": 0, "maximum": 100000},
            description=f"{label}: sites with at least this many facts backed by a reference.",
        )
    return OpenApiParameter(
        name,
        str,
        description=filter_field.extra.get("help_text")
        or "Search: every word must appear in the site's names, aliases, summary "
        "or facts (case-insensitive).",
    )


def site_filter_parameters():
    endpoints = _reference_endpoints()
    return [
        site_filter_parameter(name, filter_field, endpoints)
        for name, filter_field in SiteFilterSet.base_filters.items()
    ]


def site_viewset(viewset):
    from .serializers import SiteSerializer

    return extend_schema_view(
        list=extend_schema(
            summary="List published sites",
            description="Published sites matching the filters, in pages, every fact "
            "nested with its citation. Filters combine with AND.",
            parameters=[*site_filter_parameters(), format_parameter(["json", "csv"])]
            + CONDITIONAL_HEADERS
            + [
                OpenApiParameter(
                    "Link",
                    str,
                    OpenApiParameter.HEADER,
                    response=[200],
                    description='Next and previous pages (rel="next", rel="prev").',
                )
            ],
            responses={
                (200, "application/json"): SiteSerializer(many=True),
                (200, "text/csv"): CSV,
                304: NOT_MODIFIED,
                **json_errors(bad_request=BAD_REQUEST, not_found=NOT_FOUND, throttled=THROTTLED),
            },
        ),
        retrieve=extend_schema(
            summary="One published site",
            parameters=[format_parameter(["json", "csv"]), *CONDITIONAL_HEADERS],
            responses={
                (200, "application/json"): SiteSerializer,
                (200, "text/csv"): CSV,
                304: NOT_MODIFIED,
                **json_errors(bad_request=BAD_REQUEST, not_found=NOT_FOUND, throttled=THROTTLED),
            },
        ),
    )(viewset)


def _export(media_type, response, summary):
    def decorate(view):
        return extend_schema_view(
            get=extend_schema(
                operation_id=f"v1_sites_export_{view.renderer_classes[0].format}",
                summary=summary,
                description="Every published site matching the filters (all of them when no "
                "filter is given), unpaginated, as a file to download.",
                parameters=[*site_filter_parameters(), *CONDITIONAL_HEADERS],
                responses={
                    (200, media_type): response,
                    304: NOT_MODIFIED,
                    **json_errors(bad_request=BAD_REQUEST, throttled=THROTTLED),
                },
            )
        )(view)

    return decorate


def site_csv_export(view):
    return _export("text/csv", CSV, "Download the catalogue as CSV")(view)


def site_json_export(view):
    from .serializers import SiteSerializer

    export = inline_serializer(
        "SiteExport",
        {"count": serializers.IntegerField(), "results": SiteSerializer(many=True)},
    )
    return _export("application/json", export, "Download the catalogue as JSON")(view)


def reference_viewset(viewset):
    model, serializer = viewset.model, viewset.serializer_class
    plural = str(model._meta.verbose_name_plural)
    singular = str(model._meta.verbose_name)
    etag = OpenApiParameter(
        "ETag", str, OpenApiParameter.HEADER, response=[200, 304], description="Validator."
    )
    conditional = [CONDITIONAL_HEADERS[0], etag, format_parameter(["json"])]
    errors = {304: NOT_MODIFIED, 400: BAD_REQUEST, 429: THROTTLED}
    # A paged list (organisations) answers 404 for a page past the last.
    list_errors = {**errors, 404: NOT_FOUND} if viewset.pagination_class else errors
    return extend_schema_view(
        list=extend_schema(
            summary=f"List {plural}",
            description=f"Every {singular}, with the number of published sites using it.",
            parameters=conditional,
            responses={200: serializer(many=True), **list_errors},
        ),
        retrieve=extend_schema(
            summary=f"One {singular}",
            parameters=conditional,
            responses={200: serializer, 404: NOT_FOUND, **errors},
        ),
    )(viewset)
