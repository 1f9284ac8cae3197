"""Practitioner submissions, their review, proposals to change a site, and its revisions.

A submission is a Site of kind practitioner-submission; the rows here hold what the Site
itself must not show: the submitter's private contact details, the private access keys,
the moderators' decisions, and snapshots of every revision for diffs and the change log.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .provenance import Source
from .site import Site

TEXT_LIMIT = 5000


class Submission(models.Model):
    """The private side of a practitioner-submitted site."""

    site = models.OneToOneField(Site, on_delete=models.CASCADE, related_name="submission")
    source = models.OneToOneField(
        Source,
        on_delete=models.PROTECT,
        related_name="submission",
        help_text="The practitioner source every self-reported fact cites.",
    )
    contact_name = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(max_length=254)
    version = models.PositiveIntegerField(
        default=1, help_text="Raised on every write; stale forms are refused."
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    section_status = models.JSONField(
        default=dict,
        blank=True,
        help_text="Task-list section slug -> in-progress or completed (absent: not started).",
    )
    references = models.JSONField(
        default=list,
        blank=True,
        help_text="The practitioner's references: url or title, passage, and the facts each "
        "supports (fact keys); written as passages the statements cite.",
    )
    identifiers = models.JSONField(
        default=list,
        blank=True,
        help_text="Register identifiers the submitter gave for the organisations they name: "
        "organisation (lead), register code and value; written to the organisation when a "
        "moderator publishes the site.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(condition=Q(version__gte=1), name="submission_version_positive")
        ]

    def __str__(self):
        return f"Submission of {self.site.name}"

    def get_absolute_url(self):
        return reverse("submissions:detail", args=[self.site.slug])

    @property
    def reference(self) -> str:
        """The number a submitter quotes to the moderators: stable, and private to them."""
        return f"RAL-{self.pk:06d}" if self.pk else ""

    @property
    def is_editable(self):
        return self.site.status in EDITABLE_STATUSES

    def latest_change_request(self):
        """The moderator's request for changes the submitter is answering, if that is the
        state (shown at the top of the edit form and the task list)."""
        if self.site.status != Site.Status.CHANGES_REQUESTED:
            return None
        return (
            self.site.moderation_decisions.filter(
                proposal__isnull=True, action=ModerationDecision.Action.REQUEST_CHANGES
            )
            .order_by("-created_at", "-pk")
            .first()
        )


EDITABLE_STATUSES = {
    Site.Status.DRAFT,
    Site.Status.SUBMITTED,
    Site.Status.CHANGES_REQUESTED,
}


LINK_LIFETIME = timedelta(days=30)


def link_expiry():
    return timezone.now() + LINK_LIFETIME


class SubmissionAccessKey(models.Model):
    """A private link for a submitter without an account: only the token's hash is kept.

    It works until it expires, or until an account claims the submission (then deleted)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="access_keys")
    token_hash = models.CharField(max_length=64, unique=True)
    can_edit = models.BooleanField(
        default=True, help_text="Off for the links in outcome emails: they only show it."
    )
    expires_at = models.DateTimeField(default=link_expiry)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Access key for {self.submission.site.name}"


class SiteRevision(models.Model):
    """A snapshot of a site's public facts after a write, with what changed and why."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField(help_text="Field label to list of values; no private details.")
    changes = models.JSONField(
        default=list, blank=True, help_text="Difference from the revision before."
    )
    status = models.CharField(max_length=20, choices=Site.Status.choices)
    is_public = models.BooleanField(
        default=False, help_text="Shown in the case page's change log (published revisions)."
    )
    note = models.CharField(max_length=300, blank=True)
    evidence = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revisions",
        help_text="On whose evidence the change was made.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["site", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["site", "number"], name="unique_site_revision")
        ]
        indexes = [models.Index(fields=["site", "is_public"], name="revision_public")]

    def __str__(self):
        return f"{self.site} revision {self.number}"


class ChangeProposalQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ChangeProposal.Status.OPEN)

    def open_disputes(self):
        return self.open().filter(is_dispute=True)


class ChangeProposal(models.Model):
    """A practitioner's proposed corrections or additions to a site in the catalogue.

    Nothing changes on the site until a moderator accepts it.
    """

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="change_proposals")
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="change_proposals",
    )
    organisation_name = models.CharField(
        max_length=200, help_text="Who the proposal speaks for; cited publicly if accepted."
    )
    proposed = models.JSONField(
        blank=True, help_text="The changed fields only, with their proposed values."
    )
    base_snapshot = models.JSONField(help_text="The site's facts as the proposer saw them.")
    explanation = models.TextField(max_length=TEXT_LIMIT)
    evidence = models.TextField(max_length=TEXT_LIMIT, blank=True)
    is_dispute = models.BooleanField(
        default=False, help_text="The proposer disputes facts the page shows now."
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    version = models.PositiveIntegerField(default=1)
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="change_proposals",
        help_text="The practitioner source the accepted changes cite.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = ChangeProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["site", "status"], name="proposal_site_status")]

    def __str__(self):
        return f"Proposal for {self.site} by {self.organisation_name}"

    def get_absolute_url(self):
        return reverse("submissions:proposal-detail", args=[self.pk])


class ModerationDecision(models.Model):
    """What a moderator decided about a submission or a proposal, and why."""

    class Action(models.TextChoices):
        REQUEST_CHANGES = "request-changes", "Changes requested"
        PUBLISH = "publish", "Published"
        REJECT = "reject", "Rejected"
        ACCEPT_PROPOSAL = "accept-proposal", "Proposal accepted"
        DECLINE_PROPOSAL = "decline-proposal", "Proposal declined"

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="moderation_decisions")
    proposal = models.ForeignKey(
        ChangeProposal,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="decisions",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    message = models.TextField(max_length=TEXT_LIMIT, blank=True)
    section = models.CharField(
        max_length=40,
        blank=True,
        help_text="The task-list section a request for changes concerns (empty: the whole).",
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    revision = models.ForeignKey(
        SiteRevision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The revision the moderator reviewed.",
    )
    references = models.JSONField(
        null=True,
        blank=True,
        help_text="The submission's references as the moderator reviewed them, to show what "
        "changed since (null: decided before they were kept, or a proposal).",
    )
    identifiers = models.JSONField(
        null=True,
        blank=True,
        help_text="The charity and company numbers the submission gave, as the moderator "
        "reviewed them, to show what changed since (null: decided before they were kept, or "
        "a proposal).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.site}"
