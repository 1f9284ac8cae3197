"""What changed in the charity and company numbers a submission gives for its lead
organisation between a moderator's review and now, shown beside the facts' changes."""

from .diffs import FactChange
from .identifiers import identifier_label, identifier_shown, identifiers_from_rows


def _by_label(rows: list | None) -> dict[str, list[str]]:
    numbers: dict[str, list[str]] = {}
    for one in identifiers_from_rows(rows):
        numbers.setdefault(identifier_label(one), []).append(identifier_shown(one))
    return numbers


def identifier_diff(before: list | None, after: list | None) -> list[FactChange]:
    """The kinds of number (charity, company) whose values differ, in the order given."""
    earlier, now = _by_label(before), _by_label(after)
    labels = list(now) + [label for label in earlier if label not in now]
    return [
        FactChange(label, label, earlier.get(label, []), now.get(label, []))
        for label in labels
        if earlier.get(label, []) != now.get(label, [])
    ]
