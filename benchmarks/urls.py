"""The portal's addresses plus /bench/minimal/sites/ (benchmark runs only)."""

from django.urls import include, path

from benchmarks.minimal import minimal_sites

urlpatterns = [
    path("bench/minimal/sites/", minimal_sites),
    path("", include("rallying.urls")),
]
