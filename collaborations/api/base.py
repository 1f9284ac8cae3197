"""What every public API view shares: JSON errors, format negotiation, the rate limits."""

from .exceptions import api_exception_handler
from .negotiation import FormatParameterNegotiation
from .renderers import EscapedJSONRenderer
from .throttling import AnonymousRateThrottle, ApiKeyRateThrottle


class PublicApiMixin:
    content_negotiation_class = FormatParameterNegotiation
    throttle_classes = [AnonymousRateThrottle, ApiKeyRateThrottle]
    renderer_classes = [EscapedJSONRenderer]

    def get_exception_handler(self):
        return api_exception_handler

    def finalize_response(self, request, response, *args, **kwargs):
        """Only sites come as CSV: errors and OPTIONS metadata are JSON whatever was asked."""
        renderer = getattr(request, "accepted_renderer", None)
        is_sites = response.status_code < 400 and request.method in ("GET", "HEAD")
        if renderer and not is_sites and not isinstance(renderer, EscapedJSONRenderer):
            request.accepted_renderer = EscapedJSONRenderer()
            request.accepted_media_type = EscapedJSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)
