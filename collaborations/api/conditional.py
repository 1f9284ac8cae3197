"""ETag and Last-Modified for site lists and details, and the 304 they allow.

The validators come from one query: when any site that is or was published last changed
(so unpublishing a site moves the date on), when a fact row of such a site last changed
(the fact history records every write, including the loader's), and how many sites match.
A private draft's writes never move them: the date would tell when someone saved one. The ETag also
covers the full URL (filters, page, host: the body holds absolute links) and the format,
so JSON and CSV never share one. Renaming a reference row (a driver, say) does not
change them: clients see the new name with the next change to the catalogue.
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import DateTimeField, F, Func, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from collaborations.models import Site
from collaborations.models.fact_history import fact_history_models
from collaborations.versions import cached_aggregate, catalogue_version

# Bump when the representation changes, so clients do not keep an old shape.
REPRESENTATION_VERSION = "1"
NEVER = Value(datetime(1970, 1, 1, tzinfo=UTC), output_field=DateTimeField())


@dataclass(frozen=True)
class Validators:
    count: int
    last_modified: datetime | None
    etag: str


def ever_published():
    """Sites published now or at some time (their history says so, whoever saved them)."""
    published = Site.Status.PUBLISHED
    once = Site.history.filter(status=published).values("id")
    return Site.objects.filter(Q(status=published) | Q(published_at__isnull=False) | Q(pk__in=once))


def facts_changed(site=None):
    """The latest write to a fact row of a site that is or was published (or of one site,
    given an OuterRef to it)."""
    latest = []
    for history in fact_history_models():
        if site is not None:
            rows = history.objects.order_by().filter(site_id=site)
            newest = rows.annotate(newest=Func(F("history_date"), function="MAX")).values("newest")
        else:
            # The newest row first, down the history_date index, until one of a published
            # site: a MAX over every published site's history took seconds at 100,000.
            rows = history.objects.filter(site_id__in=ever_published().values("pk"))
            newest = rows.order_by("-history_date").values("history_date")[:1]
        latest.append(Coalesce(Subquery(newest), NEVER))
    return Greatest(*latest)


def list_validators(request, queryset) -> Validators:
    """The catalogue's last change and how many sites the filters match.

    Both read every site that matches, so both are counted once per version of the
    catalogue (collaborations.versions: one query over indexed maxima tells the version)
    and then read from the cache: a list costs the same at 100,000 sites as at 1,000."""
    version = catalogue_version()
    changed = cached_aggregate("api-changed", version, _published_changes)
    matching = queryset.order_by().values("pk")
    count = cached_aggregate("api-count", version, matching.count, matching.query.sql_with_params())
    return _validators(request, count, changed["sites"], changed["facts"])


def _published_changes() -> dict:
    row = ever_published().order_by().aggregate(sites=Max("updated_at"), facts=Max(facts_changed()))
    return {"sites": row["sites"], "facts": row["facts"]}


def detail_validators(request, slug: str) -> Validators | None:
    """One query: when the published site with this slug, or its facts, last changed."""
    row = (
        Site.public.filter(slug=slug)
        .annotate(facts_changed=facts_changed(site=OuterRef("pk")))
        .values("updated_at", "facts_changed")
        .first()
    )
    if row is None:
        return None
    return _validators(request, 1, row["updated_at"], row["facts_changed"])


def _validators(request, count, *changes) -> Validators:
    last_modified = max((moment for moment in changes if moment), default=None)
    renderer = getattr(request, "accepted_renderer", None)
    fingerprint = "|".join(
        [
            REPRESENTATION_VERSION,
            getattr(renderer, "format", "") or "",
            request.build_absolute_uri(),
            str(count),
            *(moment.isoformat() if moment else "" for moment in changes),
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
