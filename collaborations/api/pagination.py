"""Pagination for site lists: `page` numbers or a `cursor` (keyset, cursor.py), `page_size`
(at most 200), and a total count.

A malformed `page` or `page_size` is a 400 naming it; a page past the last is a 404.
The count can be handed in (the conditional-request fingerprint already counted) so a
page costs no extra COUNT query.
"""

from django.core.paginator import Paginator
from django.http import HttpResponse
from rest_framework import pagination
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from . import cursor
from .exceptions import InvalidParameters, ParameterError
from .renderers import EscapedJSONRenderer

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 200


class KnownCountPaginator(Paginator):
    def __init__(self, object_list, per_page, count=None):
        super().__init__(object_list, per_page)
        if count is not None:
            self.__dict__["count"] = count  # fills the cached_property


class SitePagination(pagination.PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_query_description = "Page number, from 1."
    page_size_query_description = (
        f"Sites per page, from 1 to {MAX_PAGE_SIZE} (larger values are capped at "
        f"{MAX_PAGE_SIZE}); default {DEFAULT_PAGE_SIZE}."
    )
    cursor_query_param = "cursor"
    cursor_query_description = (
        "Keyset pagination: empty for the first page, then the `next` link's value. Each "
        "page costs what the first costs, however deep; use it to page through everything."
    )
    parameters = ("page", "page_size", "cursor")
    next_cursor = None

    def paginate_queryset(self, queryset, request, view=None, count=None):
        """The site ids of a page of `queryset`: by number, or after a cursor."""
        self.request = request
        if self._uses_cursor(request):
            return self.paginate_after_cursor(queryset, request, view, count)
        ids = queryset.values_list("pk", flat=True)
        paginator = KnownCountPaginator(ids, self.get_page_size(request), count)
        number = self.get_page_number(request, paginator)
        if number > paginator.num_pages:
            raise NotFound(f"Page {number} is past the last page ({paginator.num_pages}).")
        self.page = paginator.page(number)
        self.count = paginator.count
        return list(self.page)

    def _uses_cursor(self, request) -> bool:
        """A cursor, or an empty one (the first page in keyset order) without a page number:
        `cursor=&page=2` is paging by number with a blank cursor field."""
        token = request.query_params.get(self.cursor_query_param)
        if token is None:
            return False
        return token != "" or self.page_query_param not in request.query_params

    def paginate_after_cursor(self, queryset, request, view, count):
        if self.page_query_param in request.query_params:
            raise InvalidParameters(
                [ParameterError("page", "Use page or cursor, not both.", "no page with cursor")]
            )
        keys, size = view.sort_keys, self.get_page_size(request)
        token = request.query_params[self.cursor_query_param]
        rows = cursor.after(queryset, keys, token).values_list(*(k.name for k in keys), "pk")
        rows = list(rows[: size + 1])
        self.count, self.page = count, None
        if len(rows) > size:
            self.next_cursor = cursor.encode(keys, rows[size - 1][:-1])
        return [row[-1] for row in rows[:size]]

    def get_next_link(self):
        if self.page is not None:
            return super().get_next_link()
        if self.next_cursor is None:
            return None
        url = remove_query_param(self.request.build_absolute_uri(), self.page_query_param)
        return replace_query_param(url, self.cursor_query_param, self.next_cursor)

    def get_previous_link(self):
        return super().get_previous_link() if self.page is not None else None

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = _positive_int(raw, "page_size", f"a whole number from 1 to {MAX_PAGE_SIZE}")
        return min(size, self.max_page_size)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        return 1 if raw is None else _positive_int(raw, "page", "a whole number from 1")

    def get_paginated_response(self, data):
        return self._with_links(Response(self._envelope(data)))

    def get_stitched_response(self, bodies: list[str]):
        """The page as JSON, its sites' JSON texts stitched in: what get_paginated_response
        renders, without parsing and re-serializing each site."""
        envelope = EscapedJSONRenderer().render(self._envelope([]))
        assert envelope.endswith(b"[]}")  # "results" comes last
        content = envelope[:-3] + b"[" + ",".join(bodies).encode() + b"]}"
        return self._with_links(HttpResponse(content, content_type="application/json"))

    def _envelope(self, results):
        return {
            "count": self.count,
            "next": self.get_next_link(),
            "previous": self.get_previous_link(),
            "results": results,
        }

    def _with_links(self, response):
        links = [(self.get_next_link(), "next"), (self.get_previous_link(), "prev")]
        link_header = ", ".join(f'<{url}>; rel="{rel}"' for url, rel in links if url)
        if link_header:
            response["Link"] = link_header
        return response

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
        cursor_parameter = {
            "name": self.cursor_query_param,
            "required": False,
            "in": "query",
            "description": self.cursor_query_description,
            "schema": {"type": "string"},
        }
        return [*parameters, cursor_parameter]

    def get_paginated_response_schema(self, schema):
        response_schema = super().get_paginated_response_schema(schema)
        response_schema["required"] = ["count", "next", "previous", "results"]
        response_schema["properties"]["count"]["description"] = "Sites matching the filters."
        return response_schema


class ReferencePagination(SitePagination):
    """Page numbers for a list that grows with the catalogue (organisations): the same
    envelope, parameters and errors as the site list, 50 rows to a page by default."""

    page_size = 50
    page_size_query_description = (
        f"Rows per page, from 1 to {MAX_PAGE_SIZE} (larger values are capped at "
        f"{MAX_PAGE_SIZE}); default 50."
    )
    parameters = ("page", "page_size")

    def paginate_queryset(self, queryset, request, view=None, count=None):
        self.request = request
        paginator = KnownCountPaginator(queryset, self.get_page_size(request), count)
        number = self.get_page_number(request, paginator)
        if number > paginator.num_pages:
            raise NotFound(f"Page {number} is past the last page ({paginator.num_pages}).")
        self.page = paginator.page(number)
        self.count = paginator.count
        return list(self.page)

    def get_schema_operation_parameters(self, view):
        parameters = pagination.PageNumberPagination.get_schema_operation_parameters(self, view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
        return parameters

    def get_paginated_response_schema(self, schema):
        response_schema = super().get_paginated_response_schema(schema)
        response_schema["properties"]["count"]["description"] = "Rows in the whole list."
        return response_schema


def _positive_int(raw: str, parameter: str, expected: str) -> int:
    if raw.isascii() and raw.isdigit() and int(raw) > 0:
        return int(raw)
    raise InvalidParameters(
        [ParameterError(parameter, f"{raw!r} is not a whole number of at least 1.", expected)]
    )
