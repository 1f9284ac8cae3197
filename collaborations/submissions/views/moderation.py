"""/moderation/: the queue, reviewing a submission or a proposal, a site's full history."""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from collaborations.models import ChangeProposal, ModerationDecision, Site, Submission

from .. import moderation, proposals
from ..diffs import snapshot_diff
from ..errors import StaleVersion
from ..facts import facts_snapshot, site_facts_of
from ..history import site_change_records
from ..identifier_diffs import identifier_diff
from ..identifiers import identifier_checks, identifier_rows
from ..permissions import is_moderator
from ..reference_diffs import reference_diff
from ..references import backed_keys
from ..sections import sections
from .mixins import add_validation_errors
from .submitter import labelled_snapshot

QUEUE_LIMIT = 100


class ModeratorRequiredMixin(UserPassesTestMixin):
    """Moderators and staff only: others are sent to log in, or refused (403)."""

    def test_func(self):
        return is_moderator(self.request.user)


QUEUE_KINDS = {
    "new": "New submission",
    "resubmitted": "Resubmitted after changes",
    "proposal": "Proposed change",
    "dispute": "Dispute",
}
QUEUE_SORTS = {"oldest": "Oldest first", "newest": "Newest first"}


@dataclass(frozen=True)
class QueueItem:
    kind: str
    name: str
    url: str
    since: object
    sender: str

    @property
    def kind_label(self) -> str:
        return QUEUE_KINDS[self.kind]


def queue_items(kind: str, sort: str) -> list[QueueItem]:
    """What waits for a moderator, of one kind or all, by age (at most QUEUE_LIMIT of each)."""
    items = []
    newest = sort == "newest"
    if kind in ("", "new", "resubmitted"):
        asked = ModerationDecision.objects.filter(
            site=OuterRef("site"), action=ModerationDecision.Action.REQUEST_CHANGES
        )
        waiting = (
            Submission.objects.filter(site__status=Site.Status.SUBMITTED)
            .select_related("site", "source")
            .annotate(was_returned=Exists(asked))
            .order_by("-submitted_at" if newest else "submitted_at", "pk")
        )
        if kind:
            waiting = waiting.filter(was_returned=kind == "resubmitted")
        for submission in waiting[:QUEUE_LIMIT]:
            items.append(
                QueueItem(
                    "resubmitted" if submission.was_returned else "new",
                    submission.site.name,
                    reverse("submissions:review-submission", args=[submission.site.slug]),
                    submission.submitted_at,
                    submission.source.short_title,
                )
            )
    if kind in ("", "proposal", "dispute"):
        proposals = ChangeProposal.objects.open().select_related("site")
        if kind:
            proposals = proposals.filter(is_dispute=kind == "dispute")
        order = "-created_at" if newest else "created_at"
        for proposal in proposals.order_by(order, "pk")[:QUEUE_LIMIT]:
            items.append(
                QueueItem(
                    "dispute" if proposal.is_dispute else "proposal",
                    proposal.site.name,
                    reverse("submissions:review-proposal", args=[proposal.pk]),
                    proposal.created_at,
                    proposal.organisation_name,
                )
            )
    items.sort(key=lambda item: item.since or timezone.now(), reverse=newest)
    return items


class ModerationQueueView(ModeratorRequiredMixin, TemplateView):
    template_name = "moderation/queue.html"

    def get_context_data(self, **kwargs):
        by_status = Submission.objects.select_related("site", "source")
        kind = self.request.GET.get("kind", "")
        kind = kind if kind in QUEUE_KINDS else ""
        sort = self.request.GET.get("sort", "oldest")
        sort = sort if sort in QUEUE_SORTS else "oldest"
        return super().get_context_data(
            items=queue_items(kind, sort),
            kind=kind,
            sort=sort,
            kinds=QUEUE_KINDS,
            sorts=QUEUE_SORTS,
            submitted_count=by_status.filter(site__status=Site.Status.SUBMITTED).count(),
            open_proposals=ChangeProposal.objects.open().count(),
            waiting=by_status.filter(site__status=Site.Status.CHANGES_REQUESTED).order_by(
                "-updated_at"
            )[:QUEUE_LIMIT],
            recent=ModerationDecision.objects.select_related("site", "moderator", "proposal")[:20],
            **kwargs,
        )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[])
    message = forms.CharField(max_length=5000, required=False, widget=forms.Textarea)
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)
    section = forms.ChoiceField(choices=[], required=False)

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = decisions
        self.fields["section"].choices = [("", "The whole submission")] + [
            (section.slug, section.title) for section in sections()
        ]


class DecisionView(ModeratorRequiredMixin, TemplateView):
    """A review page with one form per decision; a stale version gets 409 and the news."""

    decisions: list[tuple[str, str]] = []
    # Decisions that cannot be undone: they need their reason, then a second, confirming post.
    confirm = {"reject"}
    reason_required = {"reject", "request-changes", "decline"}

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST, decisions=self.decisions)
        if form.is_valid():
            self.require_reason(form)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        decision = form.cleaned_data["decision"]
        if decision in self.confirm and not form.cleaned_data["confirmed"]:
            return self.render_to_response(self.get_context_data(confirming=form))
        try:
            self.decide(form.cleaned_data)
        except StaleVersion as stale:
            messages.error(request, stale.message)
            return self.render_to_response(self.get_context_data(), status=409)
        except ValidationError as error:
            add_validation_errors(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(request, self.done_message(form.cleaned_data["decision"]))
        return redirect("submissions:moderation-queue")

    def require_reason(self, form) -> None:
        decision = form.cleaned_data["decision"]
        if decision in self.reason_required and not form.cleaned_data["message"].strip():
            label = dict(self.decisions)[decision]
            form.add_error(
                "message",
                ValidationError(
                    f"{label}: write the reason for the submitter first.", code="required"
                ),
            )

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", None)
        return super().get_context_data(**kwargs)


class SubmissionReviewView(DecisionView):
    template_name = "moderation/submission_review.html"
    decisions = [
        ("request-changes", "Request changes"),
        ("publish", "Publish"),
        ("reject", "Reject"),
    ]
    hints = {
        "request-changes": "What should the submitter change? (required, sent to them)",
        "publish": "A note for the submitter (optional)",
        "reject": "The reason (required, sent to the submitter)",
    }

    def get_submission(self) -> Submission:
        return get_object_or_404(
            Submission.objects.select_related("site", "site__owner", "source"),
            site__slug=self.kwargs["slug"],
        )

    def decide(self, data):
        submission = self.get_submission()
        common = {
            "submission_id": submission.pk,
            "moderator": self.request.user,
            "expected_version": data["version"],
        }
        if data["decision"] == "publish":
            moderation.submission_publish(**common, message=data["message"])
        elif data["decision"] == "reject":
            moderation.submission_reject(**common, reason=data["message"])
        else:
            moderation.submission_request_changes(
                **common, message=data["message"], section=data.get("section", "")
            )

    def done_message(self, decision):
        return {
            "publish": "Published. The submitter has been told by email.",
            "reject": "Rejected. The submitter has been told by email, with your reason.",
        }.get(decision, "Changes requested. The submitter has been sent your message.")

    def get_context_data(self, **kwargs):
        submission = self.get_submission()
        site = submission.site
        decisions = list(
            site.moderation_decisions.filter(proposal__isnull=True).select_related(
                "moderator", "revision"
            )
        )
        last_review = next((d for d in decisions if d.revision), None)
        current = facts_snapshot(site_facts_of(site))
        references_compared, reference_changes = changes_since_review(
            last_review, submission, "references", reference_diff
        )
        identifiers_compared, identifier_changes = changes_since_review(
            last_review, submission, "identifiers", identifier_diff
        )
        return super().get_context_data(
            submission=submission,
            site=site,
            current_facts=labelled_snapshot(current) + identifier_rows(submission),
            identifier_checks=identifier_checks(submission),
            backed=backed_facts(submission, current),
            sections=sections(),
            changes=snapshot_diff(last_review.revision.snapshot if last_review else {}, current),
            references_compared=references_compared,
            reference_changes=reference_changes,
            identifiers_compared=identifiers_compared,
            identifier_changes=identifier_changes,
            decision_choices=[(v, label, self.hints[v]) for v, label in self.decisions],
            reject_only=[("reject", "Reject", self.hints["reject"])],
            last_review=last_review,
            decisions=decisions,
            can_decide=site.status in (Site.Status.SUBMITTED, Site.Status.CHANGES_REQUESTED),
            **kwargs,
        )


def changes_since_review(last_review, submission, kept: str, diff) -> tuple[bool, list]:
    """(whether they can be compared, what changed) in what the submission keeps under
    `kept` (its references, its numbers) since the last review: all of it at a first review,
    nothing to compare where that review predates keeping them."""
    reviewed = getattr(last_review, kept) if last_review else []
    if reviewed is None:
        return False, []
    return True, diff(reviewed, getattr(submission, kept))


def backed_facts(submission, snapshot: dict) -> list[tuple[str, int, bool]]:
    """(label, values stated, whether a reference backs it) for each fact the submitter gave."""
    from ..facts import fact_labels

    backed = backed_keys(submission)
    return [
        (label, len(snapshot.get(key, [])), key in backed)
        for key, label in fact_labels().items()
        if snapshot.get(key)
    ]


class ProposalReviewView(DecisionView):
    template_name = "moderation/proposal_review.html"
    decisions = [("accept", "Accept and apply"), ("decline", "Decline")]
    hints = {
        "accept": "A note for the proposer (optional)",
        "decline": "The reason (required, sent to the proposer)",
    }

    def get_proposal(self) -> ChangeProposal:
        return get_object_or_404(
            ChangeProposal.objects.select_related("site", "proposer"), pk=self.kwargs["pk"]
        )

    def decide(self, data):
        common = {
            "proposal_id": self.get_proposal().pk,
            "moderator": self.request.user,
            "expected_version": data["version"],
            "message": data["message"],
        }
        if data["decision"] == "accept":
            proposals.change_proposal_accept(**common)
        else:
            proposals.change_proposal_decline(**common)

    def done_message(self, decision):
        if decision == "accept":
            return "Accepted: the site now shows the proposed facts, citing the practitioner."
        return "Declined. The proposer has been told, with your reason."

    def get_context_data(self, **kwargs):
        proposal = self.get_proposal()
        current, after = proposals.proposal_snapshots(proposal)
        return super().get_context_data(
            proposal=proposal,
            site=proposal.site,
            accept_changes=snapshot_diff(current, after),
            requested=proposals.requested_changes(proposal, after),
            changed_since=snapshot_diff(proposal.base_snapshot, current),
            decisions=proposal.decisions.select_related("moderator"),
            is_open=proposal.status == ChangeProposal.Status.OPEN,
            decision_choices=[(v, label, self.hints[v]) for v, label in self.decisions],
            **kwargs,
        )


class SiteHistoryView(ModeratorRequiredMixin, TemplateView):
    """Every recorded change to a site: revisions with diffs, and each row's history."""

    template_name = "moderation/site_history.html"

    def get_context_data(self, **kwargs):
        site = get_object_or_404(Site, slug=self.kwargs["slug"])
        return super().get_context_data(
            site=site,
            revisions=site.revisions.select_related("author", "evidence").order_by("-number")[:100],
            records=site_change_records(site),
            **kwargs,
        )
