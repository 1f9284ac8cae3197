"""Refuse an oversized request with a clear page (413) before anything reads its body.

DATA_UPLOAD_MAX_MEMORY_SIZE bounds what Django parses; this answers requests that declare a
larger body up front, for pages and the API alike, instead of a bare error.
"""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

MESSAGE = (
    "What you sent is larger than this site accepts ({limit} KB). Nothing was saved. "
    "Go back: your browser still holds what you typed. Shorten the longest texts and send "
    "it again."
)


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit:
            return self.too_large(request, limit)
        return self.get_response(request)

    def too_large(self, request, limit: int):
        message = MESSAGE.format(limit=limit // 1024)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=413)
        html = render_to_string("submissions/request_too_large.html", {"message": message})
        return HttpResponse(html, status=413)
