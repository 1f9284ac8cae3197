"""Writing practitioner submissions: create, update, submit for review.

Each service is one transaction: the site, its source, every fact row and the revision are
saved together or not at all. Emails go out only after the commit.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from collaborations.derived import refresh_site_derived
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


def _revision_record(submission: Submission, *, author, submitted: bool, note: str = "") -> None:
    """The revision of a submitter's save; one that sends it for review tells them so."""
    site_revision_record(
        site=submission.site,
        author=author,
        note="Submitted for review" if submitted else note,
        evidence=submission.source,
    )
    if submitted:
        notify_submitter(kind="submission_received", submission=submission)


def submission_create(
    *,
    facts: SiteFacts,
    contact: Contact,
    owner: AbstractBaseUser | None,
    submit: bool,
    identifiers: list[dict] | None = None,
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
            identifiers=identifiers or [],
        )
        submission.full_clean()
        submission.save()
        site_facts_write(
            site=site, facts=facts, source=submission.source, locator=SUBMISSION_LOCATOR
        )
        _revision_record(submission, author=owner, submitted=submit, note="Draft saved")
        if not submit and owner is None:
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
    identifiers: list[dict] | None = None,
) -> Submission:
    """Save the submitter's edits; `submit` sends a draft (or a returned one) for review.
    `identifiers` (the lead organisation's numbers) replace those kept; None keeps them."""
    with transaction.atomic():
        submission = _locked_editable(submission_id, expected_version, opened="the form")
        site = submission.site
        newly_submitted = submit and site.status != Site.Status.SUBMITTED
        if newly_submitted:
            site.status = Site.Status.SUBMITTED
            submission.submitted_at = timezone.now()
        submission.contact_name, submission.contact_email = contact.name, contact.email
        if identifiers is not None:
            submission.identifiers = identifiers
        submission.version += 1
        submission.full_clean()
        submission.save()
        _source_refresh(submission.source, facts)
        site_facts_write(
            site=site, facts=facts, source=submission.source, locator=SUBMISSION_LOCATOR
        )
        submission_references_write(submission=submission)
        _revision_record(
            submission, author=author, submitted=newly_submitted, note="Edited by the submitter"
        )
    return submission


def _locked_editable(
    submission_id: int, expected_version: int | None, opened: str = "the page"
) -> Submission:
    """The submission, locked, if it is still as the submitter saw it and still editable."""
    submission = (
        Submission.objects.select_for_update()
        .select_related("site", "source")
        .get(pk=submission_id)
    )
    site = submission.site
    if expected_version is not None and expected_version != submission.version:
        raise StaleVersion(
            f"This submission changed after you opened {opened} (a moderator acted on it, or "
            "it was edited in another window). Nothing was saved; your text is below. "
            f"It is now “{site.get_status_display()}”."
        )
    if not submission.is_editable:
        raise NotEditable(
            f"This submission is {site.get_status_display().lower()} and can no longer be "
            "edited. To change a published entry, propose a change from its page."
        )
    return submission


def _section_status_save(submission: Submission, slug: str, completed: bool) -> None:
    """Mark a task-list section and save the submission under its next version."""
    submission.section_status = {
        **submission.section_status,
        slug: "completed" if completed else "in-progress",
    }
    submission.version += 1
    submission.full_clean()
    submission.save()


def submission_section_save(
    *,
    submission_id: int,
    section,
    values: dict,
    contact: Contact | None,
    completed: bool,
    expected_version: int | None,
    author: AbstractBaseUser | None,
    identifiers: list[dict] | None = None,
) -> Submission:
    """Save one section of the task list (its facts, or the contact details) and its status;
    `identifiers` too where the section asks for them (None: not asked, kept as they are)."""
    from .facts import site_facts_of

    with transaction.atomic():
        submission = _locked_editable(submission_id, expected_version)
        site = submission.site
        if section.keys:
            facts = site_facts_of(site).replaced(**values)
            _source_refresh(submission.source, facts)
            site_facts_write(
                site=site,
                facts=facts,
                source=submission.source,
                locator=SUBMISSION_LOCATOR,
                keys=section.keys,
            )
            submission_references_write(submission=submission)
        if contact is not None:
            submission.contact_name, submission.contact_email = contact.name, contact.email
        if identifiers is not None:
            submission.identifiers = identifiers
        _section_status_save(submission, section.slug, completed)
        site_revision_record(
            site=site,
            author=author,
            note=f"Edited by the submitter: {section.title}"[:300],
            evidence=submission.source,
        )
    return submission


def missing_to_submit(submission: Submission) -> list[tuple[str, str]]:
    """(section slug, what is missing) for each fact a review needs and the draft lacks."""
    from .facts import site_facts_of

    facts = site_facts_of(submission.site)
    missing = []
    if not facts.summary:
        missing.append(("about", "a summary of what the collaboration does"))
    if not facts.lead_organisation_name:
        missing.append(("where-and-who", "the lead organisation"))
    if not (facts.locality or facts.region):
        missing.append(("where-and-who", "the town, city or area, or the nation or region"))
    if not submission.contact_name:
        missing.append(("your-details", "your name"))
    return missing


def submission_submit(
    *, submission_id: int, expected_version: int | None, author: AbstractBaseUser | None
) -> Submission:
    """Send a draft (or one returned with changes requested) for review, from check answers."""
    from django.core.exceptions import ValidationError

    with transaction.atomic():
        submission = _locked_editable(submission_id, expected_version)
        missing = missing_to_submit(submission)
        if missing:
            raise ValidationError([f"Add {what} first." for _, what in missing], code="required")
        site = submission.site
        if site.status == Site.Status.SUBMITTED:
            return submission
        site.status = Site.Status.SUBMITTED
        site.save(update_fields=["status", "updated_at"])
        submission.submitted_at = timezone.now()
        submission.version += 1
        submission.save(update_fields=["submitted_at", "version", "updated_at"])
        _revision_record(submission, author=author, submitted=True)
    return submission


def submission_references_write(*, submission: Submission) -> None:
    """The practitioner's references as passages of their source, cited by the statements of
    the facts each supports (rewritten whole: statements are rewritten on every save)."""
    from .references import references_write

    references_write(submission)
    refresh_site_derived(submission.site)


def submission_references_save(
    *,
    submission_id: int,
    references: list[dict],
    completed: bool,
    expected_version: int | None,
    author: AbstractBaseUser | None,
) -> Submission:
    with transaction.atomic():
        submission = _locked_editable(submission_id, expected_version)
        submission.references = references
        _section_status_save(submission, "sources", completed)
        submission_references_write(submission=submission)
        site_revision_record(
            site=submission.site,
            author=author,
            note="Edited by the submitter: Sources and evidence",
            evidence=submission.source,
        )
    return submission
