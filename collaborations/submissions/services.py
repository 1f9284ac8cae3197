"""Writing practitioner submissions: create, update, submit for review.

Each service is one transaction: the site, its source, every fact row and the revision are
saved together or not at all. Emails go out only after the commit.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from collaborations.models import Site, Source, Submission

from .errors import NotEditable, StaleVersion
from .fact_writing import site_facts_write
from .facts import SiteFacts
from .notifications import notify_submitter
from .revisions import site_revision_record
from .slugs import slug_save

SUBMISSION_LOCATOR = "Submission form"


@dataclass(frozen=True)
class Contact:
    """The submitter's own details: private, never shown on a page or in the public API."""

    name: str
    email: str


def practitioner_source_title(facts: SiteFacts) -> str:
    who = facts.lead_organisation_name.strip() or f"the submitter of {facts.name}"
    return f"Self-reported by {who}"


def _source_fill(source: Source, facts: SiteFacts) -> None:
    title = practitioner_source_title(facts)
    source.title, source.short_title = title[:300], title[:120]
    source.author = facts.lead_organisation_name.strip()[:300]
    source.date_text = str(timezone.now().year)
    source.full_clean(exclude=["slug"])


def _source_refresh(source: Source, facts: SiteFacts) -> None:
    _source_fill(source, facts)
    source.save()


def _source_for_new_submission(site: Site, facts: SiteFacts) -> Source:
    source = Source(
        kind=Source.Kind.PRACTITIONER,
        description="Submitted by a practitioner through the portal and checked by a moderator.",
    )
    _source_fill(source, facts)
    slug_save(source, f"self-reported-{site.slug}")
    return source


def submission_create(
    *, facts: SiteFacts, contact: Contact, owner: AbstractBaseUser | None, submit: bool
) -> Submission:
    owner = owner if owner is not None and owner.is_authenticated else None
    with transaction.atomic():
        site = Site(
            name=facts.name,
            kind=Site.Kind.PRACTITIONER_SUBMISSION,
            status=Site.Status.SUBMITTED if submit else Site.Status.DRAFT,
            owner=owner,
        )
        site.full_clean(exclude=["slug"])
        slug_save(site, facts.name, random_suffix=True)
        submission = Submission(
            site=site,
            source=_source_for_new_submission(site, facts),
            contact_name=contact.name,
            contact_email=contact.email,
            submitted_at=timezone.now() if submit else None,
        )
        submission.full_clean()
        submission.save()
        site_facts_write(
            site=site, facts=facts, source=submission.source, locator=SUBMISSION_LOCATOR
        )
        site_revision_record(
            site=site,
            author=owner,
            note="Submitted for review" if submit else "Draft saved",
            evidence=submission.source,
        )
        if submit:
            notify_submitter(kind="submission_received", submission=submission)
        elif owner is None:
            notify_submitter(kind="draft_saved", submission=submission)
    return submission


def submission_update(
    *,
    submission_id: int,
    facts: SiteFacts,
    contact: Contact,
    submit: bool,
    expected_version: int | None,
    author: AbstractBaseUser | None,
) -> Submission:
    """Save the submitter's edits; `submit` sends a draft (or a returned one) for review."""
    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update()
            .select_related("site", "source")
            .get(pk=submission_id)
        )
        site = submission.site
        if expected_version is not None and expected_version != submission.version:
            raise StaleVersion(
                "This submission changed after you opened the form (a moderator acted on it, "
                "or it was edited in another window). Nothing was saved; your text is below. "
                f"It is now “{site.get_status_display()}”."
            )
        if not submission.is_editable:
            raise NotEditable(
                f"This submission is {site.get_status_display().lower()} and can no longer be "
                "edited. To change a published entry, propose a change from its page."
            )
        newly_submitted = submit and site.status != Site.Status.SUBMITTED
        if newly_submitted:
            site.status = Site.Status.SUBMITTED
            submission.submitted_at = timezone.now()
        submission.contact_name, submission.contact_email = contact.name, contact.email
        submission.version += 1
        submission.full_clean()
        submission.save()
        _source_refresh(submission.source, facts)
        site_facts_write(
            site=site, facts=facts, source=submission.source, locator=SUBMISSION_LOCATOR
        )
        site_revision_record(
            site=site,
            author=author,
            note="Submitted for review" if newly_submitted else "Edited by the submitter",
            evidence=submission.source,
        )
        if newly_submitted:
            notify_submitter(kind="submission_received", submission=submission)
    return submission
