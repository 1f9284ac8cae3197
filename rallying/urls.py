from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from rallying.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/v1/", include("collaborations.api.urls")),
    path("", include("collaborations.submissions.urls")),
    path("", include("accountability.urls")),
    path("", include("collaborations.urls")),
]

handler404 = "collaborations.views.errors.page_not_found"
handler500 = "collaborations.views.errors.server_error"
