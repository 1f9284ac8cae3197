"""API rate limits: per address for anonymous clients (API_ANON_RATE, 600/hour by default),
per account for clients sending an API key (API_KEY_RATE, 6000/hour).

Each limit is a counter per client and fixed window (an hour, say) in Django's cache,
moved on with the cache's atomic increment: one round trip per request, and with
CACHE_URL pointing at Redis the limit holds across every server process and machine.
Over the limit, a request gets a 429 whose Retry-After says when the window ends. Rates
are read per request, so they follow settings (and a test can lower them).
"""

import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """'600/hour' -> (600, 3600)."""
    number, period = rate.split("/")
    return int(number), PERIODS[period[0]]


class WindowRateThrottle(BaseThrottle):
    scope = ""

    def client(self, request) -> str | None:
        """Whom the limit counts, or None when this throttle does not apply."""
        raise NotImplementedError

    def allow_request(self, request, view):
        client = self.client(request)
        if client is None:
            return True
        limit, period = parse_rate(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][self.scope])
        now = time.time()
        window = int(now // period)
        self.wait_seconds = (window + 1) * period - now
        key = f"rallying:throttle:{self.scope}:{client}:{window}"
        if cache.add(key, 1, period + 60):
            return limit >= 1
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, period + 60)
            count = 1
        return count <= limit

    def wait(self):
        return max(1, round(self.wait_seconds))


class AnonymousRateThrottle(WindowRateThrottle):
    scope = "anon"

    def client(self, request):
        if request.user and request.user.is_authenticated:
            return None
        return self.get_ident(request)


class ApiKeyRateThrottle(WindowRateThrottle):
    scope = "key"

    def client(self, request):
        if request.user and request.user.is_authenticated:
            return f"user-{request.user.pk}"
        return None
