"""The fast path: each site's JSON is built once per version of the site, stored, and
stitched into list pages and downloads.

Serializing a site means loading sixteen kinds of fact and walking nested serializers:
milliseconds per site. A list page or a download instead reads the stored JSON of its
sites in one query, which also tells which stored copies are out of date (the site or one
of its facts changed since, or the reference data, or the serializer itself); only those
are serialized again, by SiteSerializer itself, so the output is the reference
serializer's byte for byte. Links in the JSON are stored against a placeholder origin and
take the request's origin on the way out.
"""

import hashlib
from functools import lru_cache

from django.db.models import F, OuterRef
from django.http import HttpRequest

from collaborations.models import Site, SiteDocument
from collaborations.versions import reference_version

from .conditional import REPRESENTATION_VERSION, facts_changed
from .renderers import EscapedJSONRenderer
from .serializers import SiteSerializer

PLACEHOLDER_HOST = "origin.rallying.invalid"
PLACEHOLDER_ORIGIN = f"https://{PLACEHOLDER_HOST}"


class _PlaceholderRequest(HttpRequest):
    """What the serializer needs of a request: absolute links, on the placeholder origin."""

    def get_host(self):
        return PLACEHOLDER_HOST

    def _get_scheme(self):
        return "https"


@lru_cache(maxsize=1)
def serializer_fingerprint() -> str:
    """Changes when SiteSerializer's fields do, so a deploy never serves an old shape."""
    shape = f"{REPRESENTATION_VERSION}|{SiteSerializer()!r}"
    return hashlib.sha256(shape.encode()).hexdigest()[:12]


def _version(updated_at, facts_changed_at, reference) -> str:
    moments = f"{updated_at.isoformat()}|{facts_changed_at.isoformat()}"
    key = f"{serializer_fingerprint()}|{reference}|{moments}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def site_bodies(site_ids: list[int], origin: str) -> list[str]:
    """The JSON text of these published sites, in the order given, links on `origin`."""
    reference = reference_version()
    rows = (
        Site.public.filter(pk__in=site_ids)
        .annotate(
            facts_changed=facts_changed(site=OuterRef("pk")),
            stored_version=F("document__version"),
            stored_body=F("document__body"),
        )
        .values_list("pk", "updated_at", "facts_changed", "stored_version", "stored_body")
    )
    bodies, stale = {}, {}
    for pk, updated_at, changed, stored_version, body in rows:
        version = _version(updated_at, changed, reference)
        if stored_version == version:
            bodies[pk] = body
        else:
            stale[pk] = version
    if stale:
        bodies.update(build_documents(stale))
    return [bodies[pk].replace(PLACEHOLDER_ORIGIN, origin) for pk in site_ids if pk in bodies]


def build_documents(versions: dict[int, str]) -> dict[int, str]:
    """Serialize these sites ({pk: version}) with SiteSerializer and store the result."""
    renderer = EscapedJSONRenderer()
    # One serializer for every site: DRF copies a serializer's (nested) fields when it is
    # made, which costs more than representing a site; to_representation keeps no state.
    serializer = SiteSerializer(context={"request": _PlaceholderRequest()})
    built = {}
    for site in Site.public.for_detail().filter(pk__in=versions):
        built[site.pk] = renderer.render(serializer.to_representation(site)).decode()
    SiteDocument.objects.bulk_create(
        [SiteDocument(site_id=pk, version=versions[pk], body=body) for pk, body in built.items()],
        update_conflicts=True,
        unique_fields=["site"],
        update_fields=["version", "body"],
    )
    return built


def origin_of(request) -> str:
    """scheme://host[:port] of the request, as the serializer's absolute links carry."""
    return request.build_absolute_uri("/")[:-1]
