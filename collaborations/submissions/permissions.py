"""Who may see, edit and moderate what. Everyone else gets a 404 for a submission."""

from django.contrib.auth.models import AnonymousUser

from collaborations.models import Submission

from .access import session_grants

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


def _is_owner(request, submission: Submission) -> bool:
    user = getattr(request, "user", AnonymousUser())
    return user.is_authenticated and submission.site.owner_id == user.pk


def _link_grant(request, submission: Submission):
    """What a private link opened in this browser grants; nothing once an account owns it."""
    if submission.site.owner_id is not None:
        return None
    return session_grants(getattr(request, "session", None)).get(submission.pk)


def is_submitter(request, submission: Submission) -> bool:
    """The account that owns the submission, or a session opened with its private link."""
    return _is_owner(request, submission) or _link_grant(request, submission) is not None


def can_view_submission(request, submission: Submission) -> bool:
    return is_submitter(request, submission) or is_moderator(request.user)


def can_edit_submission(request, submission: Submission) -> bool:
    if not submission.is_editable:
        return False
    grant = _link_grant(request, submission)
    return _is_owner(request, submission) or (grant is not None and grant.can_edit)
