"""Revisions for sites written by the catalogue loader rather than through moderation."""

from collaborations.models import Site, SiteRevision
from collaborations.submissions.revisions import site_public_revision_sync


def _note(site: Site) -> str:
    if site.status != Site.Status.PUBLISHED:
        return "Withdrawn from the catalogue"
    if SiteRevision.objects.filter(site=site, is_public=True).exists():
        return "Updated from its source documents"
    return "Catalogued from its source documents"


def catalogue_revisions_record(sites: list[Site]) -> None:
    """A public revision (and change log entries) for each loaded site whose public state
    changed; loading again with nothing changed records nothing."""
    for site in sites:
        site_public_revision_sync(site=site, note=_note(site))
