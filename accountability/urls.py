from django.urls import path

from accountability.views import AccountabilityView

app_name = "accountability"

urlpatterns = [
    path("accountability/", AccountabilityView.as_view(), name="overview"),
]
