from django.urls import path, re_path
from django.views.generic import RedirectView

from collaborations.changelog.feeds import ChangeFeed, NewSiteFeed, SearchChangeFeed, SiteChangeFeed
from collaborations.views.about import (
    AboutView,
    CodebookView,
    DownloadsView,
    SourceListView,
    StudyView,
)
from collaborations.views.changes import ChangeListView, RevisionCitationView, SiteRevisionView
from collaborations.views.compare import CompareView
from collaborations.views.home import HomeView
from collaborations.views.network import NetworkView
from collaborations.views.reference import (
    DriverMatrixView,
    FrameworkView,
    OrganisationDetailView,
    TypologyDetailView,
    TypologyListView,
)
from collaborations.views.sites import SiteDetailView, SiteListView
from collaborations.views.sources import SourceDetailView

app_name = "collaborations"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("sites/", SiteListView.as_view(), name="site-list"),
    path("sites/<slug:slug>/", SiteDetailView.as_view(), name="site-detail"),
    path("sites/<slug:slug>/feed/", SiteChangeFeed(), name="site-feed"),
    path(
        "sites/<slug:slug>/revisions/<int:number>/",
        SiteRevisionView.as_view(),
        name="site-revision",
    ),
    re_path(
        r"^sites/(?P<slug>[-a-zA-Z0-9_]+)/revisions/(?P<number>[0-9]+)/cite\.(?P<extension>bib|ris|json|txt)$",
        RevisionCitationView.as_view(),
        name="site-revision-citation",
    ),
    path("changes/", ChangeListView.as_view(), name="change-list"),
    path("changes/feed/", ChangeFeed(), name="change-feed"),
    path("changes/feed/new-sites/", NewSiteFeed(), name="new-site-feed"),
    path("changes/feed/search/", SearchChangeFeed(), name="search-feed"),
    path("compare/", CompareView.as_view(), name="compare"),
    path(
        "organisations/<slug:slug>/", OrganisationDetailView.as_view(), name="organisation-detail"
    ),
    path("typologies/", TypologyListView.as_view(), name="typology-list"),
    # The menu says "Typology": a reader who types the singular lands on the diagram too.
    path("typology/", RedirectView.as_view(pattern_name="collaborations:typology-list")),
    path("typologies/<slug:slug>/", TypologyDetailView.as_view(), name="typology-detail"),
    path("drivers/", DriverMatrixView.as_view(), name="driver-matrix"),
    path("framework/", FrameworkView.as_view(), name="framework"),
    path("network/", NetworkView.as_view(), name="network"),
    path("about/", AboutView.as_view(), name="about"),
    path("study/", StudyView.as_view(), name="study"),
    path("sources/", SourceListView.as_view(), name="source-list"),
    path("sources/<slug:slug>/", SourceDetailView.as_view(), name="source-detail"),
    path("codebook/", CodebookView.as_view(), name="codebook"),
    path("downloads/", DownloadsView.as_view(), name="downloads"),
]
