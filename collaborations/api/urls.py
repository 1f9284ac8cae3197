"""/api/v1/: sites, whole-catalogue downloads, and the reference data.

/api/v1/submissions/ belongs to collaborations.submissions and is routed there; every
other unknown address under /api/v1/ ending in a slash is a JSON 404 (without the slash,
Django first redirects to it).
"""

from django.urls import path, re_path
from rest_framework.routers import DefaultRouter

from .changes import ChangeListView
from .not_found import ApiNotFoundView
from .reference_views import reference_viewsets
from .views import SiteCSVExportView, SiteJSONExportView, SiteViewSet

app_name = "api"

router = DefaultRouter()
router.include_format_suffixes = False  # formats: ?format= or the Accept header
router.register("sites", SiteViewSet, basename="site")
for prefix, viewset in reference_viewsets().items():
    router.register(prefix, viewset, basename=prefix)

urlpatterns = [
    path("changes/", ChangeListView.as_view(), name="change-list"),
    path("sites/export.csv", SiteCSVExportView.as_view(), name="site-export-csv"),
    path("sites/export.json", SiteJSONExportView.as_view(), name="site-export-json"),
    *router.urls,
    re_path(r"^(?!submissions/)[\s\S]*/$", ApiNotFoundView.as_view(), name="not-found"),
]
