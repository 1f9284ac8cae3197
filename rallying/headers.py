"""Response headers that neither Django nor django-csp sets, on every response.

- Permissions-Policy: the catalogue uses no camera, microphone, location or payment, so no
  page (nor anything injected into one) may ask for them.
- Cross-Origin-Resource-Policy: pages and static files load only on this site; the API is
  public data any site may read (CORS says so too), so it is cross-origin there.
"""

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
)
PUBLIC_DATA_PREFIX = "/api/"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        public = request.path_info.startswith(PUBLIC_DATA_PREFIX)
        response.setdefault(
            "Cross-Origin-Resource-Policy", "cross-origin" if public else "same-origin"
        )
        return response
