"""Forms for practitioner accounts: the email address is the user name."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from .forms import HoneypotMixin


class SignUpForm(HoneypotMixin, forms.Form):
    name = forms.CharField(max_length=150, label="Your name")
    email = forms.EmailField(
        max_length=150,  # it becomes the user name
        label="Email address",
        help_text="We send a link to this address; the account works once you follow it.",
    )
    password1 = forms.CharField(
        label="Password",
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=" ".join(password_validation.password_validators_help_texts()),
    )
    password2 = forms.CharField(
        label="Password again",
        max_length=128,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error(
                "password2", ValidationError("The two passwords differ.", code="mismatch")
            )
        elif first:
            try:
                password_validation.validate_password(first)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    """Log in with the email address (stored as the user name)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "That email address and password do not match an active account. If you have "
            "just signed up, follow the link in the email we sent you first."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"

    def clean_username(self):
        typed = self.cleaned_data.get("username", "").strip()
        if get_user_model().objects.filter(username=typed).exists():
            return typed  # an account made another way (an administrator's user name)
        return typed.lower()
