"""Rate limits per IP address and per account, counted in Django's cache.

A limit is checked before a write (`exceeded`) and counted after it succeeds (`record`),
so a practitioner correcting validation errors is not locked out. Limits can be changed
with the RALLYING_RATE_LIMITS setting: {"scope": (per_ip, per_account, window_seconds)}.
"""

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

    def _keys(self, request) -> list[tuple[str, int]]:
        per_ip, per_account, _ = self.limits
        keys = [(f"ratelimit:{self.scope}:ip:{client_ip(request)}", per_ip)]
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            keys.append((f"ratelimit:{self.scope}:user:{user.pk}", per_account))
        return keys

    def exceeded(self, request) -> bool:
        return any(cache.get(key, 0) >= limit for key, limit in self._keys(request))

    def record(self, request) -> None:
        window = self.limits[2]
        for key, _ in self._keys(request):
            cache.add(key, 0, timeout=window)
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=window)

    def hit(self, request) -> bool:
        """Count this attempt and say whether it goes over the limit."""
        if self.exceeded(request):
            return True
        self.record(request)
        return False


SUBMISSION_CREATE = RateLimit("submission-create")
SUBMISSION_UPDATE = RateLimit("submission-update")
PROPOSAL = RateLimit("proposal")
SIGNUP = RateLimit("signup")
ACCESS_LINK = RateLimit("access-link")


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
