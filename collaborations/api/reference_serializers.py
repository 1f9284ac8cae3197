"""Reference data as the API lists it: slug, name, description, and how many published
sites use each row, plus what each table adds (a practice's ingredient, a theme's strand)."""

from urllib.parse import urlencode

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from collaborations.filters import SiteFilterSet
from collaborations.models import Register, Source

from .fact_serializers import (
    CitationSerializer,
    CouncilSummarySerializer,
    IdentifierSerializer,
    OptionalURLField,
    ReferenceSerializer,
    RegisterSerializer,
)


class DefinitionField(serializers.Field):
    """The document that defines a row, and where in it; null where none is recorded."""

    def to_representation(self, row):
        return CitationSerializer(row).data if row.source_id else None


extend_schema_field(CitationSerializer(allow_null=True))(DefinitionField)


class ReferenceItemSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="Stable identifier, and the value site filters take.")
    name = serializers.CharField()
    description = serializers.CharField()
    note = serializers.CharField(help_text="Caveats, disagreements between sources.")
    site_count = serializers.IntegerField(help_text="Published sites that use this row.")
    sites_url = serializers.SerializerMethodField(
        help_text="The published sites with this value (null where sites cannot be "
        "filtered by this table)."
    )
    definition = DefinitionField(source="*")

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_sites_url(self, row):
        facet = getattr(row, "facet", None)
        if facet not in SiteFilterSet.base_filters:
            return None
        path = f"{reverse('api:site-list')}?{urlencode({facet: row.slug})}"
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class DescribedReferenceSerializer(ReferenceSerializer):
    description = serializers.CharField()


class TypologyPartnerSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="partner_type.slug")
    name = serializers.CharField(source="partner_type.name")
    citation = CitationSerializer(source="*")


class TypologySerializer(ReferenceItemSerializer):
    characteristics = serializers.CharField()
    is_classification = serializers.BooleanField(
        help_text="False for the 'not classified' placeholder."
    )
    governance_mode = DescribedReferenceSerializer(
        allow_null=True, help_text="The academic mode of governing a network it builds on."
    )
    partner_types = TypologyPartnerSerializer(source="partner_facts", many=True)


class SameIdeaSerializer(ReferenceSerializer):
    """A row of another table stating the same idea in another document's words."""

    description = serializers.CharField()
    definition = DefinitionField(source="*")


class DriverSerializer(ReferenceItemSerializer):
    same_justifications = SameIdeaSerializer(
        many=True,
        help_text="Justifications (/api/v1/justifications/) that state the same idea in "
        "another document's words; a submission choosing the driver records them too.",
    )


class JustificationSerializer(ReferenceItemSerializer):
    same_as_driver = SameIdeaSerializer(
        allow_null=True,
        help_text="The driver (/api/v1/drivers/) that states the same idea in another "
        "document's words; null where none does.",
    )


class PracticeSerializer(ReferenceItemSerializer):
    ingredient = ReferenceSerializer()


class IngredientSerializer(ReferenceItemSerializer):
    key_features = serializers.CharField()
    practices = ReferenceSerializer(many=True)


class RegionSerializer(ReferenceItemSerializer):
    nation = serializers.CharField()


class FrameworkStrandSerializer(ReferenceItemSerializer):
    themes = ReferenceSerializer(many=True)


class FrameworkThemeSerializer(ReferenceItemSerializer):
    strand = ReferenceSerializer()


def slug_field():
    return serializers.SlugField()


class OrganisationSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    description = serializers.CharField()
    organisation_type = ReferenceSerializer()
    website = OptionalURLField()
    aliases = serializers.SerializerMethodField(help_text="Other names documents use.")
    identifiers = IdentifierSerializer(
        many=True, help_text="Its identifiers in public registers (charity, company, council)."
    )
    site_count = serializers.IntegerField(help_text="Published sites it takes part in.")
    sites_by_role = serializers.SerializerMethodField(
        help_text="Slugs of the published sites it takes part in, by role slug "
        "(lead, partner, funder, evaluator...)."
    )

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_aliases(self, organisation):
        return [alias.name for alias in organisation.aliases.all()]

    @extend_schema_field(serializers.DictField(child=serializers.ListField(child=slug_field())))
    def get_sites_by_role(self, organisation):
        by_role = {}
        for participation in organisation.published_participations:
            by_role.setdefault(participation.role.slug, []).append(participation.site.slug)
        return by_role


class CouncilSerializer(CouncilSummarySerializer):
    register = serializers.CharField(source="register.code", help_text="GSS: the ONS's codes.")
    url = OptionalURLField(
        source="register_record", help_text="The ONS's record of the council's area."
    )
    lookup = serializers.CharField(help_text="The edition of the lookup it comes from.")
    site_count = serializers.IntegerField(help_text="Published sites naming it as their council.")
    sites_url = serializers.SerializerMethodField(
        help_text="The sites in its area (a county's: those in its districts too)."
    )

    def get_sites_url(self, council) -> str:
        query = urlencode({"council": council.code})
        return self.context["request"].build_absolute_uri(f"{reverse('api:site-list')}?{query}")


class RegisterDetailSerializer(RegisterSerializer):
    record_url = serializers.CharField(
        help_text="The address of one record, {value} standing for the identifier; "
        "empty when the register has none."
    )
    pattern = serializers.CharField(help_text="A regular expression every value matches.")
    example = serializers.CharField(help_text="One value, as the register writes it.")
    kind = serializers.ChoiceField(
        choices=Register.Kind.choices,
        help_text="What its values number: charity and company numbers are what a submitter "
        "may give for their lead organisation; area codes name a council's area.",
    )
    description = serializers.CharField()
    site_count = serializers.IntegerField(
        help_text="Published sites naming an organisation with an identifier from it."
    )


class SourceSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField(source="title", help_text="The title (as `title`).")
    title = serializers.CharField()
    short_title = serializers.CharField(help_text="As inline citations give it.")
    description = serializers.CharField()
    kind = serializers.ChoiceField(choices=Source.Kind.choices)
    author = serializers.CharField()
    publisher = serializers.CharField()
    published_on = serializers.DateField(allow_null=True)
    date_text = serializers.CharField(help_text="The date as the document gives it.")
    url = OptionalURLField()
    site_count = serializers.IntegerField(help_text="Published sites with a fact citing it.")
