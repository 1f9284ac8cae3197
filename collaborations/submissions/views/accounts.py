"""Sign up with email verification, log in and out, password reset, API tokens."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from collaborations.models import ApiToken

from ..account_forms import EmailAuthenticationForm, SignUpForm, account_username
from ..accounts import account_sign_up, account_verify
from ..login_limits import LOCKED_OUT
from ..throttling import LOGIN_FAILURE, PASSWORD_RESET, SIGNUP
from ..throttling import MESSAGE as RATE_LIMITED
from ..tokens import api_token_replace

RESET_LIMITED = (
    "We have already sent several password reset emails to that address, or for your "
    "address, in the last hour: check your inbox and spam folder, or try again in an hour."
)


def safe_next(request, value: str | None) -> str:
    """`next` when it points into this site, else ""."""
    value = (value or "").strip()
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return ""


def login_url(next_url: str = "") -> str:
    url = reverse("submissions:login")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class SignUpView(FormView):
    """Sign up; `next` travels in the verification link, so the person lands where they were."""

    form_class = SignUpForm
    template_name = "registration/signup.html"

    def next_url(self) -> str:
        return safe_next(
            self.request, self.request.POST.get("next") or self.request.GET.get("next")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=self.next_url(), **kwargs)

    def post(self, request, *args, **kwargs):
        if SIGNUP.hit(request):
            form = self.get_form()
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        data = form.cleaned_data
        account_sign_up(
            email=data["email"],
            name=data["name"],
            password=data["password1"],
            next_url=self.next_url(),
        )
        return redirect("submissions:signup-done")


class SignUpDoneView(TemplateView):
    template_name = "registration/signup_done.html"


class VerifyEmailView(View):
    def get(self, request, token):
        user = account_verify(token)
        if user is None:
            return render(request, "registration/verify_failed.html", status=400)
        messages.success(request, "Your email address is confirmed. You can log in now.")
        return redirect(login_url(safe_next(request, request.GET.get("next"))))


class LoginView(auth_views.LoginView):
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        account = account_username(request.POST.get("username", ""))
        if LOGIN_FAILURE.exceeded(request, account):
            # The password is not even checked: the form comes back with the address only.
            form = self.get_form_class()(request, data={"username": account, "password": ""})
            form.is_valid()
            form.errors.clear()
            form.add_error(None, LOCKED_OUT)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def get_default_redirect_url(self):
        return str(reverse_lazy("submissions:mine"))


class PasswordResetView(auth_views.PasswordResetView):
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("submissions:password-reset-done")

    def form_valid(self, form):
        if PASSWORD_RESET.hit(self.request, form.cleaned_data["email"]):
            form.add_error(None, RESET_LIMITED)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("submissions:password-reset-complete")


@method_decorator(never_cache, name="dispatch")
class ApiTokenView(LoginRequiredMixin, TemplateView):
    """Create (or replace) the token an API client sends as `Authorization: Token <key>`.

    The key is shown once, in the answer to the POST that made it (never cached), and
    only its digest is kept: a lost key is replaced, not shown again."""

    template_name = "registration/api_token.html"

    def get_context_data(self, **kwargs):
        token = ApiToken.objects.filter(user=self.request.user).first()
        return super().get_context_data(token=token, **kwargs)

    def post(self, request):
        key = api_token_replace(user=request.user)
        return self.render_to_response(self.get_context_data(new_key=key))
