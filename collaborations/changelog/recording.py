"""Writing the public change log.

Every public revision of a site is compared with the site's previous public revision: the
first one (or the first after a withdrawal) is "site created", a public revision of a site
that is no longer published is "site withdrawn", and otherwise each fact that differs is
"fact added" (only new values) or "fact corrected" (a value changed or removed).
"""

from django.db import connection, transaction

from collaborations.models import CatalogueChange, Site, SiteRevision
from collaborations.submissions.diffs import snapshot_diff

Kind = CatalogueChange.Kind
# Any constant: the PostgreSQL advisory lock that orders writers of the change log.
CHANGE_LOG_LOCK = 7_301_113


def _lock_change_log() -> None:
    """Hold writers of the log one behind another until each commits, so the sequence
    (the primary key) and the time stamps grow in the order rows become visible. SQLite
    already serialises every write transaction."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHANGE_LOG_LOCK])


def previous_public_revision(revision: SiteRevision) -> SiteRevision | None:
    return (
        SiteRevision.objects.filter(
            site_id=revision.site_id, is_public=True, number__lt=revision.number
        )
        .order_by("-number")
        .first()
    )


def _was_published(revision: SiteRevision | None) -> bool:
    return revision is not None and revision.status == Site.Status.PUBLISHED


def _entries(revision: SiteRevision, previous: SiteRevision | None) -> list[dict]:
    published = revision.status == Site.Status.PUBLISHED
    if not published:
        return [{"kind": Kind.WITHDRAWN}] if _was_published(previous) else []
    if not _was_published(previous):
        return [{"kind": Kind.CREATED}]
    return [
        {
            "kind": Kind.FACT_CORRECTED if change.removed else Kind.FACT_ADDED,
            "label": change.label[:100],
            "before": change.before,
            "after": change.after,
        }
        for change in snapshot_diff(previous.snapshot, revision.snapshot)
    ]


def public_changes_record(*, revision: SiteRevision) -> list[CatalogueChange]:
    """Log what a public revision changed; call inside the transaction that wrote it."""
    entries = _entries(revision, previous_public_revision(revision))
    if not entries:
        return []
    with transaction.atomic():
        _lock_change_log()
        site = revision.site
        return [
            CatalogueChange.objects.create(
                site=site,
                site_slug=site.slug,
                site_name=site.name,
                revision=revision,
                revision_number=revision.number,
                note=revision.note,
                **entry,
            )
            for entry in entries
        ]
