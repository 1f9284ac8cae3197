"""/submit/ and the submitter's edit page."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.views.generic import FormView

from ..access import session_grant_new
from ..errors import SubmissionError
from ..facts import site_facts_of
from ..forms import SubmissionForm, initial_from_facts
from ..identifiers import identifiers_initial
from ..permissions import can_edit_submission, is_submitter
from ..services import Contact, submission_create, submission_update
from ..throttling import MESSAGE as RATE_LIMITED
from ..throttling import SUBMISSION_CREATE, SUBMISSION_UPDATE
from .mixins import SubmissionAccessMixin, run_write

VIEW_ONLY_LINK = (
    "The link you opened only shows this submission. To edit it, open the link in the most "
    "recent email about it, or ask for a new link."
)
DRAFT_SAVED = "Your draft is saved. Come back to it at any time from this page."
NO_LONGER_EDITABLE = {
    "published": (
        "This submission is published, so it can no longer be edited here. To change what "
        "its page says, propose a change (see below)."
    ),
    "rejected": "This submission was not accepted, so it can no longer be edited.",
}


def contact_of(form) -> Contact:
    return Contact(
        name=form.cleaned_data.get("contact_name", "").strip(),
        email=form.cleaned_data["contact_email"],
    )


class SubmissionFormView(FormView):
    form_class = SubmissionForm
    template_name = "submissions/submission_form.html"
    rate_limit = SUBMISSION_CREATE

    def post(self, request, *args, **kwargs):
        if self.rate_limit.exceeded(request):
            form = self.get_form()
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form, status=400):
        return self.render_to_response(self.get_context_data(form=form), status=status)


class SubmissionCreateView(SubmissionFormView):
    def get_initial(self):
        user = self.request.user
        if user.is_authenticated:
            return {"contact_email": user.email, "contact_name": user.get_full_name()}
        return {}

    def form_valid(self, form):
        submission, status = run_write(
            form,
            lambda: submission_create(
                facts=form.site_facts(),
                contact=contact_of(form),
                owner=self.request.user,
                submit=form.is_submit,
                identifiers=form.given_identifiers_json(),
            ),
        )
        if status:
            return self.form_invalid(form, status=status)
        self.rate_limit.record(self.request)
        session_grant_new(self.request.session, submission)
        if not form.is_submit:  # a submission gets its confirmation panel instead
            messages.success(self.request, DRAFT_SAVED)
        return HttpResponseRedirect(submission.get_absolute_url())


class SubmissionUpdateView(SubmissionAccessMixin, SubmissionFormView):
    rate_limit = SUBMISSION_UPDATE

    def dispatch(self, request, *args, **kwargs):
        submission = self.get_submission()
        if not can_edit_submission(request, submission):
            if not is_submitter(request, submission):
                raise Http404("No submission here.")
            messages.info(
                request,
                VIEW_ONLY_LINK
                if submission.is_editable
                else NO_LONGER_EDITABLE.get(
                    submission.site.status, "This submission can no longer be edited."
                ),
            )
            return redirect(submission.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        submission = self.get_submission()
        return {
            **initial_from_facts(site_facts_of(submission.site)),
            **identifiers_initial(submission),
            "contact_name": submission.contact_name,
            "contact_email": submission.contact_email,
            "version": submission.version,
        }

    def get_context_data(self, **kwargs):
        submission = self.get_submission()
        return super().get_context_data(
            submission=submission, latest_note=submission.latest_change_request(), **kwargs
        )

    def form_valid(self, form):
        submission = self.get_submission()
        try:
            result, status = run_write(
                form,
                lambda: submission_update(
                    submission_id=submission.pk,
                    facts=form.site_facts(),
                    contact=contact_of(form),
                    submit=form.is_submit,
                    expected_version=form.cleaned_data.get("version"),
                    author=self.request.user,
                    identifiers=form.given_identifiers_json(),
                ),
            )
        except SubmissionError as refused:
            return self.refused(form, refused)
        if status:
            return self.form_invalid(form, status=status)
        self.rate_limit.record(self.request)
        newly = form.is_submit and submission.site.status != result.site.status
        if not newly:  # a submission gets its confirmation panel instead
            messages.success(self.request, "Your changes are saved.")
        return HttpResponseRedirect(result.get_absolute_url())

    def refused(self, form, refused: SubmissionError):
        """Another write came first: keep the typed text, show why, and carry the new version."""
        submission = type(self.get_submission()).objects.get(pk=self.get_submission().pk)
        data = self.request.POST.copy()
        data["version"] = submission.version
        form = self.get_form_class()(data=data, initial=self.get_initial())
        form.is_valid()
        form.add_error(None, refused.message)
        return self.form_invalid(form, status=409)
