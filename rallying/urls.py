from django.contrib import admin
from django.urls import include, path

from collaborations.api.reference_page import ApiReferenceView
from collaborations.api.schema_view import SchemaView
from rallying.favicon import favicon
from rallying.health import healthz
from rallying.robots import robots

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("robots.txt", robots, name="robots"),
    path("admin/", admin.site.urls),
    path("api/schema/", SchemaView.as_view(), name="api-schema"),
    path("api/docs/", ApiReferenceView.as_view(), name="api-docs"),
    path("api/v1/", include("collaborations.api.urls")),
    path("follow/", include("following.urls")),
    path("data/releases/", include("releases.urls")),
    path("", include("collaborations.submissions.urls")),
    path("", include("accountability.urls")),
    path("", include("places.urls")),
    path("", include("collaborations.urls")),
]

handler400 = "collaborations.views.errors.bad_request"
handler404 = "collaborations.views.errors.page_not_found"
handler500 = "collaborations.views.errors.server_error"
