"""The facts form: one validator for the /submit/ page, change proposals and the API.

Every choice comes from a reference table (a queryset), never from a list in code, and each
option carries its own description from the catalogue as help text.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from collaborations.models import (
    Driver,
    FundingType,
    InitiatorType,
    Justification,
    LeadershipStyle,
    LocalAuthority,
    OrganisationType,
    PartnerType,
    Practice,
    Region,
    Site,
    Typology,
)
from collaborations.registers import council_key, council_named

from .contributed import contributions
from .facts import SiteFacts
from .identifiers import LeadIdentifiersMixin
from .organisations import organisation_named
from .same_ideas import (
    JustificationChoiceField,
    drivers_offered,
    drivers_shown,
    same_ideas_together,
)


def choose_one(model, queryset=None, **kwargs):
    return forms.ModelChoiceField(
        queryset=queryset if queryset is not None else model.objects.all(),
        to_field_name="slug",
        required=False,
        **kwargs,
    )


def choose_many(model, queryset=None, field_class=forms.ModelMultipleChoiceField, **kwargs):
    return field_class(
        queryset=queryset if queryset is not None else model.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )


def text(max_length, *, required=False, rows=None, **kwargs):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput
    return forms.CharField(max_length=max_length, required=required, widget=widget, **kwargs)


def not_classified_typology() -> Typology | None:
    return Typology.objects.filter(is_classification=False).order_by("position").first()


class SiteFactsForm(forms.Form):
    """The facts a research site carries, as a practitioner would describe them."""

    name = text(200, required=True, label="Name of the collaboration")
    locality = text(200, label="Town, city or area")
    region = choose_one(Region, empty_label="Choose a nation or region", label="Nation or region")
    council = forms.ModelChoiceField(
        queryset=LocalAuthority.objects.select_related("upper_tier").order_by("name"),
        to_field_name="code",
        required=False,
        empty_label="Choose your council",
        label="Local authority",
        help_text="The council whose area the collaboration covers, from the Office for "
        "National Statistics' list of councils in England and Wales (April 2021). A district "
        "shows its county in brackets.",
    )
    local_authority = text(
        200,
        label="Not in the list? Name the local authority",
        help_text="For example a council in Scotland or Northern Ireland, or one formed "
        "since April 2021.",
    )
    lead_organisation_name = text(
        200,
        label="Lead organisation",
        help_text="The body that leads or hosts the collaboration.",
    )
    lead_organisation_type = choose_one(
        OrganisationType,
        empty_label="Choose a kind of organisation",
        label="What kind of organisation is it?",
        help_text="Needed when the organisation is not yet in the catalogue.",
    )
    initiated_by = choose_one(
        InitiatorType, empty_label="Not sure", label="Who started the collaboration?"
    )
    scope = text(1000, rows=3, label="Scope of collaborative working")
    start_year = forms.IntegerField(
        required=False, min_value=1800, max_value=2100, label="Year it started"
    )
    permanence = forms.ChoiceField(
        choices=[("", "Not sure")] + Site.Permanence.choices,
        required=False,
        widget=forms.RadioSelect,
        label="Is it a permanent way of working or a time-limited initiative?",
    )
    summary = text(
        5000, rows=8, label="Summary", help_text="What the collaboration does, in a few paragraphs."
    )
    website = forms.URLField(max_length=500, required=False, assume_scheme="https")
    typology = forms.ModelChoiceField(
        queryset=Typology.objects.filter(is_classification=True).select_related("governance_mode"),
        to_field_name="slug",
        required=False,
        blank=True,
        empty_label="Not sure",
        widget=forms.RadioSelect,
        label="Which type of collaboration is closest?",
    )
    partner_types = choose_many(PartnerType, label="Who takes part?")
    funding_types = choose_many(FundingType, label="How is it funded?")
    drivers = choose_many(Driver, drivers_offered(), label="What drives the collaboration?")
    justifications = choose_many(
        Justification,
        field_class=JustificationChoiceField,
        label="Why collaborate?",
        help_text="Reasons that say the same as a driver are asked once, among the drivers.",
    )
    practices = choose_many(
        Practice,
        Practice.objects.select_related("ingredient").order_by(
            "ingredient__position", "ingredient__name", "position", "name"
        ),
        label="Which practices do you use?",
    )
    leadership_styles = choose_many(LeadershipStyle, label="Leadership styles")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for contribution in contributions():  # facts the apps above this one ask about
            self.fields.update(contribution.form_fields())

    def clean_typology(self):
        return self.cleaned_data.get("typology") or self.typology_when_unsure()

    def typology_when_unsure(self) -> Typology | None:
        """ "Not sure" is coded as the catalogue's "not classified" row, where it has one."""
        return not_classified_typology()

    def clean_start_year(self):
        year = self.cleaned_data.get("start_year")
        if year and year > timezone.now().year + 1:
            raise ValidationError("Give the year it started, not a year in the future.")
        return year

    def clean_council(self):
        """A council from the register is stored under the register's name."""
        council = self.cleaned_data.get("council")
        typed = self.data.get(self.add_prefix("local_authority"), "").strip()
        if council and typed and council_key(typed) != council_key(council.name):
            raise ValidationError(
                f"You chose {council.name} from the list and also named “{typed}”: keep one.",
                code="both",
            )
        return council

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("council"):
            cleaned["local_authority"] = cleaned["council"].name
        name = cleaned.get("lead_organisation_name", "").strip()
        if name and not cleaned.get("lead_organisation_type") and not organisation_named(name):
            self.add_error(
                "lead_organisation_type",
                ValidationError(
                    f"“{name}” is not in the catalogue yet: say what kind of organisation it is.",
                    code="required",
                ),
            )
        return cleaned

    def site_facts(self) -> SiteFacts:
        """The validated facts (call after is_valid())."""
        data = self.cleaned_data
        lists = {
            key: list(data.get(key) or [])
            for key in (
                "partner_types",
                "funding_types",
                "drivers",
                "justifications",
                "practices",
                "leadership_styles",
            )
        }
        lists["drivers"], lists["justifications"] = same_ideas_together(
            lists["drivers"], lists["justifications"]
        )
        singles = {
            key: data.get(key)
            for key in ("region", "lead_organisation_type", "initiated_by", "start_year")
        }
        texts = {
            key: (data.get(key) or "").strip()
            for key in (
                "name",
                "locality",
                "local_authority",
                "lead_organisation_name",
                "scope",
                "permanence",
                "summary",
                "website",
            )
        }
        extra = {}
        for contribution in contributions():
            extra.update(contribution.form_values(data))
        return SiteFacts(**texts, **singles, **lists, typology=data.get("typology"), extra=extra)


def initial_from_facts(facts: SiteFacts) -> dict:
    """Form initial values that show the given facts."""
    initial = {
        key: getattr(facts, key)
        for key in (
            "name",
            "locality",
            "region",
            "local_authority",
            "lead_organisation_name",
            "lead_organisation_type",
            "initiated_by",
            "scope",
            "start_year",
            "permanence",
            "summary",
            "website",
            "partner_types",
            "funding_types",
            "drivers",
            "justifications",
            "practices",
            "leadership_styles",
        )
    }
    initial["drivers"] = drivers_shown(facts.drivers, facts.justifications)
    council = council_named(facts.local_authority)
    if council:  # shown as the register's entry, not as text
        initial["council"], initial["local_authority"] = council.code, ""
    typology = facts.typology
    initial["typology"] = typology if typology and typology.is_classification else None
    for contribution in contributions():
        values = {key: getattr(facts, key) for key in contribution.labels}
        initial.update(contribution.form_initial(values))
    return initial


class HoneypotMixin(forms.Form):
    """A field people never see; software that fills every field gives itself away."""

    homepage = forms.CharField(
        required=False, max_length=200, label="Leave this field empty", widget=forms.TextInput
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("homepage"):
            raise ValidationError(
                "This form could not be accepted. If you are a person, leave the hidden "
                "field empty and send it again.",
                code="honeypot",
            )
        return cleaned


class SubmissionForm(HoneypotMixin, LeadIdentifiersMixin, SiteFactsForm):
    """/submit/ and its edit page: the facts plus the submitter's private contact details."""

    SAVE_DRAFT, SUBMIT = "draft", "submit"
    REQUIRED_TO_SUBMIT = ["summary", "lead_organisation_name", "contact_name"]

    contact_name = text(200, label="Your name", help_text="Private: only moderators see it.")
    contact_email = forms.EmailField(
        max_length=254,
        label="Your email address",
        help_text="Private. We send your private link and the review's outcome here.",
    )
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    action = forms.ChoiceField(
        choices=[(SAVE_DRAFT, "Save as draft"), (SUBMIT, "Submit for review")],
        required=False,
        widget=forms.HiddenInput,
    )

    @property
    def is_submit(self) -> bool:
        return self.cleaned_data.get("action") != self.SAVE_DRAFT

    def clean(self):
        cleaned = super().clean()
        if self.is_submit:
            for field in self.REQUIRED_TO_SUBMIT:
                if not cleaned.get(field) and field not in self.errors:
                    self.add_error(
                        field,
                        ValidationError(
                            "Fill this in before submitting for review (or save as a draft).",
                            code="required",
                        ),
                    )
            if (
                not cleaned.get("locality")
                and not cleaned.get("region")
                and "locality" not in self.errors
            ):
                self.add_error(
                    "locality",
                    ValidationError(
                        "Give the town, city or area, or choose a nation or region.",
                        code="required",
                    ),
                )
        return cleaned


class ChangeProposalForm(HoneypotMixin, SiteFactsForm):
    """Right of reply: the site's facts as the practitioner says they should be."""

    organisation_name = text(
        200,
        required=True,
        label="Your organisation",
        help_text="Shown publicly as the source of the changes, if they are accepted.",
    )
    explanation = text(5000, required=True, rows=5, label="What is wrong or missing, and why?")
    evidence = text(
        5000,
        rows=3,
        label="Evidence",
        help_text="Links to reports, minutes or web pages that support the change.",
    )
    is_dispute = forms.BooleanField(
        required=False,
        label="I dispute facts the page shows now",
        help_text="The page will say that a dispute is open until a moderator resolves it.",
    )

    def __init__(self, *args, base_facts: SiteFacts, **kwargs):
        self.base_facts = base_facts
        super().__init__(*args, **kwargs)

    def typology_when_unsure(self) -> Typology | None:
        base = self.base_facts.typology
        if base is None or not base.is_classification:
            return base  # unchanged: the site had no type, or "not classified"
        return not_classified_typology()


class SectionForm(LeadIdentifiersMixin, SiteFactsForm):
    """One section of the task list: its fields only, and whether it is finished.

    The fields a section needs are marked required on its page; they are checked when the
    practitioner says the section is completed ("come back later" saves what is there)."""

    YES, LATER = "yes", "later"

    contact_name = SubmissionForm.base_fields["contact_name"]
    contact_email = forms.EmailField(
        max_length=254,
        required=False,
        label="Your email address",
        help_text="Private. We send your private link and the review's outcome here.",
    )
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    completed = forms.ChoiceField(
        choices=[(YES, "Yes, I have completed this section"), (LATER, "No, I'll come back later")],
        widget=forms.RadioSelect,
        label="Have you completed this section?",
        error_messages={"required": "Say whether you have completed this section."},
    )

    def __init__(self, *args, section, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        keep = {*section.fields, "version", "completed"}
        for name in [name for name in self.fields if name not in keep]:
            del self.fields[name]
        self.required_names = set(section.required)

    @property
    def is_completed(self) -> bool:
        return self.cleaned_data.get("completed") == self.YES

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("completed") != self.YES:
            return cleaned
        for name in self.section.required:
            if not cleaned.get(name) and name not in self.errors:
                label = self.fields[name].label
                self.add_error(name, ValidationError(f"Enter {label.lower()}.", code="required"))
        if "locality" in self.fields and not (cleaned.get("locality") or cleaned.get("region")):
            self.add_error(
                "locality",
                ValidationError(
                    "Give the town, city or area, or choose a nation or region.", code="required"
                ),
            )
        return cleaned

    def section_values(self) -> dict:
        """Fact key -> value for the keys this section writes."""
        facts = self.site_facts()
        return {key: getattr(facts, key) for key in self.section.keys}


class StartForm(HoneypotMixin, forms.Form):
    """The first page: what a draft needs to be saved and found again."""

    name = text(200, required=True, label="Name of the collaboration")
    contact_name = text(200, required=True, label="Your name", help_text="Private.")
    contact_email = forms.EmailField(
        max_length=254,
        label="Your email address",
        help_text="Private. We email you a link to come back to your draft, and the outcome.",
    )
