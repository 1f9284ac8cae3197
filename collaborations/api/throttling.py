"""Anonymous rate limiting, at the rate settings give (API_ANON_RATE, e.g. 600/hour).

DRF's own AnonRateThrottle reads the rates once at import; this one reads them per
request, so the rate follows settings (and a test can lower it).
"""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    def get_rate(self):
        return settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"][self.scope]
