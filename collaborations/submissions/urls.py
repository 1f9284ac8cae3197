"""Submitting, following and moderating; accounts; the submissions API."""

from django.contrib.auth import views as auth_views
from django.urls import include, path
from rest_framework.routers import SimpleRouter

from .api import SubmissionViewSet
from .views import accounts, moderation, proposals, submit, submitter, tasks

app_name = "submissions"

router = SimpleRouter()
router.register("", SubmissionViewSet, basename="api-submission")

account_patterns = [
    path("signup/", accounts.SignUpView.as_view(), name="signup"),
    path("signup/done/", accounts.SignUpDoneView.as_view(), name="signup-done"),
    path("verify/<str:token>/", accounts.VerifyEmailView.as_view(), name="verify-email"),
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", accounts.PasswordResetView.as_view(), name="password-reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    path("api-token/", accounts.ApiTokenView.as_view(), name="api-token"),
]

moderation_patterns = [
    path("", moderation.ModerationQueueView.as_view(), name="moderation-queue"),
    path(
        "submissions/<slug:slug>/",
        moderation.SubmissionReviewView.as_view(),
        name="review-submission",
    ),
    path("proposals/<int:pk>/", moderation.ProposalReviewView.as_view(), name="review-proposal"),
    path("sites/<slug:slug>/history/", moderation.SiteHistoryView.as_view(), name="site-history"),
]

urlpatterns = [
    path("submit/", tasks.StartView.as_view(), name="submit"),
    path("submit/all/", submit.SubmissionCreateView.as_view(), name="submit-all"),
    path("submissions/", submitter.MySubmissionsView.as_view(), name="mine"),
    path(
        "submissions/lost-link/",
        submitter.AccessLinkRequestView.as_view(),
        name="access-link-request",
    ),
    path(
        "submissions/access/<str:token>/", submitter.SubmissionAccessView.as_view(), name="access"
    ),
    path("submissions/<slug:slug>/", submitter.SubmissionDetailView.as_view(), name="detail"),
    path("submissions/<slug:slug>/edit/", submit.SubmissionUpdateView.as_view(), name="edit"),
    path("submissions/<slug:slug>/tasks/", tasks.TaskListView.as_view(), name="tasks"),
    path("submissions/<slug:slug>/tasks/sources/", tasks.SourcesView.as_view(), name="sources"),
    path(
        "submissions/<slug:slug>/tasks/<slug:section>/",
        tasks.SectionView.as_view(),
        name="section",
    ),
    path("submissions/<slug:slug>/check/", tasks.CheckAnswersView.as_view(), name="check"),
    path(
        "sites/<slug:slug>/propose/",
        proposals.ChangeProposalCreateView.as_view(),
        name="propose",
    ),
    path(
        "proposals/<int:pk>/",
        proposals.ChangeProposalDetailView.as_view(),
        name="proposal-detail",
    ),
    path(
        "proposals/<int:pk>/withdraw/",
        proposals.ChangeProposalWithdrawView.as_view(),
        name="proposal-withdraw",
    ),
    path("moderation/", include(moderation_patterns)),
    path("accounts/", include(account_patterns)),
    path("api/v1/submissions/", include(router.urls)),
]
