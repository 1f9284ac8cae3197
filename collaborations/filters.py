"""The one FilterSet behind the browse page, the API and the CSV download.

Every facet takes slugs; repeat a parameter for several values. Several values of one
facet mean "any of", except where `<facet>_match=all` asks for "all of" (drivers,
partners, practices). An unknown slug is an error that names the allowed values.
"""

from datetime import UTC

import django_filters
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import Q
from django_filters.fields import IsoDateTimeField

from collaborations import search
from collaborations.models import (
    Driver,
    FrameworkTheme,
    FundingType,
    Ingredient,
    InitiatorType,
    Justification,
    LeadershipStyle,
    LocalAuthority,
    OrganisationIdentifier,
    PartnerType,
    Practice,
    Region,
    Register,
    Site,
    SiteDriver,
    SiteFrameworkTheme,
    SiteFunding,
    SiteJustification,
    SiteLeadershipStyle,
    SitePartner,
    SitePractice,
    StudyDepth,
    Typology,
    TypologyCoding,
)

# The register whose codes name council areas.
COUNCIL_REGISTER = "GSS"
MATCH_CHOICES = [("any", "any of the chosen values"), ("all", "all of the chosen values")]
EVIDENCE_CHOICES = [
    ("research-coded", "Research-coded: facts from the source documents"),
    ("self-reported", "Self-reported by a practitioner"),
]


class SlugChoiceField(forms.ModelMultipleChoiceField):
    """A multiple choice of slugs whose error message lists the allowed slugs.

    Empty values are dropped: `?typology=` (an empty select) means no filter, as it does
    for the single-choice parameters.
    """

    def clean(self, value):
        if isinstance(value, list | tuple):
            value = [one for one in value if one not in ("", None)]
        return super().clean(value)

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except forms.ValidationError as error:
            if error.code != "invalid_choice":
                raise
            allowed = ", ".join(self.queryset.values_list("slug", flat=True))
            raise forms.ValidationError(
                "%(value)s is not a known value. Allowed values: %(allowed)s.",
                code="invalid_choice",
                params={"value": error.params["value"], "allowed": allowed},
            ) from error


class SlugFieldFilter(django_filters.ModelMultipleChoiceFilter):
    """Filter sites by the slugs of a foreign key on Site itself (study depth, region)."""

    field_class = SlugChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)

    def get_filter_predicate(self, v):
        # Compare the foreign key with the chosen row, not with its slug (a 500 otherwise).
        return {self.field_name: v}


class SlugFilter(django_filters.ModelMultipleChoiceFilter):
    """Filter sites by reference slugs through a fact table (`site_ids(values)`)."""

    field_class = SlugChoiceField

    def __init__(self, *args, fact_model=None, value_field=None, extra=None, **kwargs):
        self.fact_model, self.value_field = fact_model, value_field
        self.fact_conditions = extra or {}
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)

    def site_ids(self, values):
        facts = self.fact_model.objects.filter(
            **{f"{self.value_field}__in": values}, **self.fact_conditions
        )
        return facts.values("site_id")

    def filter(self, qs, value):
        if not value:
            return qs
        match_all = self.parent is not None and self.parent.match_all(self.field_name)
        if match_all:
            for one in value:
                qs = qs.filter(pk__in=self.site_ids([one]))
            return qs
        return qs.filter(pk__in=self.site_ids(value))


class RepeatedCharField(forms.Field):
    """Several text values of one parameter (`?identifier=a&identifier=b`), each stripped,
    empty ones dropped, at most MAX_REPEATED."""

    widget = forms.MultipleHiddenInput
    MAX_REPEATED = 20

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value]
        values = [str(one).strip() for one in values if one not in ("", None)]
        if len(values) > self.MAX_REPEATED:
            raise forms.ValidationError(
                "Give at most %(max)s values.", code="too_many", params={"max": self.MAX_REPEATED}
            )
        if any(len(one) > 60 for one in values):
            raise forms.ValidationError("A value is longer than 60 characters.", code="max_length")
        for one in values:  # PostgreSQL refuses a NUL in a query's text: a 400, not a 500
            ProhibitNullCharactersValidator()(one)
        return values


def parse_identifier(text: str, registers) -> tuple:
    """(register, value) of `<register code>-<value>`, or a ValidationError naming the
    registers and their form."""
    for register in sorted(registers, key=lambda r: -len(r.code)):
        prefix = f"{register.code}-"
        if text.upper().startswith(prefix.upper()):
            value = text[len(prefix) :].upper()
            if register.matches(value):
                return register, value
            raise forms.ValidationError(
                "%(value)s is not a %(register)s identifier: write it like %(example)s.",
                code="invalid_identifier",
                params={
                    "value": text,
                    "register": register.name,
                    "example": f"{register.code}-{register.example}",
                },
            )
    allowed = ", ".join(f"{r.code}-{r.example}" for r in registers)
    raise forms.ValidationError(
        "%(value)s is not an identifier the catalogue knows. Write <register>-<value>, "
        "for example: %(allowed)s.",
        code="invalid_identifier",
        params={"value": text, "allowed": allowed or "none loaded"},
    )


class IdentifierField(RepeatedCharField):
    """Identifiers as (register, value) pairs, each checked against its register's form."""

    def clean(self, value):
        texts = super().clean(value)
        if not texts:
            return []
        registers = list(Register.objects.all())
        return [parse_identifier(text, registers) for text in texts]


class CouncilField(RepeatedCharField):
    """GSS codes of councils the register lists."""

    def clean(self, value):
        codes = [one.upper() for one in super().clean(value)]
        if not codes:
            return []
        known = set(LocalAuthority.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise forms.ValidationError(
                "%(value)s is not the code of a council in the register (e.g. E08000004).",
                code="invalid_choice",
                params={"value": unknown[0]},
            )
        return codes


class IdentifierFilter(django_filters.Filter):
    """Sites naming an organisation with one of these register identifiers; a council's
    GSS code also finds the sites in its area (a county's, those in its districts)."""

    field_class = IdentifierField
    # The OpenAPI schema's items (the registers' own forms are added from the database).
    openapi_items = {"type": "string", "maxLength": 60}

    def filter(self, qs, value):
        if not value:
            return qs
        by_identifier = Q()
        for register, one in value:
            by_identifier |= Q(register=register, value=one)
        named = OrganisationIdentifier.objects.filter(by_identifier).values("organisation_id")
        match = Q(participations__organisation__in=named)
        areas = [one for register, one in value if register.code == COUNCIL_REGISTER]
        if areas:
            match |= Q(council__in=LocalAuthority.objects.in_area_of(areas))
        return qs.filter(pk__in=Site.objects.filter(match).values("pk"))


class CouncilFilter(django_filters.Filter):
    """Sites in the area of these councils, by GSS code (a county's code takes in its
    districts)."""

    field_class = CouncilField
    openapi_items = {"type": "string", "pattern": "^[EWSN][0-9]{8}$"}

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(council__in=LocalAuthority.objects.in_area_of(value))


class StorableDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time the database can hold: one that converts to UTC."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is not None:
            try:
                value.astimezone(UTC)
            except OverflowError:  # 9999-12-31T23:59-23:59: the query would fail with a 500
                raise forms.ValidationError(
                    "%(value)s is out of range.",
                    code="out_of_range",
                    params={"value": value.isoformat()},
                ) from None
        return value


class StorableDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = StorableDateTimeField


class SiteFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_text",
        label="Search",
        help_text='Words in names, aliases, organisations, summaries and facts; "a phrase", '
        "-excluded, or.",
    )
    typology = SlugFilter(
        queryset=Typology.objects.all(),
        fact_model=TypologyCoding,
        value_field="typology",
        extra={"rank": "preferred"},
        label="Type of collaboration",
    )
    funding = SlugFilter(
        queryset=FundingType.objects.all(),
        fact_model=SiteFunding,
        value_field="funding_type",
        label="Funding",
    )
    driver = SlugFilter(
        queryset=Driver.objects.all(),
        fact_model=SiteDriver,
        value_field="driver",
        label="Driver",
    )
    driver_match = django_filters.ChoiceFilter(
        choices=MATCH_CHOICES, method="filter_nothing", empty_label=None, label="Drivers match"
    )
    justification = SlugFilter(
        queryset=Justification.objects.all(),
        fact_model=SiteJustification,
        value_field="justification",
        label="Justification",
    )
    partner = SlugFilter(
        queryset=PartnerType.objects.all(),
        fact_model=SitePartner,
        value_field="partner_type",
        label="Partner type",
    )
    partner_match = django_filters.ChoiceFilter(
        choices=MATCH_CHOICES, method="filter_nothing", empty_label=None, label="Partners match"
    )
    practice = SlugFilter(
        queryset=Practice.objects.all(),
        fact_model=SitePractice,
        value_field="practice",
        label="Practice",
    )
    practice_match = django_filters.ChoiceFilter(
        choices=MATCH_CHOICES, method="filter_nothing", empty_label=None, label="Practices match"
    )
    ingredient = SlugFilter(
        queryset=Ingredient.objects.all(),
        fact_model=SitePractice,
        value_field="practice__ingredient",
        label="Ingredient",
    )
    leadership = SlugFilter(
        queryset=LeadershipStyle.objects.all(),
        fact_model=SiteLeadershipStyle,
        value_field="leadership_style",
        label="Leadership style",
    )
    theme = SlugFilter(
        queryset=FrameworkTheme.objects.all(),
        fact_model=SiteFrameworkTheme,
        value_field="theme",
        label="Framework theme",
    )
    depth = SlugFieldFilter(
        field_name="study_depth", queryset=StudyDepth.objects.all(), label="Study depth"
    )
    region = SlugFieldFilter(
        field_name="region", queryset=Region.objects.all(), label="Nation or region"
    )
    initiated_by = SlugFieldFilter(
        field_name="initiated_by", queryset=InitiatorType.objects.all(), label="Initiated by"
    )
    place = django_filters.CharFilter(
        field_name="locality",
        lookup_expr="iexact",
        max_length=200,
        label="Place",
        help_text="The town, city or area a site names as its place (any case).",
    )
    council = CouncilFilter(
        label="Council area",
        help_text="The ONS (GSS) code of a council in England or Wales, e.g. E08000004, as "
        "listed by `/api/v1/councils/`; a county's code takes in its districts. Repeat for "
        "several.",
    )
    identifier = IdentifierFilter(
        label="Organisation identifier",
        help_text="An identifier from a public register listed by `/api/v1/registers/`, as "
        "<register>-<value>: GB-CHC-… (charity), GB-SC-…, GB-NIC-…, GB-COH-… (company) or "
        "GSS-… (a council: its own sites and those in its area). Repeat for several.",
    )
    kind = django_filters.MultipleChoiceFilter(choices=Site.Kind.choices, label="Kind")
    evidence = django_filters.ChoiceFilter(
        choices=EVIDENCE_CHOICES, method="filter_evidence", label="Evidence"
    )
    min_facts_with_reference = django_filters.NumberFilter(
        field_name="referenced_fact_count",
        lookup_expr="gte",
        min_value=0,
        max_value=100000,
        label="Facts with a reference, at least",
    )
    updated_since = StorableDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        method="filter_updated_since",
        label="Updated since (ISO date)",
    )
    ordering = django_filters.OrderingFilter(
        fields=(
            ("name", "name"),
            ("updated_at", "updated"),
            ("fact_count", "facts_stated"),
            ("referenced_fact_count", "facts_with_reference"),
            ("start_year", "start_year"),
        ),
        label="Sort by",
    )

    class Meta:
        model = Site
        fields = []

    # Facets whose "all of" switch exists, and the parameter that holds it.
    MATCH_PARAMS = {
        "driver": "driver_match",
        "partner": "partner_match",
        "practice": "practice_match",
    }

    def match_all(self, facet):
        param = self.MATCH_PARAMS.get(facet)
        return bool(param) and self.form.cleaned_data.get(param) == "all"

    def filter_nothing(self, queryset, name, value):
        return queryset  # read by match_all(); it does not filter by itself

    def filter_text(self, queryset, name, value):
        return search.matching(queryset, value)

    def filter_queryset(self, queryset):
        """A search without a chosen order lists the best matches first."""
        queryset = super().filter_queryset(queryset)
        q = self.form.cleaned_data.get("q")
        if q and not self.form.cleaned_data.get("ordering"):
            queryset = search.ranked(queryset, q)
        return queryset

    def filter_evidence(self, queryset, name, value):
        if value == "self-reported":
            return queryset.self_reported()
        return queryset.research_coded()

    def filter_updated_since(self, queryset, name, value):
        return queryset.filter(updated_at__gte=value)


def add_filters(filters: dict, *, after: str) -> None:
    """Facets other apps add to the one FilterSet (see collaborations.extensions), placed
    after the filter named `after` so that pages and the API list them in reading order."""
    for name, added in filters.items():
        if getattr(added, "field_name", None) is None:
            added.field_name = name
    merged = {}
    for name, existing in SiteFilterSet.base_filters.items():
        merged[name] = existing
        if name == after:
            merged.update(filters)
    merged.update({name: f for name, f in filters.items() if name not in merged})
    SiteFilterSet.base_filters = merged
