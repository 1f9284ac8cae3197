"""Pages of sites as JSON, kept whole for a few minutes under the catalogue's version.

A page of sites is stitched from each site's stored JSON (documents.py), which still
means filtering, counting and checking every site's version on each request. The same
address asked again while the catalogue has not changed gets the same bytes, so the
finished page is kept in the cache under the catalogue's version (any write to a site, a
fact or a reference row moves it, collaborations.versions) with the full address (filters,
page, host) and the format: a repeated request costs one indexed query and a cache read.
Errors, CSV and pages over PAGE_MAX_BYTES are not kept; entries expire after PAGE_SECONDS
whatever happens, so the cache holds no more than the pages asked for lately.
"""

import hashlib

from django.core.cache import cache
from django.http import HttpResponse

from collaborations.versions import catalogue_version

from .conditional import Validators, not_modified, set_validators
from .renderers import EscapedJSONRenderer

PAGE_SECONDS = 300
PAGE_MAX_BYTES = 2_500_000


def _key(request) -> str | None:
    if request.method != "GET" or request.accepted_renderer.format != "json":
        return None
    address = f"{catalogue_version()}|{request.build_absolute_uri()}"
    return "rallying:api-page:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def answer(request) -> HttpResponse | None:
    """The kept page for this request (or a 304 against it), if there is one."""
    key = _key(request)
    kept = cache.get(key) if key else None
    if kept is None:
        return None
    validators, content, link = kept
    if response := not_modified(request, validators):
        return response
    response = HttpResponse(content, content_type=EscapedJSONRenderer.media_type)
    if link:
        response["Link"] = link
    return set_validators(response, validators)


def store(request, response, validators: Validators):
    """Keep a successful JSON page for the next identical request; returns the response."""
    key = _key(request)
    ok = key and isinstance(response, HttpResponse) and response.status_code == 200
    if ok and len(response.content) <= PAGE_MAX_BYTES:
        cache.set(key, (validators, response.content, response.get("Link")), PAGE_SECONDS)
    return response
