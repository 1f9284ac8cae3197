"""A request whose query ran past DATABASE_STATEMENT_TIMEOUT gets a 503 that says so.

PostgreSQL cancels the statement (SQLSTATE 57014); without this the reader would see a
500 as if the portal were broken, when asking again a little later is the answer.
"""

from django.db import OperationalError
from django.http import HttpResponse, JsonResponse

QUERY_CANCELED = "57014"
RETRY_AFTER = "30"
MESSAGE = "This request took too long and was stopped. Please try again in a moment."


class StatementTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        cause = getattr(exception, "__cause__", None)
        if not isinstance(exception, OperationalError) or getattr(cause, "pgcode", None) != (
            QUERY_CANCELED
        ):
            return None
        if request.path.startswith("/api/"):
            response = JsonResponse({"status": 503, "detail": MESSAGE}, status=503)
        else:
            response = HttpResponse(
                f'<!doctype html><html lang="en-GB"><title>Try again</title><p>{MESSAGE}</p>',
                status=503,
            )
        response["Retry-After"] = RETRY_AFTER
        return response
