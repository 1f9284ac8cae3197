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
    """Log in with the email address or the user name.

    Practitioners' accounts use the address as the user name; an account made another way
    (`createsuperuser`, the admin) has a user name of its own and an address: either works."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "That email address (or user name) and password do not match an active account. "
            "If you have just signed up, follow the link in the email we sent you first."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address or user name"
        self.fields["username"].widget.attrs["autocomplete"] = "username"

    def clean_username(self):
        return account_username(self.cleaned_data.get("username", ""))


def account_username(typed: str) -> str:
    """The user name of the account the person typed: its user name, else its address."""
    typed = typed.strip()
    users = get_user_model().objects
    if users.filter(username=typed).exists():
        return typed
    by_email = list(users.filter(email__iexact=typed).values_list("username", flat=True)[:2])
    if len(by_email) == 1:  # an address shared by two accounts names neither
        return by_email[0]
    return typed.lower()
