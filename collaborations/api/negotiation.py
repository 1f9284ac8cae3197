"""Content negotiation: `?format=` wins over the Accept header; an unknown format is a 400."""

from rest_framework.negotiation import DefaultContentNegotiation

from .exceptions import InvalidParameters, ParameterError


class FormatParameterNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        format = request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if format == "":  # ?format= with no value: name the formats rather than guess
            self.filter_renderers(renderers, format)
        return super().select_renderer(request, renderers, format_suffix)

    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            formats = [renderer.format for renderer in renderers]
            raise InvalidParameters(
                [
                    ParameterError(
                        parameter="format",
                        message=f"{format!r} is not a format of this endpoint.",
                        expected="one of allowed_values",
                        allowed_values=formats,
                    )
                ]
            )
        return matching


class FixedFormatNegotiation(DefaultContentNegotiation):
    """For downloads whose address names the format (export.csv): the Accept header is moot."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
