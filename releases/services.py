"""Publishing a numbered release (python manage.py release)."""

import shutil
import uuid
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from collaborations.api.columns import SITE_HEADERS
from collaborations.models import CatalogueChange, Site
from collaborations.pages.citation import Citation

from . import files
from .models import Release, ReleaseFile
from .notes import change_counts, release_notes
from .versioning import next_version


def releases_dir() -> Path:
    return Path(settings.RELEASES_DIR)


def release_folder(version: str) -> Path:
    return releases_dir() / version


def release_citation(release: Release, url: str) -> Citation:
    return Citation(
        key=f"rallying_data_{release.version.replace('.', '_')}",
        title="Rallying: a catalogue of collaborations in local public services (data release)",
        version_label=f"version {release.version}",
        version=release.version,
        issued=timezone.localdate(release.published_at),
        url=url,
        is_dataset=True,
    )


def _counts(record_count: int, changes: dict) -> dict:
    kinds = dict.fromkeys(Site.Kind.values, 0)
    for kind in Site.public.order_by().values_list("kind", flat=True):
        kinds[kind] += 1
    return {"records": record_count, "records_by_kind": kinds, "changes": changes}


def release_publish(*, major_reason: str = "") -> Release:
    """Freeze the published catalogue as the next release: files first (in a scratch
    folder), then the rows, then the folder moved into place before the commit."""
    through = CatalogueChange.objects.aggregate(newest=Max("pk"))["newest"] or 0
    previous = Release.objects.latest_release()
    after = previous.through_change if previous else 0
    counts = change_counts(after, through)
    version = next_version(previous, columns=SITE_HEADERS, counts=counts, major_reason=major_reason)
    now = timezone.now()
    release = Release(
        major=version.major,
        minor=version.minor,
        patch=version.patch,
        level=version.level,
        reason=version.why[:300],
        published_at=now,
        through_change=through,
        record_count=0,
        columns=list(SITE_HEADERS),
    )
    url = settings.SITE_URL + release.get_absolute_url()
    scratch = releases_dir() / f".building-{uuid.uuid4().hex}"
    scratch.mkdir(parents=True)
    try:
        release.record_count = files.write_data(scratch)
        release.counts = _counts(release.record_count, counts)
        release.notes = release_notes(
            version=release.version,
            previous=previous,
            level_label=release.get_level_display(),
            reason=version.why,
            after=after,
            through=through,
            record_count=release.record_count,
        )
        (scratch / "RELEASE_NOTES.md").write_text(release.notes, encoding="utf-8")
        files.write_citations(scratch, release_citation(release, url))
        written = files.finish(scratch, version=release.version, created=now.isoformat(), url=url)
        _save(release, written, scratch)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return release


def _save(release: Release, written: list, scratch: Path) -> None:
    target = release_folder(release.version)
    with transaction.atomic():
        try:
            with transaction.atomic():
                release.save()
        except IntegrityError as error:
            raise IntegrityError(
                f"Release {release.version} was published a moment ago by another process."
            ) from error
        ReleaseFile.objects.bulk_create(
            ReleaseFile(release=release, position=i, **vars(w)) for i, w in enumerate(written)
        )
        if target.exists():
            raise FileExistsError(f"{target} already exists; nothing was published.")
        scratch.rename(target)
        try:
            for path in target.iterdir():
                path.chmod(0o444)  # published files are never rewritten
        except BaseException:
            target.rename(scratch)  # so the caller removes it with the rolled-back release
            raise
