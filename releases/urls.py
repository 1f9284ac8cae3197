from django.urls import path, register_converter

from .views import LatestReleaseView, ReleaseDetailView, ReleaseFileView, ReleaseListView


class VersionConverter:
    regex = r"[0-9]+\.[0-9]+\.[0-9]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(VersionConverter, "version")
app_name = "releases"

urlpatterns = [
    path("", ReleaseListView.as_view(), name="list"),
    path("latest/", LatestReleaseView.as_view(), name="latest"),
    path("latest/<str:name>", LatestReleaseView.as_view(), name="latest-file"),
    path("<version:version>/", ReleaseDetailView.as_view(), name="detail"),
    path("<version:version>/<str:name>", ReleaseFileView.as_view(), name="file"),
]
