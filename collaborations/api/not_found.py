"""Any other address under /api/v1/ is a JSON 404 (the site's 404 page is HTML)."""

from rest_framework.exceptions import NotFound
from rest_framework.views import APIView

from .base import PublicApiMixin


class ApiNotFoundView(PublicApiMixin, APIView):
    schema = None  # not an endpoint: left out of the OpenAPI schema

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise NotFound(f"No API endpoint at {request.path}. The list of endpoints: /api/v1/.")
