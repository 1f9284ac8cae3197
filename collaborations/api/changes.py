"""/api/v1/changes/: the public change log, oldest first, for keeping a copy in sync.

Paging is by cursor, never by page number: each response carries `cursor`, the position
after the changes it returned, and `next`, the address of the following changes when there
were more at the time of the call (null when the client has caught up). A client stores
`cursor` and asks for `?cursor=` later; changes published in between come after it, none is
skipped and none repeated. `since` (an ISO 8601 date-time) starts from a moment instead.
"""

from urllib.parse import urlencode

from django.db.models import Max
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from collaborations.models import CatalogueChange

from . import schema
from .base import PublicApiMixin
from .exceptions import InvalidParameters, ParameterError
from .filtering import check_known_parameters

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
PARAMETERS = ["cursor", "since", "site", "kind", "page_size", "format"]


class ChangedSiteSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="site_slug", help_text="The site's identifier.")
    name = serializers.CharField(source="site_name")
    url = serializers.SerializerMethodField(help_text="The site in the API (404 once withdrawn).")
    html_url = serializers.SerializerMethodField(help_text="The site's case page.")

    def get_url(self, change) -> str:
        return self.context["absolute"](reverse("api:site-detail", args=[change.site_slug]))

    def get_html_url(self, change) -> str:
        return self.context["absolute"](
            reverse("collaborations:site-detail", args=[change.site_slug])
        )


class ChangedFactSerializer(serializers.Serializer):
    label = serializers.CharField(help_text="The fact, as the case page names it.")
    before = serializers.ListField(child=serializers.CharField())
    after = serializers.ListField(child=serializers.CharField())
    added = serializers.ListField(child=serializers.CharField())
    removed = serializers.ListField(child=serializers.CharField())


class ChangeSerializer(serializers.Serializer):
    sequence = serializers.IntegerField(help_text="Position in the change log; only grows.")
    kind = serializers.ChoiceField(choices=CatalogueChange.Kind.choices)
    recorded_at = serializers.DateTimeField()
    summary = serializers.CharField()
    note = serializers.CharField(help_text="Why the change was made, as the revision says.")
    site = ChangedSiteSerializer(source="*")
    revision = serializers.IntegerField(
        source="revision_number", help_text="The site's revision this change produced."
    )
    revision_url = serializers.SerializerMethodField(
        help_text="The case page as it was at that revision (withdrawn sites: null)."
    )
    fact = serializers.SerializerMethodField()
    is_tombstone = serializers.BooleanField(
        help_text="True for a withdrawal: delete your copy of the site."
    )

    def get_revision_url(self, change) -> str | None:
        if change.is_tombstone:
            return None
        return self.context["absolute"](change.get_absolute_url())

    @extend_schema_field(ChangedFactSerializer(allow_null=True))
    def get_fact(self, change):
        if not change.label:
            return None
        return ChangedFactSerializer(change).data


class ChangePageSerializer(serializers.Serializer):
    cursor = serializers.CharField(help_text="Pass as `cursor` to get the changes after these.")
    next = serializers.URLField(allow_null=True, help_text="More changes now; null: caught up.")
    results = ChangeSerializer(many=True)


def _parameter_error(name: str, raw: str, expected: str) -> InvalidParameters:
    message = f"{raw!r} is not {expected}."
    return InvalidParameters([ParameterError(name, message, expected)])


def _cursor(raw: str) -> int:
    if raw.isascii() and raw.isdigit():
        return int(raw)
    raise _parameter_error("cursor", raw, "a cursor returned by this endpoint")


def _since(raw: str):
    try:
        moment = parse_datetime(raw)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise _parameter_error("since", raw, "an ISO 8601 date-time with a time zone")
    return moment


def _page_size(raw: str | None) -> int:
    if raw is None:
        return DEFAULT_PAGE_SIZE
    if raw.isascii() and raw.isdigit() and int(raw) > 0:
        return min(int(raw), MAX_PAGE_SIZE)
    raise _parameter_error("page_size", raw, f"a whole number from 1 to {MAX_PAGE_SIZE}")


@extend_schema(
    summary="The change log: what changed since your last call",
    parameters=[
        OpenApiParameter(
            "cursor",
            {"type": "string", "pattern": "^[0-9]+$"},
            description="From a previous response's `cursor`; not together with `since`.",
        ),
        OpenApiParameter(
            "since",
            {"type": "string", "format": "date-time"},
            description="ISO 8601 date-time with a time zone: changes recorded at or after it.",
        ),
        OpenApiParameter("site", str, description="Only the changes to this site (its slug)."),
        OpenApiParameter("kind", str, enum=CatalogueChange.Kind.values),
        OpenApiParameter(
            "page_size",
            {"type": "integer", "minimum": 1},
            description=(
                f"Changes per page, from 1 (larger values are capped at {MAX_PAGE_SIZE}); "
                f"default {DEFAULT_PAGE_SIZE}."
            ),
        ),
        schema.format_parameter(["json"]),
    ],
    responses={200: ChangePageSerializer, **schema.json_errors(bad_request=schema.BAD_REQUEST)},
)
class ChangeListView(PublicApiMixin, GenericAPIView):
    serializer_class = ChangeSerializer

    def get(self, request):
        query = request.query_params
        check_known_parameters(request, PARAMETERS)
        if "cursor" in query and "since" in query:
            raise _parameter_error("since", query["since"], "given together with a cursor")
        size = _page_size(query.get("page_size"))
        # The newest change now: rows committed later all come after it (see recording).
        newest = CatalogueChange.objects.aggregate(newest=Max("pk"))["newest"] or 0
        changes = CatalogueChange.objects.filter(pk__lte=newest).order_by("pk")
        start = _cursor(query["cursor"]) if "cursor" in query else 0
        changes = changes.after(start)
        if "since" in query:
            changes = changes.filter(recorded_at__gte=_since(query["since"]))
        changes = self._narrowed(changes, query)
        rows = list(changes[: size + 1])
        more, rows = len(rows) > size, rows[:size]
        cursor = rows[-1].pk if more else max(newest, start)
        context = {"absolute": request.build_absolute_uri}
        return Response(
            {
                "cursor": str(cursor),
                "next": self._next(request, cursor) if more else None,
                "results": ChangeSerializer(rows, many=True, context=context).data,
            }
        )

    @staticmethod
    def _narrowed(changes, query):
        kind = query.get("kind")
        if kind is not None and kind not in CatalogueChange.Kind.values:
            raise InvalidParameters(
                [
                    ParameterError(
                        "kind",
                        f"{kind!r} is not a kind of change.",
                        "one of allowed_values",
                        list(CatalogueChange.Kind.values),
                    )
                ]
            )
        if kind:
            changes = changes.filter(kind=kind)
        if query.get("site"):
            changes = changes.of_site(query["site"])
        return changes

    @staticmethod
    def _next(request, cursor: int) -> str:
        kept = [(k, v) for k, v in request.query_params.lists() if k not in ("cursor", "since")]
        params = [(k, v) for k, values in kept for v in values] + [("cursor", str(cursor))]
        return request.build_absolute_uri(f"{request.path}?{urlencode(params)}")
