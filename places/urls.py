from django.urls import path

from .views import SiteMapView

app_name = "places"

urlpatterns = [path("map/", SiteMapView.as_view(), name="map")]
