"""Telling submitters and proposers what happened, once the transaction commits."""

from collaborations.models import Submission

from . import emails
from .access import access_key_create

# Emails after which the submission can no longer be edited: their links only show it.
VIEW_ONLY_KINDS = {"published", "rejected"}


def notify_submitter(*, kind: str, submission: Submission, message: str = "") -> None:
    """Schedule an email to the submitter; without an account it carries a fresh private link."""
    token = None
    if not submission.site.owner_id:
        token = access_key_create(submission=submission, can_edit=kind not in VIEW_ONLY_KINDS)
    emails.send_after_commit(
        emails.send_submission_notice,
        kind=kind,
        submission=submission,
        token=token,
        message=message,
    )


def notify_proposer(*, kind: str, proposal, message: str = "") -> None:
    emails.send_after_commit(
        emails.send_proposal_notice, kind=kind, proposal=proposal, message=message
    )
