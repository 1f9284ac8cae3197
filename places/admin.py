from django.contrib import admin

from .models import Place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "latitude", "longitude", "gazetteer", "gazetteer_id"]
    search_fields = ["name", "gazetteer_id"]
