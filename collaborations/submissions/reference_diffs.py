"""What changed in a submission's references (a page or document, its words, the facts they
back) between a moderator's review and now.

A reference has no identity of its own: one kept word for word is unchanged; one with the
same web address, title or passage as an earlier one is that reference, changed; the rest
are added or removed.
"""

from dataclasses import dataclass

from .facts import fact_labels

PARTS = {"url": "web address", "title": "title", "passage": "passage", "facts": "facts it backs"}


@dataclass(frozen=True)
class ReferenceChange:
    kind: str  # added, changed or removed
    before: dict | None
    after: dict | None

    @property
    def changed_parts(self) -> list[str]:
        if self.before is None or self.after is None:
            return []
        return [label for key, label in PARTS.items() if self.before[key] != self.after[key]]


def shown(entry: dict) -> dict:
    """A reference as the moderator reads it: its parts, the facts by their labels."""
    labels = fact_labels()
    keys = entry.get("facts") or []
    return {
        "url": (entry.get("url") or "").strip(),
        "title": (entry.get("title") or "").strip(),
        "passage": (entry.get("passage") or "").strip(),
        "facts": [labels.get(key, key) for key in labels if key in keys]
        + sorted(key for key in keys if key not in labels),
    }


def same_reference(before: dict, after: dict) -> bool:
    return any(before[part] and before[part] == after[part] for part in ("url", "title", "passage"))


def reference_diff(before: list[dict] | None, after: list[dict] | None) -> list[ReferenceChange]:
    """Changed and added references in the submission's order, then those removed."""
    earlier = [shown(entry) for entry in before or []]
    now = [shown(entry) for entry in after or []]
    unchanged = []
    for entry in now:  # word for word first, so a copy does not pass for a change
        if entry in earlier:
            earlier.remove(entry)
            unchanged.append(entry)
    changes = []
    for entry in now:
        if entry in unchanged:
            unchanged.remove(entry)
            continue
        match = next((old for old in earlier if same_reference(old, entry)), None)
        if match is None:
            changes.append(ReferenceChange("added", None, entry))
        else:
            earlier.remove(match)
            changes.append(ReferenceChange("changed", match, entry))
    return changes + [ReferenceChange("removed", old, None) for old in earlier]
