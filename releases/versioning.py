"""Semantic versions for data: major when a field changes meaning (the publisher says so)
or a field is removed; minor for new records or new fields; patch for corrections and
withdrawals."""

from dataclasses import dataclass

from collaborations.models import CatalogueChange

from .models import Release


class NothingToRelease(Exception):
    pass


@dataclass(frozen=True)
class NextVersion:
    major: int
    minor: int
    patch: int
    level: str
    why: str


def next_version(
    previous: Release | None, *, columns: list[str], counts: dict, major_reason: str = ""
) -> NextVersion:
    if previous is None:
        return NextVersion(1, 0, 0, Release.Level.MAJOR, "The first release.")
    removed = [c for c in previous.columns if c not in columns]
    added = [c for c in columns if c not in previous.columns]
    if major_reason or removed:
        why = major_reason or f"Fields removed: {', '.join(removed)}."
        return NextVersion(previous.major + 1, 0, 0, Release.Level.MAJOR, why)
    if added or counts.get(CatalogueChange.Kind.CREATED):
        why = f"New fields: {', '.join(added)}." if added else "New records."
        return NextVersion(previous.major, previous.minor + 1, 0, Release.Level.MINOR, why)
    if any(counts.values()):
        patch = previous.patch + 1
        return NextVersion(
            previous.major, previous.minor, patch, Release.Level.PATCH, "Corrections."
        )
    raise NothingToRelease(
        f"Nothing has changed since release {previous.version}: no change to the published "
        "records and no new or removed field."
    )
