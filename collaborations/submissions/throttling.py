"""Rate limits per IP address and per account, counted in Django's cache.

A limit is checked before a write (`exceeded`) and counted after it succeeds (`record`),
so a practitioner correcting validation errors is not locked out. Limits can be changed
with the RALLYING_RATE_LIMITS setting: {"scope": (per_ip, per_account, window_seconds)}.
"Per account" also covers a `subject` a request names without being logged in: the
account a log-in tries, the address a password reset or an email goes to (kept as a hash).
The cache is shared by every server process (a file cache, or Redis with CACHE_URL).
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

DEFAULT_LIMITS = {
    "submission-create": (10, 10, 3600),
    "submission-update": (120, 120, 3600),
    "proposal": (10, 10, 3600),
    "signup": (5, 5, 3600),
    "access-link": (5, 5, 3600),
    # Failed log-ins: from one address, and against one account, per 15 minutes.
    "login-failure": (30, 5, 900),
    "password-reset": (5, 3, 3600),
    # Emails an action without an account makes us send, per recipient address.
    "email-recipient": (1000, 5, 3600),
}

MESSAGE = (
    "Too many attempts from your address or account in a short time. Nothing was lost: "
    "your text is below. Please try again in an hour."
)


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


@dataclass(frozen=True)
class RateLimit:
    scope: str

    @property
    def limits(self) -> tuple[int, int, int]:
        configured = getattr(settings, "RALLYING_RATE_LIMITS", {})
        return configured.get(self.scope, DEFAULT_LIMITS[self.scope])

    def _keys(self, request, subject: str | None = None) -> list[tuple[str, int]]:
        per_ip, per_account, _ = self.limits
        keys = []
        if request is not None:
            keys.append((f"ratelimit:{self.scope}:ip:{client_ip(request)}", per_ip))
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                keys.append((f"ratelimit:{self.scope}:user:{user.pk}", per_account))
        if subject:
            digest = hashlib.sha256(subject.strip().lower().encode()).hexdigest()[:32]
            keys.append((f"ratelimit:{self.scope}:subject:{digest}", per_account))
        return keys

    def exceeded(self, request, subject: str | None = None) -> bool:
        return any(cache.get(key, 0) >= limit for key, limit in self._keys(request, subject))

    def record(self, request, subject: str | None = None) -> None:
        window = self.limits[2]
        for key, _ in self._keys(request, subject):
            cache.add(key, 0, timeout=window)
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=window)

    def reset(self, subject: str) -> None:
        """Forget the subject's count (an account that has just logged in)."""
        cache.delete_many([key for key, _ in self._keys(None, subject)])

    def hit(self, request, subject: str | None = None) -> bool:
        """Count this attempt and say whether it goes over the limit."""
        if self.exceeded(request, subject):
            return True
        self.record(request, subject)
        return False


SUBMISSION_CREATE = RateLimit("submission-create")
SUBMISSION_UPDATE = RateLimit("submission-update")
PROPOSAL = RateLimit("proposal")
SIGNUP = RateLimit("signup")
ACCESS_LINK = RateLimit("access-link")
LOGIN_FAILURE = RateLimit("login-failure")
PASSWORD_RESET = RateLimit("password-reset")
EMAIL_RECIPIENT = RateLimit("email-recipient")


class SubmissionWriteThrottle(BaseThrottle):
    """The same limits for API clients, answered with 429 and Retry-After."""

    def allow_request(self, request, view):
        if request.method == "POST":
            return not SUBMISSION_CREATE.exceeded(request)
        if request.method in ("PUT", "PATCH"):
            return not SUBMISSION_UPDATE.exceeded(request)
        return True

    def wait(self):
        return SUBMISSION_CREATE.limits[2]
