"""Right of reply: propose changes to a published site, follow the proposal."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from collaborations.models import ChangeProposal, Site

from ..facts import site_facts_of
from ..forms import ChangeProposalForm, initial_from_facts
from ..permissions import is_moderator
from ..proposals import (
    change_proposal_create,
    change_proposal_withdraw,
    proposal_snapshots,
    requested_changes,
)
from ..throttling import MESSAGE as RATE_LIMITED
from ..throttling import PROPOSAL
from .mixins import run_write


class ChangeProposalCreateView(LoginRequiredMixin, FormView):
    form_class = ChangeProposalForm
    template_name = "submissions/proposal_form.html"

    def get_site(self) -> Site:
        if not hasattr(self, "_site"):
            self._site = get_object_or_404(Site.public.all(), slug=self.kwargs["slug"])
            self._base_facts = site_facts_of(self._site)
        return self._site

    def get_form_kwargs(self):
        self.get_site()
        return {**super().get_form_kwargs(), "base_facts": self._base_facts}

    def get_initial(self):
        self.get_site()
        return initial_from_facts(self._base_facts)

    def get_context_data(self, **kwargs):
        return super().get_context_data(site=self.get_site(), **kwargs)

    def form_invalid(self, form, status=400):
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def form_valid(self, form):
        if PROPOSAL.exceeded(self.request):
            form.add_error(None, RATE_LIMITED)
            return self.form_invalid(form, status=429)
        data = form.cleaned_data
        proposal, status = run_write(
            form,
            lambda: change_proposal_create(
                site=self.get_site(),
                proposer=self.request.user,
                facts=form.site_facts(),
                organisation_name=data["organisation_name"],
                explanation=data["explanation"],
                evidence=data.get("evidence", ""),
                is_dispute=data.get("is_dispute", False),
            ),
        )
        if status:
            return self.form_invalid(form, status=status)
        PROPOSAL.record(self.request)
        messages.success(
            self.request,
            "Thank you: a moderator will review your proposal. The page does not change "
            "until it is accepted.",
        )
        return HttpResponseRedirect(proposal.get_absolute_url())


def visible_proposal(request, pk) -> ChangeProposal:
    proposal = get_object_or_404(ChangeProposal.objects.select_related("site", "proposer"), pk=pk)
    user = request.user
    if not (user.is_authenticated and (proposal.proposer_id == user.pk or is_moderator(user))):
        raise Http404("No proposal here.")
    return proposal


class ChangeProposalDetailView(TemplateView):
    template_name = "submissions/proposal_detail.html"

    def get_context_data(self, **kwargs):
        proposal = visible_proposal(self.request, self.kwargs["pk"])
        _, after = proposal_snapshots(proposal)
        return super().get_context_data(
            proposal=proposal,
            site=proposal.site,
            changes=requested_changes(proposal, after),
            decisions=proposal.decisions.all(),
            is_proposer=proposal.proposer_id == self.request.user.pk,
            **kwargs,
        )


class ChangeProposalWithdrawView(LoginRequiredMixin, View):
    def post(self, request, pk):
        proposal = visible_proposal(request, pk)
        try:
            change_proposal_withdraw(proposal_id=proposal.pk, proposer=request.user)
        except PermissionDenied:
            messages.error(request, "Only an open proposal of your own can be withdrawn.")
        else:
            messages.success(request, "Your proposal is withdrawn.")
        return redirect(proposal.get_absolute_url())
