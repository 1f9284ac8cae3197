"""What changed between two snapshots of a site's facts."""

from dataclasses import asdict, dataclass

from .facts import fact_labels, single_valued_keys


@dataclass(frozen=True)
class FactChange:
    key: str
    label: str
    before: list[str]
    after: list[str]

    @property
    def added(self) -> list[str]:
        return [value for value in self.after if value not in self.before]

    @property
    def removed(self) -> list[str]:
        return [value for value in self.before if value not in self.after]

    @property
    def is_single_valued(self) -> bool:
        return self.key in single_valued_keys()


def snapshot_diff(before: dict, after: dict) -> list[FactChange]:
    """The facts whose values differ, in page order."""
    labels = fact_labels()
    keys = list(labels) + sorted((set(before) | set(after)) - set(labels))
    return [
        FactChange(key, labels.get(key, key), before.get(key, []), after.get(key, []))
        for key in keys
        if before.get(key, []) != after.get(key, [])
    ]


def changes_to_json(changes: list[FactChange]) -> list[dict]:
    return [asdict(change) for change in changes]


def changes_from_json(rows: list[dict]) -> list[FactChange]:
    return [FactChange(**row) for row in rows]
