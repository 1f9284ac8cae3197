from django.contrib import admin

from .models import Digest, Follow


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ["user", "site", "search", "frequency", "delivered_through", "last_digest_at"]
    list_filter = ["frequency"]
    raw_id_fields = ["user", "site"]
    search_fields = ["user__email", "site__name", "search"]


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["subject", "to", "change_count", "created_at", "sent_at", "attempts"]
    list_filter = ["sent_at"]
    readonly_fields = ["follow", "first_change", "last_change", "change_count", "to"]
