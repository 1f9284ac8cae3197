"""/api/schema/: the OpenAPI document of the API.

drf-spectacular's view copies `?version=` into the Content-Disposition header; a NUL or a
line break there made the response unsendable (a 500). The API has one version, so the
parameter is refused with a 400 that names it, like every other bad parameter.
"""

from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView

from .exceptions import InvalidParameters, ParameterError, api_exception_handler


class SchemaView(SpectacularAPIView):
    def get_exception_handler(self):
        return api_exception_handler

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        if "version" in request.query_params:
            raise InvalidParameters(
                [
                    ParameterError(
                        parameter="version",
                        message="The API has one version, described by this schema.",
                        expected="nothing: leave the parameter out",
                    )
                ]
            )
        return super().get(request, *args, **kwargs)
