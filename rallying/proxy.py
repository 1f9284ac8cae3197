"""Forwarded headers are believed only when a proxy named in TRUSTED_PROXIES sent them.

Behind a reverse proxy, the client's address arrives in X-Forwarded-For and the original
scheme in X-Forwarded-Proto. Anyone can send those headers, so from any other peer they
are dropped before anything reads them: SecurityMiddleware (HTTPS redirect, secure
cookies), the rate limits and DRF's throttles (which would otherwise key on a spoofable
X-Forwarded-For). From a trusted proxy, the client address replaces REMOTE_ADDR.
"""

from functools import lru_cache
from ipaddress import ip_address, ip_network

from django.conf import settings

FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
)


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]):
    return tuple(ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted(address: str, networks) -> bool:
    try:
        ip = ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in networks)


def forwarded_client(forwarded_for: str, networks) -> str | None:
    """The nearest address in X-Forwarded-For that is not one of our proxies."""
    client = None
    for hop in reversed(forwarded_for.split(",")):
        hop = hop.strip()
        try:
            ip_address(hop)
        except ValueError:
            break  # garbage a client wrote: stop at the last hop our proxies vouched for
        client = hop
        if not _is_trusted(hop, networks):
            break
    return client


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        networks = _networks(tuple(settings.TRUSTED_PROXIES))
        if networks and _is_trusted(meta.get("REMOTE_ADDR", ""), networks):
            client = forwarded_client(meta.get("HTTP_X_FORWARDED_FOR", ""), networks)
            if client:
                meta["REMOTE_ADDR"] = client
            meta.pop("HTTP_X_FORWARDED_FOR", None)  # resolved: nothing downstream re-reads it
        else:
            for header in FORWARDED_HEADERS:
                meta.pop(header, None)
        return self.get_response(request)
