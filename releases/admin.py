from django.contrib import admin

from .models import Release, ReleaseFile


class ReleaseFileInline(admin.TabularInline):
    model = ReleaseFile
    extra = 0
    can_delete = False
    readonly_fields = ["name", "title", "media_type", "size", "sha256"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Release)
class ReleaseAdmin(admin.ModelAdmin):
    """Read-only: releases are published by `manage.py release` and never change."""

    list_display = ["__str__", "level", "published_at", "record_count"]
    inlines = [ReleaseFileInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
