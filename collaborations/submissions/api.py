"""/api/v1/submissions/: API clients create and update their own submissions.

Authenticate with `Authorization: Token <key>`; get a key from /accounts/api-token/ (or
`python manage.py create_api_token <email>`). The same form validates, the same services
write, and the same moderators review. Anonymous writes get 401; another account's
submissions do not exist for you (404).
"""

from django.urls import reverse
from rest_framework import mixins, status, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import Throttled
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from collaborations.models import Submission

from .api_schema import submission_api_schema
from .errors import SubmissionError
from .serializers import SubmissionSerializer, SubmissionSummarySerializer
from .services import submission_create, submission_update
from .throttling import SUBMISSION_CREATE, SUBMISSION_UPDATE, SubmissionWriteThrottle
from .tokens import HashedTokenAuthentication


@submission_api_schema
class SubmissionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Your own practitioner submissions. Authenticate with `Authorization: Token <key>`
    (get a key at /accounts/api-token/). Requests are validated by the same rules as the
    /submit/ form; a submission is public only after a moderator publishes it."""

    serializer_class = SubmissionSerializer
    authentication_classes = [HashedTokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [SubmissionWriteThrottle]
    lookup_field = "site__slug"
    lookup_url_kwarg = "slug"
    lookup_value_regex = "[^/]+"  # any other slug is a JSON 404, not the site's HTML page

    def get_queryset(self):
        return (
            Submission.objects.filter(site__owner=self.request.user)
            .select_related("site", "source")
            .order_by("-updated_at", "pk")
        )

    def get_serializer_class(self):
        return SubmissionSummarySerializer if self.action == "list" else SubmissionSerializer

    def throttled(self, request, wait):
        raise Throttled(
            wait,
            detail="Too many submissions from your address or account; try again in an hour.",
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        valid = serializer.validated_data
        submission = submission_create(
            facts=valid["facts"],
            contact=valid["contact"],
            owner=request.user,
            submit=valid["submit"],
        )
        SUBMISSION_CREATE.record(request)
        location = reverse("submissions:api-submission-detail", args=[submission.site.slug])
        body = self.get_serializer(submission).data
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": location})

    def update(self, request, *args, **kwargs):
        submission = self.get_object()
        serializer = self.get_serializer(
            submission, data=request.data, partial=kwargs.get("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        valid = serializer.validated_data
        try:
            submission = submission_update(
                submission_id=submission.pk,
                facts=valid["facts"],
                contact=valid["contact"],
                submit=valid["submit"],
                expected_version=valid["version"],
                author=request.user,
            )
        except SubmissionError as refused:
            return Response({"detail": refused.message}, status=status.HTTP_409_CONFLICT)
        SUBMISSION_UPDATE.record(request)
        return Response(self.get_serializer(submission).data)
