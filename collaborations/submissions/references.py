"""A practitioner's references: a web page or a document, the words in it, and the facts
they back. Written as passages of the practitioner's source that the statements of those
facts cite, so self-reported facts are statements with references like research facts."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from collaborations.models import (
    FieldStatement,
    Passage,
    Reference,
    SiteOrganisation,
    Submission,
)

from .contributed import contribution_for
from .facts import CODINGS, FACT_SETS, SITE_COLUMNS, fact_labels
from .organisations import lead_role

MAX_REFERENCES = 10


def statements_of(site, key: str, source):
    """The source's statements of one fact key."""
    contribution = contribution_for(key)
    if contribution is not None:
        return contribution.statements(site, key, source)
    if key in SITE_COLUMNS:
        return FieldStatement.objects.filter(site=site, field=key, source=source)
    if key in FACT_SETS or key in CODINGS:
        model = (FACT_SETS.get(key) or CODINGS[key]).model
        return model.objects.filter(site=site, source=source)
    if key == "lead_organisation_name":
        return SiteOrganisation.objects.filter(site=site, source=source, role=lead_role())
    return FieldStatement.objects.none()


def references_write(submission: Submission) -> None:
    source, site = submission.source, submission.site
    old = Passage.objects.filter(source=source)
    Reference.objects.filter(passage__in=old).delete()
    old.delete()
    for position, entry in enumerate(submission.references, start=1):
        passage = Passage(
            slug=f"{source.slug}-reference-{position}",
            source=source,
            locator=(entry.get("title") or entry.get("url") or "")[:300],
            excerpt=entry["passage"],
            url=entry.get("url", ""),
            position=position,
        )
        passage.full_clean()
        passage.save()
        for key in entry.get("facts", []):
            for statement in statements_of(site, key, source):
                Reference.objects.get_or_create(
                    content_type=ContentType.objects.get_for_model(statement),
                    object_id=statement.pk,
                    passage=passage,
                    defaults={"site": site, "position": position},
                )


def backed_keys(submission: Submission) -> set[str]:
    return {key for entry in submission.references for key in entry.get("facts", [])}


class ReferenceForm(forms.Form):
    url = forms.URLField(max_length=500, required=False, assume_scheme="https", label="Web address")
    title = forms.CharField(
        max_length=300,
        required=False,
        label="Or the document's title",
        help_text="For a report, minutes or a plan that is not on the web: its title and date.",
    )
    passage = forms.CharField(
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="The words in it that back your facts",
        help_text="Copy the sentence or two, as written.",
    )
    facts = forms.MultipleChoiceField(
        choices=[], required=False, widget=forms.CheckboxSelectMultiple, label="Which facts"
    )

    def __init__(self, *args, fact_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facts"].choices = fact_choices

    def clean(self):
        cleaned = super().clean()
        given = [cleaned.get(name) for name in ("url", "title", "passage")]
        if not any(given) and not cleaned.get("facts"):
            return cleaned  # an empty row
        if not (cleaned.get("url") or cleaned.get("title")):
            self.add_error("url", ValidationError("Give the web address or the document's title."))
        if not cleaned.get("passage"):
            self.add_error("passage", ValidationError("Copy the words that back your facts."))
        if not cleaned.get("facts"):
            self.add_error("facts", ValidationError("Tick the facts this reference backs."))
        return cleaned

    def entry(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("passage"):
            return None
        return {
            "url": data.get("url", ""),
            "title": data.get("title", "").strip(),
            "passage": data["passage"].strip(),
            "facts": list(data.get("facts", [])),
        }


def fact_choices(stated: dict) -> list[tuple[str, str]]:
    """The facts the submission states (key -> values), to tick."""
    return [(key, label) for key, label in fact_labels().items() if stated.get(key)]


ReferenceFormSet = forms.formset_factory(
    ReferenceForm, extra=0, max_num=MAX_REFERENCES, validate_max=True, absolute_max=MAX_REFERENCES
)


def reference_formset(submission: Submission, stated: dict, data=None):
    rows = list(submission.references)
    initial = rows + [{}] * max(1, 3 - len(rows)) if data is None else None
    return ReferenceFormSet(
        data=data,
        initial=initial,
        prefix="ref",
        form_kwargs={"fact_choices": fact_choices(stated)},
    )
