"""A site as the API shows it: every fact of the case page, each with its citation.

Reads only what SiteQuerySet.for_detail() prefetches, so a page of sites costs the same
handful of queries whatever its size. Never shows the owner, the workflow status or
anything else private: fields are listed one by one.
"""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from collaborations.evidence import annotate_status
from collaborations.filters import EVIDENCE_CHOICES
from collaborations.models import Site

from .fact_serializers import (
    AccountabilityApproachFactSerializer,
    AccountabilityLineSerializer,
    AliasSerializer,
    CouncilSummarySerializer,
    DriverFactSerializer,
    FieldCitationsField,
    FieldStatementSerializer,
    FundingFactSerializer,
    IndicatorSerializer,
    JustificationFactSerializer,
    LeadershipFactSerializer,
    MeasurementCodingSerializer,
    OptionalURLField,
    OrganisationSummarySerializer,
    ParticipationSerializer,
    PartnerFactSerializer,
    PracticeFactSerializer,
    QuoteSerializer,
    ReferenceSerializer,
    ThemeFactSerializer,
    TypologyCodingSerializer,
)

LEAD_ROLE = "lead"


class RegionSummarySerializer(ReferenceSerializer):
    nation = serializers.CharField()


class LeadOrganisationSerializer(OrganisationSummarySerializer):
    """The organisation in the lead role, if the sources name one."""

    def get_attribute(self, site):
        for participation in site.participations.all():
            if participation.role.slug == LEAD_ROLE:
                return participation.organisation
        return None


class CurrentTypologySerializer(TypologyCodingSerializer):
    """The current typology coding: the type the catalogue places the site in."""

    def get_attribute(self, site):
        return _current(site.typology_codings.all())


class CurrentMeasurementSerializer(MeasurementCodingSerializer):
    def get_attribute(self, site):
        return _current(site.measurement_codings.all())


class SiteSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="This site in the API.")
    html_url = serializers.SerializerMethodField(help_text="The site's case page.")
    kind = serializers.ChoiceField(choices=Site.Kind.choices)
    evidence = serializers.SerializerMethodField(
        help_text="Research-coded (facts from the source documents) or self-reported."
    )
    facts_stated = serializers.IntegerField(
        source="fact_count", min_value=0, help_text="Facts stated (statements not deprecated)."
    )
    facts_with_reference = serializers.IntegerField(
        source="referenced_fact_count",
        min_value=0,
        help_text="Stated facts backed by at least one passage a reader can check.",
    )
    facts_research_coded = serializers.IntegerField(
        source="research_fact_count",
        min_value=0,
        help_text="Stated facts coded from the documents or by a moderator.",
    )
    facts_self_reported = serializers.IntegerField(
        source="self_reported_fact_count",
        min_value=0,
        help_text="Stated facts self-reported by the collaboration.",
    )
    summary = serializers.CharField()
    scope = serializers.CharField(help_text="Scope of collaborative working.")
    locality = serializers.CharField()
    region = RegionSummarySerializer(allow_null=True)
    local_authority = serializers.CharField(help_text="The local authority, as named.")
    council = CouncilSummarySerializer(
        allow_null=True,
        help_text="The council the register lists under that name (England and Wales).",
    )
    initiated_by = ReferenceSerializer(allow_null=True)
    study_depth = ReferenceSerializer(allow_null=True)
    permanence = serializers.SerializerMethodField()
    start_year = serializers.IntegerField(allow_null=True)
    website = OptionalURLField()
    lead_organisation = LeadOrganisationSerializer(source="*", allow_null=True)
    typology = CurrentTypologySerializer(source="*", allow_null=True)
    typology_codings = TypologyCodingSerializer(many=True)
    aliases = AliasSerializer(many=True)
    funding_types = FundingFactSerializer(source="funding_facts", many=True)
    drivers = DriverFactSerializer(source="driver_facts", many=True)
    justifications = JustificationFactSerializer(source="justification_facts", many=True)
    partner_types = PartnerFactSerializer(source="partner_facts", many=True)
    practices = PracticeFactSerializer(source="practice_facts", many=True)
    leadership_styles = LeadershipFactSerializer(source="leadership_facts", many=True)
    framework_themes = ThemeFactSerializer(source="theme_facts", many=True)
    organisations = ParticipationSerializer(source="participations", many=True)
    accountability_approaches = AccountabilityApproachFactSerializer(
        source="approach_facts", many=True
    )
    measurement_approach = CurrentMeasurementSerializer(source="*", allow_null=True)
    measurement_codings = MeasurementCodingSerializer(many=True)
    accountability_lines = AccountabilityLineSerializer(many=True)
    indicators = IndicatorSerializer(many=True)
    quotes = QuoteSerializer(many=True)
    field_citations = FieldCitationsField(source="field_statements")
    field_statements = FieldStatementSerializer(
        many=True, help_text="Every source's statement of each single-valued field."
    )
    disputed_facts = serializers.ListField(
        child=serializers.CharField(), help_text="The facts on which sources disagree."
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    published_at = serializers.DateTimeField(allow_null=True)

    def to_representation(self, site):
        annotate_status(site)
        return super().to_representation(site)

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, site) -> str:
        return self._absolute(reverse("api:site-detail", args=[site.slug]))

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_html_url(self, site) -> str:
        return self._absolute(site.get_absolute_url())

    def _absolute(self, path):
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    @extend_schema_field(serializers.ChoiceField(choices=EVIDENCE_CHOICES))
    def get_evidence(self, site) -> str:
        return "self-reported" if site.is_self_reported else "research-coded"

    @extend_schema_field(serializers.ChoiceField(choices=Site.Permanence.choices, allow_null=True))
    def get_permanence(self, site):
        return site.permanence or None


def _current(codings):
    return next((coding for coding in codings if coding.is_preferred), None)
