"""Release notes from the change log: what changed since the previous release."""

from collections import Counter

from django.template.loader import render_to_string

from collaborations.models import CatalogueChange

LISTED = 500  # changes listed one by one; beyond that, the notes give counts only


def changes_between(after: int, through: int):
    return CatalogueChange.objects.filter(pk__gt=after, pk__lte=through)


def change_counts(after: int, through: int) -> dict[str, int]:
    counts = Counter(changes_between(after, through).values_list("kind", flat=True))
    return {kind: counts.get(kind, 0) for kind in CatalogueChange.Kind.values}


def release_notes(*, version, previous, level_label, reason, after, through, record_count):
    changes = list(changes_between(after, through).order_by("pk")[:LISTED])
    counts = change_counts(after, through)
    return render_to_string(
        "releases/release_notes.md",
        {
            "version": version,
            "previous": previous,
            "level_label": level_label,
            "reason": reason,
            "record_count": record_count,
            "counts": [(CatalogueChange.Kind(kind).label, n) for kind, n in counts.items()],
            "groups": [
                (label, [c for c in changes if c.kind == kind])
                for kind, label in CatalogueChange.Kind.choices
            ],
            "more": sum(counts.values()) - len(changes),
        },
    )
