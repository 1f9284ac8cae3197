"""Atom feeds of the change log (django.contrib.syndication): every change, new sites,
one site, and the sites of any browse search.

Each entry is one change. A withdrawal is an ordinary entry (so any reader shows it) and
also an RFC 6721 tombstone, <at:deleted-entry>, naming the withdrawn site's own id (the id
of its entry in the new-sites feed), so that a client can delete its copy.
"""

import uuid

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, rfc3339_date

from collaborations.filters import SiteFilterSet
from collaborations.models import CatalogueChange, Site

FEED_LENGTH = 50
TOMBSTONES_NS = "http://purl.org/atompub/tombstones/1.0"


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def site_entry_id(slug: str) -> str:
    """A site's permanent Atom id, whatever feed it appears in."""
    return uuid.uuid5(uuid.NAMESPACE_URL, absolute(f"/sites/{slug}/")).urn


def change_entry_id(change: CatalogueChange) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, absolute(f"/changes/{change.pk}")).urn


class TombstoneAtomFeed(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:at": TOMBSTONES_NS}

    def write_items(self, handler):
        super().write_items(handler)
        for item in self.items:
            if item.get("deleted_ref"):
                handler.startElement(
                    "at:deleted-entry",
                    {"ref": item["deleted_ref"], "when": rfc3339_date(item["updateddate"])},
                )
                handler.addQuickElement("link", "", {"href": item["link"]})
                handler.addQuickElement("at:comment", item["title"])
                handler.endElement("at:deleted-entry")


class ChangeFeed(Feed):
    """Every change to the published catalogue, newest first."""

    feed_type = TombstoneAtomFeed
    title = "Rallying: changes to the catalogue"
    subtitle = (
        "Sites added, facts added or corrected, and sites withdrawn from the Rallying "
        "catalogue of collaborations in local public services."
    )
    author_name = "Rallying catalogue"

    def link(self, obj=None):
        return reverse("collaborations:change-list")

    def changes(self, obj):
        return CatalogueChange.objects.all()

    def items(self, obj=None):
        return list(self.changes(obj).order_by("-pk")[:FEED_LENGTH])

    def item_title(self, change):
        return change.summary

    def item_description(self, change):
        return change_description(change)

    def item_link(self, change):
        return change.get_absolute_url()

    def item_guid(self, change):
        return change_entry_id(change)

    item_guid_is_permalink = False

    def item_pubdate(self, change):
        return change.recorded_at

    def item_updateddate(self, change):
        return change.recorded_at

    def item_categories(self, change):
        return [change.get_kind_display()]

    def item_extra_kwargs(self, change):
        return {"deleted_ref": site_entry_id(change.site_slug) if change.is_tombstone else ""}


def change_description(change: CatalogueChange) -> str:
    parts = [f"Revision {change.revision_number}."]
    if change.note:
        parts.append(f"{change.note}.")
    if change.added:
        parts.append(f"Added: {'; '.join(change.added)}.")
    if change.removed:
        parts.append(f"Was: {'; '.join(change.removed)}.")
    return " ".join(parts)


class NewSiteFeed(ChangeFeed):
    title = "Rallying: new sites"
    subtitle = "Collaborations added to the Rallying catalogue; withdrawn ones as tombstones."

    def changes(self, obj):
        kinds = [CatalogueChange.Kind.CREATED, CatalogueChange.Kind.WITHDRAWN]
        return CatalogueChange.objects.filter(kind__in=kinds)

    def item_guid(self, change):
        return (
            site_entry_id(change.site_slug)
            if not change.is_tombstone
            else super().item_guid(change)
        )


class SiteChangeFeed(ChangeFeed):
    """One site's changes: any site that has ever been published (a withdrawn one ends with
    its tombstone)."""

    def get_object(self, request, slug):
        change = get_object_or_404(CatalogueChange.objects.of_site(slug).order_by("-pk")[:1])
        return change

    def title(self, obj):
        return f"Rallying: changes to {obj.site_name}"

    def subtitle(self, obj):
        return f"Every published change to {obj.site_name} in the Rallying catalogue."

    def link(self, obj):
        return reverse("collaborations:site-detail", args=[obj.site_slug])

    def changes(self, obj):
        return CatalogueChange.objects.of_site(obj.site_slug)


class SearchChangeFeed(ChangeFeed):
    """Changes to the sites a browse search matches (the browse page's own filters)."""

    title = "Rallying: changes to the sites of a search"

    def __call__(self, request, *args, **kwargs):
        filterset = SiteFilterSet(request.GET, queryset=Site.objects.all())
        if not filterset.is_valid():
            problems = "; ".join(
                f"{name}: {' '.join(str(m) for m in messages)}"
                for name, messages in filterset.errors.items()
            )
            return HttpResponseBadRequest(
                f"This search has a problem, so it has no feed. {problems}",
                content_type="text/plain; charset=utf-8",
            )
        request.site_filterset = filterset
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request):
        return request.site_filterset

    def subtitle(self, obj):
        return "Changes to the published sites that match a search of the Rallying catalogue."

    def link(self, obj):
        query = obj.data.urlencode()
        return reverse("collaborations:site-list") + (f"?{query}" if query else "")

    def feed_url(self, obj):
        query = obj.data.urlencode()
        return reverse("collaborations:search-feed") + (f"?{query}" if query else "")

    def changes(self, obj):
        return CatalogueChange.objects.of_sites(obj.qs)
