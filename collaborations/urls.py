from django.urls import path

from collaborations.views.home import HomeView

app_name = "collaborations"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
]
