"""The task list: start, one page per section, check your answers, submit. No script."""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from ..access import session_grant_new
from ..errors import SubmissionError
from ..facts import facts_snapshot, site_facts_of
from ..forms import SectionForm, StartForm, initial_from_facts
from ..identifiers import given_identifiers, identifiers_initial
from ..permissions import can_edit_submission, is_submitter
from ..references import backed_keys, reference_formset
from ..sections import (
    COMPLETED,
    SOURCES,
    STATUS_LABELS,
    section_named,
    sections,
    status_of,
)
from ..services import (
    Contact,
    missing_to_submit,
    submission_create,
    submission_references_save,
    submission_section_save,
    submission_submit,
)
from ..throttling import MESSAGE as RATE_LIMITED
from ..throttling import SUBMISSION_CREATE, SUBMISSION_UPDATE
from .mixins import SubmissionAccessMixin, add_validation_errors
from .submitter import labelled_snapshot


def tasks_url(submission) -> str:
    return reverse("submissions:tasks", args=[submission.site.slug])


class StartView(FormView):
    """/submit/: what to expect, then the two things a draft needs."""

    form_class = StartForm
    template_name = "submissions/start.html"

    def post(self, request, *args, **kwargs):
        if "action" in request.POST:  # the whole form on one page (/submit/all/, older clients)
            from .submit import SubmissionCreateView

            return SubmissionCreateView.as_view()(request)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(sections=sections(), **kwargs)

    def get_initial(self):
        user = self.request.user
        if user.is_authenticated:
            return {"contact_email": user.email, "contact_name": user.get_full_name()}
        return {}

    def form_invalid(self, form, status=400):
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def form_valid(self, form):
        if SUBMISSION_CREATE.exceeded(self.request):
            form.add_error(None, RATE_LIMITED)
            return self.form_invalid(form, status=429)
        from ..facts import SiteFacts

        data = form.cleaned_data
        submission = submission_create(
            facts=SiteFacts(name=data["name"].strip()),
            contact=Contact(data["contact_name"].strip(), data["contact_email"]),
            owner=self.request.user,
            submit=False,
        )
        SUBMISSION_CREATE.record(self.request)
        session_grant_new(self.request.session, submission)
        messages.success(
            self.request,
            "Your draft is saved."
            + (
                f" We have emailed a link to {submission.contact_email}: open it to come "
                "back to your draft from any browser."
                if not self.request.user.is_authenticated
                else " It is under “My submissions”."
            ),
        )
        return HttpResponseRedirect(tasks_url(submission))


class EditableMixin(SubmissionAccessMixin):
    def dispatch(self, request, *args, **kwargs):
        submission = self.get_submission()
        if not can_edit_submission(request, submission):
            if not is_submitter(request, submission):
                raise Http404("No submission here.")
            return redirect(reverse("submissions:edit", args=[submission.site.slug]))
        return super().dispatch(request, *args, **kwargs)


class TaskListView(EditableMixin, TemplateView):
    template_name = "submissions/task_list.html"

    def get_context_data(self, **kwargs):
        submission = self.get_submission()
        note = submission.latest_change_request()
        rows = [
            {
                "section": section,
                "status": status_of(submission, section),
                "label": STATUS_LABELS[status_of(submission, section)],
                "url": reverse("submissions:section", args=[submission.site.slug, section.slug]),
                "asked": note is not None and note.section == section.slug,
            }
            for section in sections()
        ]
        done = sum(row["status"] == COMPLETED for row in rows)
        return super().get_context_data(
            submission=submission,
            site=submission.site,
            rows=rows,
            done=done,
            latest_note=note,
            note_section=section_named(note.section) if note and note.section else None,
            **kwargs,
        )


class SectionView(EditableMixin, FormView):
    template_name = "submissions/section_form.html"

    def get_section(self):
        section = section_named(self.kwargs["section"])
        if section is None:
            raise Http404("No such section.")
        return section

    def get_form(self, form_class=None):
        return SectionForm(section=self.get_section(), **self.get_form_kwargs())

    def get_initial(self):
        submission = self.get_submission()
        status = status_of(submission, self.get_section())
        return {
            **initial_from_facts(site_facts_of(submission.site)),
            **identifiers_initial(submission),
            "contact_name": submission.contact_name,
            "contact_email": submission.contact_email,
            "version": submission.version,
            "completed": SectionForm.YES if status == COMPLETED else None,
        }

    def get_context_data(self, **kwargs):
        submission = self.get_submission()
        note = submission.latest_change_request()
        section = self.get_section()
        context = super().get_context_data(
            submission=submission,
            section=section,
            latest_note=note if note and note.section in ("", section.slug) else None,
            **kwargs,
        )
        form = context["form"]
        context["section_fields"] = [form[name] for name in section.fields if name in form.fields]
        return context

    def form_invalid(self, form, status=400):
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def form_valid(self, form):
        if SUBMISSION_UPDATE.exceeded(self.request):
            form.add_error(None, RATE_LIMITED)
            return self.form_invalid(form, status=429)
        section = self.get_section()
        contact = None
        if "contact_email" in form.fields:
            data = form.cleaned_data
            contact = Contact(
                data.get("contact_name", "").strip(),
                data.get("contact_email") or self.get_submission().contact_email,
            )
        try:
            submission_section_save(
                submission_id=self.get_submission().pk,
                section=section,
                values=form.section_values(),
                contact=contact,
                completed=form.is_completed,
                expected_version=form.cleaned_data.get("version"),
                author=self.request.user,
                identifiers=form.given_identifiers_json(),
            )
        except SubmissionError as refused:
            form.add_error(None, refused.message)
            return self.form_invalid(form, status=409)
        except Exception as error:  # a ValidationError from the writers
            if not hasattr(error, "message_dict") and not hasattr(error, "messages"):
                raise
            add_validation_errors(form, error)
            return self.form_invalid(form)
        SUBMISSION_UPDATE.record(self.request)
        return HttpResponseRedirect(tasks_url(self.get_submission()))


class SourcesView(EditableMixin, TemplateView):
    """Sources and evidence: references backing the facts, a few rows at a time."""

    template_name = "submissions/section_sources.html"

    def stated(self):
        return facts_snapshot(site_facts_of(self.get_submission().site))

    def get_context_data(self, **kwargs):
        submission = self.get_submission()
        kwargs.setdefault("formset", reference_formset(submission, self.stated()))
        kwargs.setdefault("completed", status_of(submission, SOURCES) == COMPLETED)
        return super().get_context_data(
            submission=submission,
            section=SOURCES,
            latest_note=submission.latest_change_request(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        submission = self.get_submission()
        formset = reference_formset(submission, self.stated(), data=request.POST)
        completed = request.POST.get("completed") == "yes"
        if not formset.is_valid():
            context = self.get_context_data(formset=formset, completed=completed)
            return self.render_to_response(context, status=400)
        entries = [form.entry() for form in formset.forms if form.entry()]
        version = request.POST.get("version")
        try:
            submission_references_save(
                submission_id=submission.pk,
                references=entries,
                completed=completed,
                expected_version=int(version) if version and version.isdigit() else None,
                author=request.user,
            )
        except SubmissionError as refused:
            messages.error(request, refused.message)
            return redirect(request.path)
        return HttpResponseRedirect(tasks_url(submission))


class CheckAnswersView(EditableMixin, TemplateView):
    """Every answer with a link to change it, then the one button that sends it."""

    template_name = "submissions/check_answers.html"

    def get_context_data(self, **kwargs):
        submission = self.get_submission()
        snapshot = facts_snapshot(site_facts_of(submission.site))
        backed = backed_keys(submission)
        groups = []
        for section in sections():
            facts = [
                (label, snapshot.get(key, []), key in backed)
                for key, label in _labels(section.keys)
            ]
            groups.append({"section": section, "facts": facts})
        missing = missing_to_submit(submission)
        return super().get_context_data(
            submission=submission,
            site=submission.site,
            groups=groups,
            identifiers=given_identifiers(submission),
            missing=[(section_named(slug), what) for slug, what in missing],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        submission = self.get_submission()
        try:
            submission_submit(
                submission_id=submission.pk,
                expected_version=None,
                author=request.user,
            )
        except SubmissionError as refused:
            messages.error(request, refused.message)
            return redirect(request.path)
        except Exception as error:
            if not hasattr(error, "messages"):
                raise
            context = self.get_context_data(submit_errors=error.messages)
            return self.render_to_response(context, status=400)
        return HttpResponseRedirect(submission.get_absolute_url())


def _labels(keys):
    from ..facts import fact_labels

    labels = fact_labels()
    return [(key, labels[key]) for key in keys if key in labels]


__all__ = ["labelled_snapshot"]
