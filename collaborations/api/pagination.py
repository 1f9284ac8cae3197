"""Page-number pagination for site lists: `page`, `page_size` (at most 200), a total count.

A malformed `page` or `page_size` is a 400 naming it; a page past the last is a 404.
The count can be handed in (the conditional-request fingerprint already counted) so a
page costs no extra COUNT query.
"""

from django.core.paginator import Paginator
from rest_framework import pagination
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from .exceptions import InvalidParameters, ParameterError

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
    parameters = ("page", "page_size")

    def paginate_queryset(self, queryset, request, view=None, count=None):
        self.request = request
        paginator = KnownCountPaginator(queryset, self.get_page_size(request), count)
        number = self.get_page_number(request, paginator)
        if number > paginator.num_pages:
            raise NotFound(f"Page {number} is past the last page ({paginator.num_pages}).")
        self.page = paginator.page(number)
        return list(self.page)

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
        response = Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )
        links = [(self.get_next_link(), "next"), (self.get_previous_link(), "prev")]
        link_header = ", ".join(f'<{url}>; rel="{rel}"' for url, rel in links if url)
        if link_header:
            response["Link"] = link_header
        return response

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
        return parameters

    def get_paginated_response_schema(self, schema):
        response_schema = super().get_paginated_response_schema(schema)
        response_schema["required"] = ["count", "next", "previous", "results"]
        response_schema["properties"]["count"]["description"] = "Sites matching the filters."
        return response_schema


def _positive_int(raw: str, parameter: str, expected: str) -> int:
    if raw.isascii() and raw.isdigit() and int(raw) > 0:
        return int(raw)
    raise InvalidParameters(
        [ParameterError(parameter, f"{raw!r} is not a whole number of at least 1.", expected)]
    )
