"""Brute-force protection for every log-in: the account pages and the admin alike.

An authentication backend in front of Django's own: once an account (or one address) has
LOGIN_FAILURE's number of failed attempts within its window, every attempt is refused, even
with the right password, until the window has passed. Logging in clears the account's
count. The counts live in the cache every server process shares.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from .throttling import LOGIN_FAILURE

LOCKED_OUT = (
    "Too many failed log-ins for this account, or from your address, in the last 15 "
    "minutes: log-in is paused for it. Try again in 15 minutes, or choose a new password "
    "with “Forgotten your password?”."
)


class RateLimitedModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        account = username or kwargs.get(get_user_model().USERNAME_FIELD) or ""
        if LOGIN_FAILURE.exceeded(request, account):
            raise PermissionDenied(LOCKED_OUT)  # stops authenticate(): no backend is tried
        user = super().authenticate(request, username, password, **kwargs)
        if user is None:
            LOGIN_FAILURE.record(request, account)
        else:
            LOGIN_FAILURE.reset(account)
        return user
