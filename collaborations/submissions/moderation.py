"""Moderators' decisions on submissions: request changes, publish, reject.

Each decision locks the submission row (select_for_update) and checks the version the
moderator saw, so of two moderators acting at once only the first succeeds; the second is
told what happened instead.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from collaborations.models import ModerationDecision, Site, Submission

from .errors import StaleVersion
from .identifiers import submission_identifiers_publish
from .notifications import notify_submitter
from .organisations import site_organisations_publish
from .permissions import is_moderator
from .revisions import site_revision_record

Action = ModerationDecision.Action
Status = Site.Status


def conflict_message(site: Site, thing: str = "submission") -> str:
    last = site.moderation_decisions.select_related("moderator").first()
    when = ""
    if last:
        at = date_format(timezone.localtime(last.created_at), "j F Y, H:i")
        when = f" ({last.get_action_display().lower()} by {last.moderator or 'a moderator'}, {at})"
    return (
        f"Someone else acted on this {thing} while you were reviewing it: the submission is now "
        f"“{site.get_status_display()}”{when}. Nothing was changed by you; the page shows "
        "the current version."
    )


def _locked(submission_id: int, expected_version: int, allowed: set) -> Submission:
    submission = (
        Submission.objects.select_for_update()
        .select_related("site", "source")
        .get(pk=submission_id)
    )
    if submission.version != expected_version or submission.site.status not in allowed:
        raise StaleVersion(conflict_message(submission.site))
    return submission


def _check_moderator(moderator) -> None:
    if not is_moderator(moderator):
        raise PermissionDenied("Only moderators can review submissions.")


def _decide(
    submission: Submission, *, moderator, action: str, status: str, message: str, public=False
) -> ModerationDecision:
    site = submission.site
    site.status = status
    if status == Status.PUBLISHED and site.published_at is None:
        site.published_at = timezone.now()
    site.save(update_fields=["status", "published_at", "updated_at"])
    if status == Status.PUBLISHED:
        site_organisations_publish(site)
    submission.version += 1
    submission.save(update_fields=["version", "updated_at"])
    revision = site_revision_record(
        site=site,
        author=moderator,
        note=Action(action).label,
        evidence=submission.source if public else None,
        is_public=public,
    )
    return ModerationDecision.objects.create(
        site=site,
        action=action,
        message=message,
        moderator=moderator,
        revision=revision,
        # The next review shows what changed since in these, as in the facts.
        references=submission.references,
        identifiers=submission.identifiers,
    )


def _require(message: str, what: str) -> str:
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": f"Write {what} for the submitter."}, code="required")
    return message


def submission_request_changes(
    *,
    submission_id: int,
    moderator: AbstractBaseUser,
    message: str,
    expected_version: int,
    section: str = "",
) -> ModerationDecision:
    _check_moderator(moderator)
    message = _require(message, "what should change")
    with transaction.atomic():
        submission = _locked(submission_id, expected_version, {Status.SUBMITTED})
        decision = _decide(
            submission,
            moderator=moderator,
            action=Action.REQUEST_CHANGES,
            status=Status.CHANGES_REQUESTED,
            message=message,
        )
        if section:
            decision.section = section[:40]
            decision.save(update_fields=["section"])
        notify_submitter(kind="changes_requested", submission=submission, message=message)
    return decision


def submission_publish(
    *, submission_id: int, moderator: AbstractBaseUser, expected_version: int, message: str = ""
) -> ModerationDecision:
    _check_moderator(moderator)
    with transaction.atomic():
        submission = _locked(submission_id, expected_version, {Status.SUBMITTED})
        # The moderator who publishes stands behind the submission's typology coding.
        for coding in submission.site.typology_codings.filter(rank="preferred"):
            coding.coded_by = moderator
            coding.save(update_fields=["coded_by"])
        decision = _decide(
            submission,
            moderator=moderator,
            action=Action.PUBLISH,
            status=Status.PUBLISHED,
            message=message.strip(),
            public=True,
        )
        # After the organisations it names became public: the lead's numbers, unless
        # another organisation holds them (the review page told the moderator which).
        submission_identifiers_publish(submission)
        notify_submitter(kind="published", submission=submission, message=message.strip())
    return decision


def submission_reject(
    *, submission_id: int, moderator: AbstractBaseUser, reason: str, expected_version: int
) -> ModerationDecision:
    _check_moderator(moderator)
    reason = _require(reason, "the reason")
    with transaction.atomic():
        submission = _locked(
            submission_id, expected_version, {Status.SUBMITTED, Status.CHANGES_REQUESTED}
        )
        decision = _decide(
            submission,
            moderator=moderator,
            action=Action.REJECT,
            status=Status.REJECTED,
            message=reason,
        )
        notify_submitter(kind="rejected", submission=submission, message=reason)
    return decision
