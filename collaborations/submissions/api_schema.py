"""The submissions API in the OpenAPI schema: required fields, and every status each
operation answers with, so generated clients and schema-driven testers know them."""

from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers

from .serializers import SubmissionSerializer, SubmissionSummarySerializer

DETAIL = inline_serializer("SubmissionApiMessage", {"detail": serializers.CharField()})
FIELD_ERRORS = OpenApiResponse(
    inline_serializer(
        "SubmissionFieldErrors",
        {
            "non_field_errors": serializers.ListField(
                child=serializers.CharField(), required=False
            ),
        },
    ),
    description="Not accepted, nothing saved: each field at fault (or non_field_errors) with "
    "its messages, as the web form words them. Sending for review needs more than a draft: "
    "a summary, the lead organisation (with its type when new to the catalogue), your name, "
    "and a place or a region.",
)
UNAUTHENTICATED = OpenApiResponse(DETAIL, description="No token, or one that does not work.")
FORBIDDEN = OpenApiResponse(DETAIL, description="A browser session without its CSRF token.")
NOT_YOURS = OpenApiResponse(DETAIL, description="No submission of yours has this slug.")
STALE = OpenApiResponse(
    DETAIL,
    description="Refused, nothing saved: the version sent is not the current one, or the "
    "submission can no longer be edited (reviewed, published or rejected).",
)
TOO_MANY = OpenApiResponse(
    DETAIL, description="Too many writes from your address or account; see Retry-After."
)
READ_ERRORS = {401: UNAUTHENTICATED, 403: FORBIDDEN}
WRITE_ERRORS = {400: FIELD_ERRORS, **READ_ERRORS, 429: TOO_MANY}


submission_api_schema = extend_schema_view(
    list=extend_schema(
        summary="Your submissions",
        tags=["submissions"],
        responses={200: SubmissionSummarySerializer(many=True), **READ_ERRORS},
    ),
    retrieve=extend_schema(
        summary="One of your submissions",
        tags=["submissions"],
        responses={200: SubmissionSerializer, **READ_ERRORS, 404: NOT_YOURS},
    ),
    create=extend_schema(
        summary="Create a submission (draft or for review)",
        tags=["submissions"],
        responses={201: SubmissionSerializer, **WRITE_ERRORS},
    ),
    update=extend_schema(
        summary="Replace a submission's facts",
        tags=["submissions"],
        responses={200: SubmissionSerializer, **WRITE_ERRORS, 404: NOT_YOURS, 409: STALE},
    ),
    partial_update=extend_schema(
        summary="Change some of a submission's facts",
        tags=["submissions"],
        responses={200: SubmissionSerializer, **WRITE_ERRORS, 404: NOT_YOURS, 409: STALE},
    ),
)
