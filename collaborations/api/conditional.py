"""ETag and Last-Modified for site lists and details, and the 304 they allow.

A list's validators come from one aggregate query: when any site last changed (drafts
included, so unpublishing a site moves the date on) and how many sites match. The ETag
also covers the full URL (filters, page, host: the body holds absolute links) and the
format, so JSON and CSV never share one. They assume, as the admin and the services do,
that a change to a site's facts saves the site (moving `updated_at` on).
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, Q
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from collaborations.models import Site

# Bump when the representation changes, so clients do not keep an old shape.
REPRESENTATION_VERSION = "1"


@dataclass(frozen=True)
class Validators:
    count: int
    last_modified: datetime | None
    etag: str


def list_validators(request, queryset) -> Validators:
    """One query: the catalogue's last change and how many sites the filters match."""
    row = Site.objects.order_by().aggregate(
        last_modified=Max("updated_at"),
        count=Count("pk", filter=Q(pk__in=queryset.order_by().values("pk"))),
    )
    return _validators(request, row["count"], row["last_modified"])


def detail_validators(request, updated_at: datetime) -> Validators:
    return _validators(request, 1, updated_at)


def _validators(request, count, last_modified) -> Validators:
    renderer = getattr(request, "accepted_renderer", None)
    fingerprint = "|".join(
        [
            REPRESENTATION_VERSION,
            getattr(renderer, "format", "") or "",
            request.build_absolute_uri(),
            str(count),
            last_modified.isoformat() if last_modified else "",
        ]
    )
    digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:32]
    return Validators(count=count, last_modified=last_modified, etag=f'"{digest}"')


def not_modified(request, validators: Validators):
    """A 304 when the client's copy is current (If-None-Match wins over If-Modified-Since)."""
    response = get_conditional_response(
        request,
        etag=validators.etag,
        last_modified=_timestamp(validators.last_modified),
    )
    if response is not None:
        set_validators(response, validators)
    return response


def set_validators(response, validators: Validators):
    response["ETag"] = validators.etag
    if validators.last_modified:
        response["Last-Modified"] = http_date(_timestamp(validators.last_modified))
    response["Cache-Control"] = "public, no-cache"
    patch_vary_headers(response, ["Accept"])
    return response


def _timestamp(moment: datetime | None) -> int | None:
    return int(moment.timestamp()) if moment else None
