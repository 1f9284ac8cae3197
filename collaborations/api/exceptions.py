"""Errors as JSON, in one shape for every API response that is not a success.

    {"status": 400, "detail": "Invalid query parameters.",
     "errors": [{"parameter": "driver", "message": "...", "allowed_values": [...],
                 "expected": "..."}]}

`errors` appears on 400s only; a 429 adds `retry_after_seconds`.
"""

from dataclasses import asdict, dataclass, field

from rest_framework import exceptions, status
from rest_framework.views import exception_handler


@dataclass(frozen=True)
class ParameterError:
    """What is wrong with one query parameter, and what it accepts."""

    parameter: str
    message: str
    expected: str
    allowed_values: list[str] = field(default_factory=list)


class InvalidParameters(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = "Invalid query parameters."
    default_code = "invalid_parameters"

    def __init__(self, errors: list[ParameterError]):
        names = ", ".join(error.parameter for error in errors)
        super().__init__(f"Invalid query parameters: {names}.")
        self.errors = errors


def api_exception_handler(exc, context):
    """DRF's handler (status, headers such as Retry-After), then our body."""
    response = exception_handler(exc, context)
    if response is None:
        return None  # an unexpected error: Django's 500 handling and logging
    body = {"status": response.status_code, "detail": _detail_text(exc, response)}
    if isinstance(exc, InvalidParameters):
        body["errors"] = [asdict(error) for error in exc.errors]
    elif isinstance(exc, exceptions.ValidationError):
        body["errors"] = _validation_errors(exc.detail)
    if isinstance(exc, exceptions.Throttled):
        body["retry_after_seconds"] = int(exc.wait) if exc.wait is not None else None
    response.data = body
    return response


def _detail_text(exc, response):
    if isinstance(exc, exceptions.ValidationError):
        return "Invalid request."
    detail = response.data.get("detail") if isinstance(response.data, dict) else None
    return str(detail or exc)


def _validation_errors(detail):
    items = detail.items() if isinstance(detail, dict) else [("", detail)]
    return [asdict(ParameterError(name, _joined(messages), "")) for name, messages in items]


def _joined(messages):
    if isinstance(messages, list | tuple):
        return " ".join(str(message) for message in messages)
    return str(messages)
