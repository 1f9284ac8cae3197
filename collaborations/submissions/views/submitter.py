"""What a submitter sees: a submission's status page, "My submissions", private links."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.views import View
from django.views.generic import FormView, TemplateView

from collaborations.models import ChangeProposal, ModerationDecision, Site, Submission

from .. import emails
from ..access import (
    access_key_create,
    access_key_for_token,
    session_grant,
    session_submission_ids,
)
from ..facts import fact_labels, facts_snapshot, site_facts_of
from ..identifiers import identifier_rows
from ..permissions import can_edit_submission, is_submitter
from ..throttling import ACCESS_LINK
from ..throttling import MESSAGE as RATE_LIMITED
from .mixins import SubmissionAccessMixin


def labelled_snapshot(snapshot: dict) -> list[tuple[str, list[str]]]:
    labels = fact_labels()
    return [(labels.get(key, key), values) for key, values in snapshot.items()]


class SubmissionDetailView(SubmissionAccessMixin, TemplateView):
    template_name = "submissions/submission_detail.html"

    def get_context_data(self, **kwargs):
        submission = self.get_submission()
        site = submission.site
        return super().get_context_data(
            submission=submission,
            site=site,
            facts=labelled_snapshot(facts_snapshot(site_facts_of(site)))
            + identifier_rows(submission),
            decisions=ModerationDecision.objects.filter(site=site, proposal__isnull=True),
            is_submitter=is_submitter(self.request, submission),
            can_edit=can_edit_submission(self.request, submission),
            is_published=site.status == Site.Status.PUBLISHED,
            **kwargs,
        )


class MySubmissionsView(TemplateView):
    """The submissions of the logged-in account, plus those opened with a private link."""

    template_name = "submissions/my_submissions.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        granted = Q(pk__in=session_submission_ids(self.request.session), site__owner__isnull=True)
        mine = Q(site__owner=user) if user.is_authenticated else Q(pk__in=[])
        proposals = (
            ChangeProposal.objects.filter(proposer=user).select_related("site")
            if user.is_authenticated
            else ChangeProposal.objects.none()
        )
        return super().get_context_data(
            submissions=Submission.objects.filter(mine | granted)
            .select_related("site")
            .order_by("-updated_at"),
            proposals=proposals,
            **kwargs,
        )


class SubmissionAccessView(View):
    """A private link: grants this browser session the submission, then shows it."""

    def get(self, request, token):
        key = access_key_for_token(token)
        if key is None:
            return render(request, "submissions/access_link_invalid.html", status=404)
        session_grant(request.session, key.submission, can_edit=key.can_edit, until=key.expires_at)
        return redirect(key.submission.get_absolute_url())


class AccessLinkRequestForm(forms.Form):
    email = forms.EmailField(max_length=254, label="The email address you gave")


class AccessLinkRequestView(FormView):
    """Lost the link? Email fresh private links for every submission made from an address."""

    form_class = AccessLinkRequestForm
    template_name = "submissions/access_link_request.html"

    def form_valid(self, form):
        if ACCESS_LINK.hit(self.request):
            form.add_error(None, RATE_LIMITED)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        email = form.cleaned_data["email"]
        with transaction.atomic():
            submissions = list(
                Submission.objects.filter(contact_email__iexact=email, site__owner__isnull=True)
                .select_related("site")
                .order_by("pk")[:20]
            )
            links = [(s, access_key_create(submission=s)) for s in submissions]
            if links:
                emails.send_after_commit(emails.send_access_links, email=email, links=links)
        messages.success(
            self.request,
            "If we hold submissions made from that address without an account, we have "
            "emailed fresh private links to it.",
        )
        return redirect("submissions:mine")
