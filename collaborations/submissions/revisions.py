"""Revisions: a snapshot of a site's public facts after each write, with what changed."""

from django.contrib.auth.models import AbstractBaseUser

from collaborations.changelog.recording import public_changes_record
from collaborations.models import Site, SiteRevision, Source

from .diffs import changes_to_json, snapshot_diff
from .facts import facts_snapshot, site_facts_of


def site_revision_record(
    *,
    site: Site,
    author: AbstractBaseUser | None,
    note: str,
    evidence: Source | None = None,
    is_public: bool = False,
) -> SiteRevision:
    """Snapshot the site as it is now; call inside the writing transaction."""
    previous = SiteRevision.objects.filter(site=site).order_by("-number").first()
    snapshot = facts_snapshot(site_facts_of(site))
    revision = SiteRevision(
        site=site,
        number=previous.number + 1 if previous else 1,
        snapshot=snapshot,
        changes=changes_to_json(snapshot_diff(previous.snapshot if previous else {}, snapshot)),
        status=site.status,
        is_public=is_public,
        note=note[:300],
        evidence=evidence,
        author=author if author and author.is_authenticated else None,
    )
    revision.full_clean()
    revision.save()
    if is_public:
        public_changes_record(revision=revision)
    return revision


def site_revision_baseline(*, site: Site) -> None:
    """Before the first recorded change to a catalogue site, keep its state as revision 1,
    so the change log shows only what the change itself altered."""
    if not SiteRevision.objects.filter(site=site).exists():
        site_revision_record(site=site, author=None, note="As catalogued before this change")


def latest_revision(site: Site) -> SiteRevision | None:
    return SiteRevision.objects.filter(site=site).order_by("-number").first()


def site_public_revision_sync(
    *, site: Site, note: str, author: AbstractBaseUser | None = None, evidence=None
) -> SiteRevision | None:
    """Record a public revision if the site's public state differs from its last one:
    published for the first time (or again), withdrawn, or its facts changed. Writers that
    do not go through moderation (the catalogue loader, the admin) call this."""
    last = SiteRevision.objects.filter(site=site, is_public=True).order_by("-number").first()
    published = site.status == Site.Status.PUBLISHED
    was_published = last is not None and last.status == Site.Status.PUBLISHED
    if not published and not was_published:
        return None
    if published and was_published and last.snapshot == facts_snapshot(site_facts_of(site)):
        return None
    return site_revision_record(
        site=site, author=author, note=note, evidence=evidence, is_public=True
    )
