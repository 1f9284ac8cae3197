"""The submissions API's JSON shape. Validation is the web form's: the serializer only
translates JSON into the form's data and the form's errors back into JSON."""

from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from collaborations.models import ModerationDecision, Site, Submission

from .contributed import contributions
from .facts import fact_keys, site_facts_of
from .facts_json import facts_to_json
from .forms import SubmissionForm, initial_from_facts
from .services import Contact

REFERENCE_LISTS = [
    "partner_types",
    "funding_types",
    "drivers",
    "justifications",
    "practices",
    "leadership_styles",
]
REFERENCE_SINGLES = ["region", "lead_organisation_type", "initiated_by", "typology"]


def slug_list(help_text):
    return serializers.ListField(child=serializers.SlugField(), required=False, help_text=help_text)


def slug_or_null(help_text):
    return serializers.SlugField(
        required=False, allow_null=True, allow_blank=True, help_text=help_text
    )


@extend_schema_field({"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"\S"})
class NameField(serializers.CharField):
    """Checked by the form (with every other field, in one answer); the schema says so."""


@extend_schema_field({"type": "string", "format": "uri", "maxLength": 500})
class WebsiteField(serializers.CharField):
    """A web address; the form adds https:// to a bare domain and checks the rest."""


def text(**kwargs):
    return serializers.CharField(required=False, allow_blank=True, **kwargs)


class SubmissionSerializer(serializers.Serializer):
    """A practitioner submission: the same facts and rules as the /submit/ form."""

    slug = serializers.SlugField(read_only=True)
    status = serializers.CharField(
        read_only=True, help_text="draft, submitted, changes-requested, published or rejected."
    )
    version = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Send back the version you read; a stale one is refused with 409.",
    )
    url = serializers.URLField(read_only=True)
    html_url = serializers.URLField(read_only=True)
    moderator_message = serializers.CharField(
        read_only=True, help_text="The latest message from a moderator."
    )
    action = serializers.ChoiceField(
        choices=[SubmissionForm.SAVE_DRAFT, SubmissionForm.SUBMIT],
        required=False,
        write_only=True,
        help_text="`draft` saves without sending for review; `submit` sends it to the "
        "moderators. Default: `submit` when creating; when updating, the status is kept.",
    )
    name = NameField(help_text="The collaboration's name. Required, except in a PATCH.")
    locality = text(max_length=200)
    region = slug_or_null("Slug of a region (/api/v1/ reference data).")
    local_authority = text(max_length=200)
    lead_organisation_name = text(max_length=200)
    lead_organisation_type = slug_or_null("Organisation type slug; needed for a new organisation.")
    initiated_by = slug_or_null("Initiator type slug.")
    scope = text(max_length=1000)
    start_year = serializers.IntegerField(
        required=False, allow_null=True, min_value=1800, max_value=timezone.now().year + 1
    )
    permanence = serializers.ChoiceField(
        choices=["", *Site.Permanence.values], required=False, help_text="Empty: not sure."
    )
    summary = text(max_length=5000)
    website = WebsiteField(required=False, allow_blank=True)
    typology = slug_or_null("Typology slug; empty or null for 'not sure'.")
    partner_types = slug_list("Partner type slugs.")
    funding_types = slug_list("Funding type slugs.")
    drivers = slug_list("Driver slugs.")
    justifications = slug_list("Justification slugs.")
    practices = slug_list("Practice slugs.")
    leadership_styles = slug_list("Leadership style slugs.")
    contact_name = text(
        max_length=200, write_only=True, help_text="Private: never shown on a page or in the API."
    )
    contact_email = serializers.EmailField(
        write_only=True,
        max_length=254,
        help_text="Private: where the review's outcome goes. Required, except in a PATCH.",
    )

    def get_fields(self):
        """The fields above, and those of the facts the apps above this one contribute."""
        fields = super().get_fields()
        for contribution in contributions():
            fields.update(contribution.api_fields())
        return fields

    def validate(self, attrs):
        data = self._base_form_data()
        if "action" not in attrs:
            attrs["action"] = (
                SubmissionForm.SUBMIT if self.instance is None else SubmissionForm.SAVE_DRAFT
            )
        _overlay(data, attrs)
        if "local_authority" in attrs:  # the API names the local authority as text
            data.pop("council", None)
        form = SubmissionForm(data=data)
        if not form.is_valid():
            raise serializers.ValidationError(_api_errors(form))
        return {
            "facts": form.site_facts(),
            "contact": Contact(
                name=form.cleaned_data["contact_name"], email=form.cleaned_data["contact_email"]
            ),
            "submit": form.is_submit,
            "version": attrs.get("version"),
        }

    def _base_form_data(self) -> MultiValueDict:
        """PATCH changes only what it names: start from the stored submission."""
        if self.instance is None or not self.partial:
            return MultiValueDict()
        initial = initial_from_facts(site_facts_of(self.instance.site))
        initial.update(
            contact_name=self.instance.contact_name, contact_email=self.instance.contact_email
        )
        data = MultiValueDict()
        for key, value in initial.items():
            if isinstance(value, list):
                data.setlist(key, [getattr(v, "slug", v) for v in value])
            elif value is not None:
                data[key] = str(getattr(value, "slug", value))
        return data

    def to_representation(self, submission: Submission):
        site = submission.site
        last_message = (
            ModerationDecision.objects.filter(site=site, proposal__isnull=True)
            .exclude(message="")
            .values_list("message", flat=True)
            .first()
        )
        request = self.context.get("request")
        api_path = reverse("submissions:api-submission-detail", args=[site.slug])
        return {
            "slug": site.slug,
            "status": site.status,
            "version": submission.version,
            "url": request.build_absolute_uri(api_path) if request else api_path,
            "html_url": request.build_absolute_uri(submission.get_absolute_url())
            if request
            else submission.get_absolute_url(),
            "moderator_message": last_message or "",
            **_facts_json(site),
        }


def _facts_json(site) -> dict:
    facts = site_facts_of(site)
    payload = facts_to_json(facts, fact_keys())
    payload.setdefault("lead_organisation_type", None)
    if facts.typology and not facts.typology.is_classification:
        payload["typology"] = None
    return payload


def _overlay(data: MultiValueDict, attrs: dict) -> None:
    for key, value in attrs.items():
        if any(c.api_form_data(data, key, value) for c in contributions()):
            continue
        if key in REFERENCE_LISTS:
            data.setlist(key, list(value))
        elif value is not None:
            data[key] = str(value)
        else:
            data[key] = ""


def _api_errors(form) -> dict:
    errors: dict[str, list[str]] = {}
    for field, messages in form.errors.items():
        owned = [c.api_error_key(field) for c in contributions()]
        key = "non_field_errors" if field == "__all__" else next((k for k in owned if k), field)
        errors.setdefault(key, []).extend(messages)
    return errors


class SubmissionSummarySerializer(serializers.Serializer):
    slug = serializers.SlugField(source="site.slug")
    name = serializers.CharField(source="site.name")
    status = serializers.CharField(source="site.status")
    version = serializers.IntegerField()
    updated_at = serializers.DateTimeField()
    url = serializers.SerializerMethodField()

    def get_url(self, submission) -> str:
        path = reverse("submissions:api-submission-detail", args=[submission.site.slug])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path
