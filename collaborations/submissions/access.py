"""Private links for submitters without an account.

The link carries a random token (secrets.token_urlsafe); only its SHA-256 is stored, so a
leaked database does not leak working links. Opening a link grants the browser session
access to that one submission, for as long as the link itself lasts.

A link lasts LINK_LIFETIME (a fresh one comes by email from the lost-link page), stops
working once an account claims the submission (the account logs in instead), and lets
its holder edit only when it was sent for editing: the links in the outcome emails
(published, rejected) only show the submission.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from django.utils import timezone

from collaborations.models import Submission, SubmissionAccessKey
from collaborations.models.submission import LINK_LIFETIME

SESSION_KEY = "submission_links"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def access_key_create(*, submission: Submission, can_edit: bool = True) -> str:
    """A new private link token for the submission (returned once, never stored)."""
    token = secrets.token_urlsafe(32)
    SubmissionAccessKey.objects.create(
        submission=submission,
        token_hash=token_hash(token),
        can_edit=can_edit,
    )
    return token


def access_key_for_token(token: str) -> SubmissionAccessKey | None:
    """The link's key if it still works: not expired, and no account owns the submission."""
    if not token or len(token) > 100:
        return None
    key = (
        SubmissionAccessKey.objects.select_related("submission__site")
        .filter(token_hash=token_hash(token), expires_at__gt=timezone.now())
        .first()
    )
    if key is None or key.submission.site.owner_id is not None:
        return None
    SubmissionAccessKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    return key


def access_keys_revoke(*, submission_ids) -> None:
    """An account claimed these submissions: their private links stop working."""
    SubmissionAccessKey.objects.filter(submission_id__in=list(submission_ids)).delete()


@dataclass(frozen=True)
class Grant:
    can_edit: bool
    until: datetime


def session_grant(session, submission: Submission, *, can_edit: bool, until: datetime) -> None:
    """This browser may see (and, with can_edit, edit) the submission until `until`."""
    grants = dict(session.get(SESSION_KEY, {}))
    earlier = session_grants(session).get(submission.pk)
    if earlier is not None:  # opening a view-only link never takes away editing
        can_edit, until = can_edit or earlier.can_edit, max(until, earlier.until)
    grants[str(submission.pk)] = [can_edit, until.timestamp()]
    session[SESSION_KEY] = grants


def session_grants(session) -> dict[int, Grant]:
    """The submissions this browser was granted, as long as the grants last."""
    now = timezone.now().timestamp()
    grants = session.get(SESSION_KEY, {}) if session is not None else {}
    return {
        int(pk): Grant(bool(can_edit), datetime.fromtimestamp(until, tz=UTC))
        for pk, (can_edit, until) in grants.items()
        if until > now
    }


def session_submission_ids(session) -> list[int]:
    return list(session_grants(session))


def session_grant_new(session, submission: Submission) -> None:
    """The browser that just wrote the submission may go on editing it, as a link would."""
    session_grant(session, submission, can_edit=True, until=timezone.now() + LINK_LIFETIME)
