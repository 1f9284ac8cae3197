"""The researcher's admin: every model, with a site's facts and citations as inlines.

accountability/admin.py builds on the base classes here and adds its fact inlines with
add_site_inlines(): accountability depends on this app, never the reverse.
"""

from django import forms
from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from collaborations import models as col
from collaborations.changelog.admin import withdraw_from_catalogue
from collaborations.derived import COUNT_FIELDS, refresh_site_derived
from collaborations.submissions.revisions import site_public_revision_sync

COMPACT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})}}
# What every statement carries beside its value.
STATEMENT_FIELDS = ["rank", "rank_reason", "provenance", "status", "source", "locator", "note"]


class ReferenceInline(GenericTabularInline):
    """The passages supporting a statement or a reference row."""

    model = col.Reference
    extra = 0
    fields = ["passage", "position"]
    raw_id_fields = ["passage"]


class ReferenceItemAdmin(admin.ModelAdmin):
    """Reference rows: the vocabulary a researcher can extend without a deploy."""

    list_display = ["name", "slug", "position", "source", "locator"]
    list_editable = ["position"]
    list_filter = ["source"]
    list_select_related = ["source"]
    search_fields = ["name", "slug", "description", "note"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["source"]


class FactInline(admin.TabularInline):
    """A cited fact on a site: its value, then which source says it and where."""

    extra = 0
    autocomplete_fields = ["source"]
    formfield_overrides = COMPACT_TEXT
    value_fields: list[str] = []

    def get_fields(self, request, obj=None):
        return [*self.value_fields, *STATEMENT_FIELDS]


class FactAdmin(admin.ModelAdmin):
    """The changelist of one kind of fact across all sites; a statement's page edits its
    references."""

    value_fields: list[str] = []
    inlines = [ReferenceInline]
    list_select_related = ["site", "source"]
    search_fields = ["site__name", "locator", "note"]
    autocomplete_fields = ["site", "source"]
    formfield_overrides = COMPACT_TEXT

    def get_list_display(self, request):
        return ["site", *self.value_fields, "rank", "provenance", "status", "source"]

    def get_list_filter(self, request):
        return self.list_filter or ["source", "rank", "provenance", "status", *self.value_fields]


def fact_admin(model, value_fields, **options):
    """Register a FactAdmin for model, listing and filtering by value_fields."""
    attrs = {"value_fields": value_fields, **options}
    admin.site.register(model, type(f"{model.__name__}Admin", (FactAdmin,), attrs))


def fact_inline(model, value_fields, **options):
    """A FactInline class for model showing value_fields."""
    attrs = {"model": model, "value_fields": value_fields, **options}
    return type(f"{model.__name__}Inline", (FactInline,), attrs)


FieldStatementInline = fact_inline(
    col.FieldStatement,
    ["field", "value"],
    verbose_name="field statement",
    verbose_name_plural="statements of single-valued fields",
)
SiteAliasInline = fact_inline(col.SiteAlias, ["name"], verbose_name_plural="other names")
SiteOrganisationInline = fact_inline(
    col.SiteOrganisation,
    ["organisation", "role"],
    autocomplete_fields=["organisation", "source"],
    verbose_name="organisation",
    verbose_name_plural="organisations taking part",
)
TypologyCodingInline = fact_inline(
    col.TypologyCoding,
    ["typology", "coded_by"],
    raw_id_fields=["coded_by"],
    verbose_name_plural="typology codings (one preferred)",
)
SiteFundingInline = fact_inline(
    col.SiteFunding, ["funding_type"], verbose_name="funding", verbose_name_plural="funding"
)
SitePartnerInline = fact_inline(
    col.SitePartner, ["partner_type"], verbose_name="partner type", verbose_name_plural="partners"
)
SiteDriverInline = fact_inline(col.SiteDriver, ["driver"], verbose_name="driver")
SiteJustificationInline = fact_inline(
    col.SiteJustification, ["justification"], verbose_name="justification"
)
SitePracticeInline = fact_inline(col.SitePractice, ["practice", "detail"], verbose_name="practice")
SiteLeadershipStyleInline = fact_inline(
    col.SiteLeadershipStyle, ["leadership_style"], verbose_name="leadership style"
)
SiteFrameworkThemeInline = fact_inline(
    col.SiteFrameworkTheme, ["theme"], verbose_name="framework theme"
)
QuoteInline = fact_inline(
    col.Quote,
    ["text", "speaker", "speaker_role", "organisation", "topic"],
    autocomplete_fields=["organisation", "source"],
)


# Inlines other apps add to the Site admin (add_site_inlines), so this app imports none.
EXTRA_SITE_INLINES: list = []


def add_site_inlines(*inlines) -> None:
    EXTRA_SITE_INLINES.extend(inlines)


@admin.register(col.Site)
class SiteAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "kind",
        "status",
        "study_depth",
        "region",
        "fact_count",
        "referenced_fact_count",
        "updated_at",
    ]
    list_filter = ["kind", "status", "study_depth", "typology_codings__typology", "region"]
    list_select_related = ["study_depth", "region"]
    search_fields = ["name", "slug", "aliases__name", "summary", "locality"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["owner"]
    readonly_fields = [*COUNT_FIELDS, "created_at", "updated_at"]
    date_hierarchy = "updated_at"
    actions = [withdraw_from_catalogue]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "status", "owner"]}),
        ("Place", {"fields": ["locality", "local_authority", "region"]}),
        (
            "The collaboration",
            {
                "fields": [
                    "summary",
                    "scope",
                    "initiated_by",
                    "study_depth",
                    "permanence",
                    "start_year",
                    "website",
                ]
            },
        ),
        ("Record", {"fields": [*COUNT_FIELDS, "published_at", "created_at", "updated_at"]}),
    ]
    inlines = [
        FieldStatementInline,
        SiteAliasInline,
        SiteOrganisationInline,
        TypologyCodingInline,
        SiteFundingInline,
        SitePartnerInline,
        SiteDriverInline,
        SiteJustificationInline,
        SitePracticeInline,
        SiteLeadershipStyleInline,
        SiteFrameworkThemeInline,
        QuoteInline,
    ]

    def get_inlines(self, request, obj):
        return [*self.inlines, *EXTRA_SITE_INLINES]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_site_derived(form.instance)
        # Edits here skip moderation: the public change log still records them.
        site_public_revision_sync(
            site=form.instance, note="Corrected by the catalogue's editors", author=request.user
        )


fact_admin(col.FieldStatement, ["field"])
fact_admin(col.SiteAlias, ["name"], list_filter=["source"])
fact_admin(col.TypologyCoding, ["typology", "rank"], raw_id_fields=["coded_by"])
fact_admin(col.SiteFunding, ["funding_type"])
fact_admin(col.SitePartner, ["partner_type"])
fact_admin(col.SiteDriver, ["driver"])
fact_admin(col.SiteJustification, ["justification"])
fact_admin(col.SitePractice, ["practice"])
fact_admin(col.SiteLeadershipStyle, ["leadership_style"])
fact_admin(col.SiteFrameworkTheme, ["theme"])
fact_admin(
    col.SiteOrganisation,
    ["organisation", "role"],
    autocomplete_fields=["site", "organisation", "source"],
    list_filter=["role", "source"],
)


@admin.register(col.Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "speaker", "organisation", "site", "source", "locator"]
    list_filter = ["source"]
    list_select_related = ["site", "organisation", "source"]
    search_fields = ["text", "speaker", "speaker_role", "topic"]
    autocomplete_fields = ["site", "organisation", "source"]


@admin.register(col.Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["short_title", "kind", "author", "publisher", "date_text", "seed_file"]
    list_filter = ["kind"]
    search_fields = ["title", "short_title", "slug", "author", "publisher"]
    prepopulated_fields = {"slug": ["short_title"]}


class OrganisationAliasInline(admin.TabularInline):
    model = col.OrganisationAlias
    extra = 0
    verbose_name_plural = "other names"


class OrganisationParticipationInline(FactInline):
    model = col.SiteOrganisation
    fk_name = "organisation"
    value_fields = ["site", "role"]
    autocomplete_fields = ["site", "source"]
    verbose_name = "site"
    verbose_name_plural = "sites it takes part in"


class OrganisationIdentifierInline(admin.TabularInline):
    model = col.OrganisationIdentifier
    extra = 0
    autocomplete_fields = ["register"]


@admin.register(col.Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation_type", "website"]
    list_filter = ["organisation_type"]
    list_select_related = ["organisation_type"]
    search_fields = ["name", "slug", "aliases__name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [
        OrganisationAliasInline,
        OrganisationIdentifierInline,
        OrganisationParticipationInline,
    ]


@admin.register(col.Register)
class RegisterAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "publisher", "is_org_id_list"]
    search_fields = ["code", "name"]


@admin.register(col.LocalAuthority)
class LocalAuthorityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "tier", "upper_tier"]
    list_filter = ["tier"]
    list_select_related = ["upper_tier"]
    search_fields = ["name", "code"]


@admin.register(col.OrganisationIdentifier)
class OrganisationIdentifierAdmin(admin.ModelAdmin):
    list_display = ["organisation", "register", "value", "origin"]
    list_filter = ["register", "origin"]
    list_select_related = ["organisation", "register"]
    search_fields = ["organisation__name", "value"]
    autocomplete_fields = ["organisation", "register"]


@admin.register(col.OrganisationAlias)
class OrganisationAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation"]
    list_select_related = ["organisation"]
    search_fields = ["name", "organisation__name"]
    autocomplete_fields = ["organisation"]


class TypologyPartnerInline(admin.TabularInline):
    model = col.TypologyPartner
    extra = 0
    autocomplete_fields = ["source"]
    verbose_name_plural = "partners (seed 003)"


@admin.register(col.Typology)
class TypologyAdmin(ReferenceItemAdmin):
    list_display = ["name", "slug", "is_classification", "governance_mode", "position"]
    list_filter = ["is_classification", "governance_mode"]
    inlines = [TypologyPartnerInline]


@admin.register(col.TypologyPartner)
class TypologyPartnerAdmin(admin.ModelAdmin):
    list_display = ["typology", "partner_type", "position", "source", "locator"]
    list_filter = ["typology", "partner_type"]
    list_select_related = ["typology", "partner_type", "source"]
    search_fields = ["typology__name", "partner_type__name"]
    autocomplete_fields = ["source"]


class PracticeInline(admin.TabularInline):
    model = col.Practice
    extra = 0
    fields = ["name", "slug", "position", "source", "locator"]
    autocomplete_fields = ["source"]


@admin.register(col.Ingredient)
class IngredientAdmin(ReferenceItemAdmin):
    inlines = [PracticeInline]


@admin.register(col.Practice)
class PracticeAdmin(ReferenceItemAdmin):
    list_display = ["name", "ingredient", "slug", "position", "source"]
    list_filter = ["ingredient", "source"]
    list_select_related = ["ingredient", "source"]


@admin.register(col.Region)
class RegionAdmin(ReferenceItemAdmin):
    list_display = ["name", "nation", "slug", "position"]
    list_filter = ["nation"]


class FrameworkThemeInline(admin.TabularInline):
    model = col.FrameworkTheme
    extra = 0
    fields = ["name", "slug", "position", "locator"]


@admin.register(col.FrameworkStrand)
class FrameworkStrandAdmin(ReferenceItemAdmin):
    inlines = [FrameworkThemeInline]


@admin.register(col.FrameworkTheme)
class FrameworkThemeAdmin(ReferenceItemAdmin):
    list_display = ["name", "strand", "slug", "position", "locator"]
    list_filter = ["strand"]
    list_select_related = ["strand", "source"]


for reference_model in (
    col.GovernanceMode,
    col.PartnerType,
    col.FundingType,
    col.Driver,
    col.Justification,
    col.LeadershipStyle,
    col.StudyDepth,
    col.InitiatorType,
    col.OrganisationType,
    col.OrganisationRole,
):
    admin.site.register(reference_model, ReferenceItemAdmin)


# Submissions and moderation (the practitioner flow's records).
@admin.register(col.Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["site", "contact_email", "version", "submitted_at", "updated_at"]
    list_select_related = ["site"]
    search_fields = ["site__name", "contact_name", "contact_email"]
    autocomplete_fields = ["site", "source"]


@admin.register(col.SubmissionAccessKey)
class SubmissionAccessKeyAdmin(admin.ModelAdmin):
    list_display = ["submission", "created_at", "last_used_at"]
    list_select_related = ["submission__site"]
    search_fields = ["submission__site__name"]
    raw_id_fields = ["submission"]
    readonly_fields = ["token_hash"]


@admin.register(col.SiteRevision)
class SiteRevisionAdmin(admin.ModelAdmin):
    list_display = ["site", "number", "status", "is_public", "created_at"]
    list_filter = ["status", "is_public"]
    list_select_related = ["site"]
    search_fields = ["site__name", "note"]
    autocomplete_fields = ["site", "evidence"]
    raw_id_fields = ["author"]


@admin.register(col.ChangeProposal)
class ChangeProposalAdmin(admin.ModelAdmin):
    list_display = ["site", "organisation_name", "status", "is_dispute", "created_at"]
    list_filter = ["status", "is_dispute"]
    list_select_related = ["site"]
    search_fields = ["site__name", "organisation_name", "explanation"]
    autocomplete_fields = ["site", "source"]
    raw_id_fields = ["proposer"]


@admin.register(col.ModerationDecision)
class ModerationDecisionAdmin(admin.ModelAdmin):
    list_display = ["site", "action", "moderator", "created_at"]
    list_filter = ["action"]
    list_select_related = ["site", "moderator"]
    search_fields = ["site__name", "message"]
    autocomplete_fields = ["site"]
    raw_id_fields = ["moderator", "proposal", "revision"]


@admin.register(col.ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Revoke a key (delete it); keys are made by their owner, on their account page."""

    list_display = ["prefix", "user", "created_at"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email", "prefix"]
    readonly_fields = ["prefix", "user", "created_at"]
    exclude = ["digest"]


@admin.register(col.SiteDocument)
class SiteDocumentAdmin(admin.ModelAdmin):
    """The API's stored JSON of each site: rebuilt by itself, so read-only (deleting rows is
    safe: they are built again when next asked for)."""

    list_display = ["site", "version"]
    list_select_related = ["site"]
    search_fields = ["site__name", "site__slug"]
    readonly_fields = ["site", "version", "body"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(col.Passage)
class PassageAdmin(admin.ModelAdmin):
    list_display = ["slug", "source", "locator", "position"]
    list_filter = ["source"]
    list_select_related = ["source"]
    search_fields = ["slug", "locator", "excerpt"]
    autocomplete_fields = ["source"]


@admin.register(col.Reference)
class ReferenceAdmin(admin.ModelAdmin):
    list_display = ["passage", "content_type", "object_id", "site"]
    list_filter = ["content_type"]
    list_select_related = ["passage__source", "content_type", "site"]
    raw_id_fields = ["passage", "site"]


@admin.register(col.Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "topic", "position", "source"]
    list_filter = ["topic", "source"]
    list_select_related = ["topic", "source"]
    search_fields = ["title", "text"]
    inlines = [ReferenceInline]


admin.site.register(col.Topic, ReferenceItemAdmin)
