"""Admin for accountability and measurement; its fact inlines join the Site admin's."""

from django.contrib import admin

from accountability import models as acc
from collaborations.admin import ReferenceItemAdmin, add_site_inlines, fact_admin, fact_inline

add_site_inlines(
    fact_inline(
        acc.SiteAccountabilityApproach, ["approach"], verbose_name="accountability approach"
    ),
    fact_inline(
        acc.MeasurementCoding,
        ["approach", "coded_by"],
        raw_id_fields=["coded_by"],
        verbose_name_plural="measurement codings (one preferred)",
    ),
    fact_inline(acc.AccountabilityLine, ["line_type", "detail"]),
    fact_inline(acc.Indicator, ["name", "description"], verbose_name="indicator or measure"),
)

fact_admin(acc.SiteAccountabilityApproach, ["approach"])
fact_admin(acc.MeasurementCoding, ["approach", "rank"], raw_id_fields=["coded_by"])
fact_admin(
    acc.AccountabilityLine,
    ["line_type"],
    search_fields=["site__name", "detail", "note"],
)
fact_admin(acc.Indicator, ["name"], list_filter=["source"], search_fields=["site__name", "name"])


@admin.register(acc.MeasurementApproach)
class MeasurementApproachAdmin(ReferenceItemAdmin):
    list_display = ["name", "slug", "exemplar", "position", "source"]
    list_select_related = ["exemplar", "source"]
    autocomplete_fields = ["source", "exemplar"]


class ChallengeInline(admin.TabularInline):
    model = acc.Challenge
    extra = 0
    fields = ["name", "slug", "position", "locator"]


@admin.register(acc.ChallengeFamily)
class ChallengeFamilyAdmin(ReferenceItemAdmin):
    inlines = [ChallengeInline]


@admin.register(acc.Challenge)
class ChallengeAdmin(ReferenceItemAdmin):
    list_display = ["name", "family", "slug", "position", "source"]
    list_filter = ["family"]
    list_select_related = ["family", "source"]


for reference_model in (acc.AccountabilityApproach, acc.AccountabilityLineType, acc.OpenQuestion):
    admin.site.register(reference_model, ReferenceItemAdmin)
