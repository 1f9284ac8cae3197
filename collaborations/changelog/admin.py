"""The change log in the admin (read-only: it is written by the services) and the action
that withdraws published sites."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from collaborations.models import CatalogueChange

from .withdrawal import site_withdraw


@admin.register(CatalogueChange)
class CatalogueChangeAdmin(admin.ModelAdmin):
    list_display = ["pk", "recorded_at", "kind", "site_name", "label", "revision_number"]
    list_filter = ["kind"]
    search_fields = ["site_name", "site_slug", "label"]
    date_hierarchy = "recorded_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.action(description="Withdraw the selected published sites from the catalogue")
def withdraw_from_catalogue(modeladmin, request, queryset):
    withdrawn = 0
    for site in queryset:
        try:
            site_withdraw(
                site_id=site.pk, moderator=request.user, reason="Withdrawn by the editors"
            )
            withdrawn += 1
        except ValidationError:
            modeladmin.message_user(request, f"{site} is not published.", messages.WARNING)
    modeladmin.message_user(request, f"{withdrawn} site(s) withdrawn.")
