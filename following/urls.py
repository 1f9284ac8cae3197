from django.urls import path

from .views import FollowListView, FollowUpdateView, UnsubscribeView

app_name = "following"

urlpatterns = [
    path("", FollowListView.as_view(), name="list"),
    path("<int:pk>/", FollowUpdateView.as_view(), name="update"),
    path("unsubscribe/<str:token>/", UnsubscribeView.as_view(), name="unsubscribe"),
]
