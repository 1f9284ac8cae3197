"""Private links for submitters without an account.

The link carries a random token (secrets.token_urlsafe); only its SHA-256 is stored, so a
leaked database does not leak working links. Opening a link grants the browser session
access to that one submission.
"""

import hashlib
import secrets

from django.utils import timezone

from collaborations.models import Submission, SubmissionAccessKey

SESSION_KEY = "submission_access"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def access_key_create(*, submission: Submission) -> str:
    """A new private link token for the submission (returned once, never stored)."""
    token = secrets.token_urlsafe(32)
    SubmissionAccessKey.objects.create(submission=submission, token_hash=token_hash(token))
    return token


def submission_for_token(token: str) -> Submission | None:
    if not token or len(token) > 100:
        return None
    key = (
        SubmissionAccessKey.objects.select_related("submission__site")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if key is None:
        return None
    SubmissionAccessKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    return key.submission


def session_grant(session, submission: Submission) -> None:
    granted = set(session.get(SESSION_KEY, []))
    granted.add(submission.pk)
    session[SESSION_KEY] = sorted(granted)


def session_submission_ids(session) -> list[int]:
    return list(session.get(SESSION_KEY, []))
