"""Who may see, edit and moderate what. Everyone else gets a 404 for a submission."""

from django.contrib.auth.models import AnonymousUser

from collaborations.models import Submission

from .access import session_submission_ids

MODERATORS_GROUP = "moderators"


def is_moderator(user) -> bool:
    """Staff, or a member of the "moderators" group (one query, cached on the user)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    if not hasattr(user, "_is_moderator"):
        user._is_moderator = user.groups.filter(name=MODERATORS_GROUP).exists()
    return user._is_moderator


def is_submitter(request, submission: Submission) -> bool:
    """The account that owns the submission, or a session opened with its private link."""
    user = getattr(request, "user", AnonymousUser())
    if user.is_authenticated and submission.site.owner_id == user.pk:
        return True
    session = getattr(request, "session", None)
    return session is not None and submission.pk in session_submission_ids(session)


def can_view_submission(request, submission: Submission) -> bool:
    return is_submitter(request, submission) or is_moderator(request.user)


def can_edit_submission(request, submission: Submission) -> bool:
    return is_submitter(request, submission) and submission.is_editable
