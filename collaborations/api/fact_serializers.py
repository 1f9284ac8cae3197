"""Serializers for a site's statements: each fact with its rank, provenance, status,
citation and the verbatim passages that support it.

A fact that points at a reference row shows that row's slug and name at its top level
(`{"slug": "grant-funding", "name": "Grant funding", "rank": "normal", ...}`).
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from collaborations.models import LocalAuthority, OrganisationIdentifier, Provenance, Rank, Status


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class OptionalURLField(serializers.Field):
    """A URL, or null where the record has none (the database stores a blank)."""

    def to_representation(self, value):
        return value or None


class ReferenceSerializer(serializers.Serializer):
    """A row of reference data, as it appears inside other objects."""

    slug = serializers.SlugField(help_text="Stable identifier; the filter value.")
    name = serializers.CharField()


class SourceSummarySerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="Listed by /api/v1/sources/.")
    title = serializers.CharField()
    short_title = serializers.CharField()
    url = OptionalURLField(help_text="Where the document can be read, if it gives an address.")


class CitationSerializer(serializers.Serializer):
    """Which source states a fact, and where in it."""

    source = SourceSummarySerializer()
    locator = serializers.CharField(help_text="Section, slide or table heading in the source.")


class PassageReferenceSerializer(serializers.Serializer):
    """A passage supporting a statement: the source's exact words and where they are."""

    source = SourceSummarySerializer(source="passage.source")
    locator = serializers.CharField(source="passage.locator")
    excerpt = serializers.CharField(source="passage.excerpt", help_text="Verbatim.")
    passage = serializers.SlugField(
        source="passage.slug", help_text="Its anchor on the source's page."
    )


class ReferencesField(serializers.ListSerializer):
    """A statement's references, read from its site's prefetched references."""

    def get_attribute(self, statement):
        site = getattr(statement, "site", None)
        return site.references_of(statement) if site is not None else []


STATEMENT_FIELDS = ("rank", "rank_reason", "provenance", "status", "citation", "references", "note")


class CitedFactSerializer(serializers.Serializer):
    """A statement: the value (declared by subclasses), then how far to trust it."""

    rank = serializers.ChoiceField(
        choices=Rank.choices,
        help_text="Preferred, normal or deprecated, as Wikidata ranks competing statements.",
    )
    rank_reason = serializers.CharField(help_text="Why preferred or deprecated.")
    provenance = serializers.ChoiceField(
        choices=Provenance.choices,
        help_text="Stated in a document, inferred from one by the catalogue, self-reported "
        "by the collaboration, or coded by a moderator.",
    )
    status = serializers.SerializerMethodField(
        help_text="Disputed where sources disagree about the fact."
    )
    citation = CitationSerializer(source="*")
    references = ReferencesField(child=PassageReferenceSerializer())
    note = serializers.CharField(help_text="Caveats, disagreements between sources.")

    @extend_schema_field(serializers.ChoiceField(choices=Status.choices))
    def get_status(self, statement) -> str:
        return getattr(statement, "shown_status", statement.status)

    def get_fields(self):
        """The fact first, then where it comes from."""
        fields = super().get_fields()
        for name in STATEMENT_FIELDS:
            fields[name] = fields.pop(name)
        return fields


class AliasSerializer(CitedFactSerializer):
    name = serializers.CharField()


class GovernanceModeSerializer(ReferenceSerializer):
    pass


class TypologyCodingSerializer(CitedFactSerializer):
    slug = serializers.SlugField(source="typology.slug", help_text="Listed by /api/v1/typologies/.")
    name = serializers.CharField(source="typology.name")
    is_classification = serializers.BooleanField(
        source="typology.is_classification",
        help_text="False for the 'not classified' placeholder.",
    )
    governance_mode = GovernanceModeSerializer(source="typology.governance_mode", allow_null=True)
    is_current = serializers.BooleanField(
        source="is_preferred",
        help_text="The coding the catalogue files the site under (its rank is preferred).",
    )


def reference_fact_serializer(class_name: str, attribute: str, endpoint: str, **extra_fields):
    """A cited fact pointing at one reference row, e.g. a site's funding type."""
    fields = {
        "slug": serializers.SlugField(
            source=f"{attribute}.slug", help_text=f"Listed by /api/v1/{endpoint}/."
        ),
        "name": serializers.CharField(source=f"{attribute}.name"),
        **extra_fields,
    }
    return type(class_name, (CitedFactSerializer,), fields)


FundingFactSerializer = reference_fact_serializer(
    "FundingFactSerializer", "funding_type", "funding-types"
)
DriverFactSerializer = reference_fact_serializer("DriverFactSerializer", "driver", "drivers")
JustificationFactSerializer = reference_fact_serializer(
    "JustificationFactSerializer", "justification", "justifications"
)
PartnerFactSerializer = reference_fact_serializer(
    "PartnerFactSerializer", "partner_type", "partner-types"
)
PracticeFactSerializer = reference_fact_serializer(
    "PracticeFactSerializer",
    "practice",
    "practices",
    ingredient=ReferenceSerializer(source="practice.ingredient"),
    detail=serializers.CharField(help_text="How the site puts the practice to work."),
)
LeadershipFactSerializer = reference_fact_serializer(
    "LeadershipFactSerializer", "leadership_style", "leadership-styles"
)
ThemeFactSerializer = reference_fact_serializer(
    "ThemeFactSerializer",
    "theme",
    "framework-themes",
    strand=ReferenceSerializer(source="theme.strand"),
)
AccountabilityApproachFactSerializer = reference_fact_serializer(
    "AccountabilityApproachFactSerializer", "approach", "accountability-approaches"
)
MeasurementCodingSerializer = reference_fact_serializer(
    "MeasurementCodingSerializer",
    "approach",
    "measurement-approaches",
    is_current=serializers.BooleanField(
        source="is_preferred", help_text="The coding the catalogue uses (rank preferred)."
    ),
)
AccountabilityLineSerializer = reference_fact_serializer(
    "AccountabilityLineSerializer",
    "line_type",
    "accountability-line-types",
    detail=serializers.CharField(help_text="Reporting detail, where known."),
)


class RegisterSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text="The org-id.guide list code (GB-CHC, GB-COH...), or GSS for ONS area codes."
    )
    name = serializers.CharField()
    publisher = serializers.CharField()
    url = serializers.URLField(help_text="Where the register can be searched.")
    is_org_id_list = serializers.BooleanField(
        help_text="Listed by org-id.guide: identifiers in it are org-ids."
    )


class IdentifierSerializer(serializers.Serializer):
    identifier = serializers.CharField(
        help_text="`<register code>-<value>`, e.g. GB-CHC-1123456 or GSS-E08000004; "
        "the value of the `identifier` filter."
    )
    register = RegisterSerializer()
    value = serializers.CharField(help_text="As the register writes it.")
    url = OptionalURLField(help_text="The register's record, where it has one.")
    origin = serializers.ChoiceField(
        choices=OrganisationIdentifier.Origin.choices,
        help_text="How the catalogue came by it: register-match, document, submitter, moderator.",
    )


class OrganisationSummarySerializer(ReferenceSerializer):
    slug = serializers.SlugField(help_text="Listed by /api/v1/organisations/.")
    organisation_type = ReferenceSerializer()
    identifiers = IdentifierSerializer(
        many=True, help_text="Its identifiers in public registers (charity, company, council)."
    )


class CouncilSummarySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="The ONS's GSS code; the value of `council`.")
    identifier = serializers.CharField(help_text="As the `identifier` filter takes it.")
    name = serializers.CharField()
    tier = serializers.ChoiceField(choices=LocalAuthority.Tier.choices)
    upper_tier = serializers.SerializerMethodField(
        help_text="For a district, the county council of its area."
    )

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
            "required": ["code", "name"],
        }
    )
    def get_upper_tier(self, council):
        upper = council.upper_tier
        return {"code": upper.code, "name": upper.name} if upper else None


class ParticipationSerializer(CitedFactSerializer):
    organisation = OrganisationSummarySerializer()
    role = ReferenceSerializer(help_text="Lead, partner, funder, evaluator...")


class IndicatorSerializer(CitedFactSerializer):
    name = serializers.CharField()
    description = serializers.CharField()


class QuoteSerializer(CitedFactSerializer):
    text = serializers.CharField()
    speaker = serializers.CharField(help_text="Empty when the source names nobody.")
    speaker_role = serializers.CharField()
    organisation = ReferenceSerializer(allow_null=True)
    topic = serializers.CharField(help_text="What the quote illustrates.")


class FieldStatementSerializer(CitedFactSerializer):
    """A source's statement of a single-valued field (scope, place...)."""

    field = serializers.CharField()
    value = serializers.CharField(help_text="As the source states it; reference values by slug.")


class FieldCitationSerializer(CitationSerializer):
    note = serializers.CharField()
    provenance = serializers.ChoiceField(choices=Provenance.choices)


@extend_schema_field(serializers.DictField(child=FieldCitationSerializer()))
class FieldCitationsField(serializers.Field):
    """The citation of the value each single-valued field shows, keyed by field name (the
    preferred statement, else the first)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.citation = FieldCitationSerializer()

    def to_representation(self, value):
        shown = {}
        for statement in value.all():
            if statement.rank == Rank.DEPRECATED:
                continue
            if statement.field not in shown or statement.rank == Rank.PREFERRED:
                shown[statement.field] = statement
        return {field: self.citation.to_representation(s) for field, s in shown.items()}
