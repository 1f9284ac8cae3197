from django.urls import path

from collaborations.views.about import AboutView, CodebookView, DownloadsView, SourceListView
from collaborations.views.compare import CompareView
from collaborations.views.home import HomeView
from collaborations.views.reference import (
    DriverMatrixView,
    FrameworkView,
    OrganisationDetailView,
    TypologyDetailView,
    TypologyListView,
)
from collaborations.views.sites import SiteDetailView, SiteListView

app_name = "collaborations"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("sites/", SiteListView.as_view(), name="site-list"),
    path("sites/<slug:slug>/", SiteDetailView.as_view(), name="site-detail"),
    path("compare/", CompareView.as_view(), name="compare"),
    path(
        "organisations/<slug:slug>/", OrganisationDetailView.as_view(), name="organisation-detail"
    ),
    path("typologies/", TypologyListView.as_view(), name="typology-list"),
    path("typologies/<slug:slug>/", TypologyDetailView.as_view(), name="typology-detail"),
    path("drivers/", DriverMatrixView.as_view(), name="driver-matrix"),
    path("framework/", FrameworkView.as_view(), name="framework"),
    path("about/", AboutView.as_view(), name="about"),
    path("sources/", SourceListView.as_view(), name="source-list"),
    path("codebook/", CodebookView.as_view(), name="codebook"),
    path("downloads/", DownloadsView.as_view(), name="downloads"),
]
