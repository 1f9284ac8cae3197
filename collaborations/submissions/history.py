"""A site's recorded history for moderators: every change by anyone, from simple_history.

Site fields come from Site.history, each record compared with the one before it; fact rows
from the historical tables registered in collaborations.models.fact_history. A fixed
number of queries: one per historical table, each capped.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import models

from collaborations.models import Site
from collaborations.models.fact_history import fact_history_models

RECORD_LIMIT = 200
SITE_FIELDS_SHOWN = [
    "name",
    "status",
    "kind",
    "summary",
    "scope",
    "locality",
    "region",
    "local_authority",
    "initiated_by",
    "study_depth",
    "permanence",
    "start_year",
    "website",
    "owner",
    "published_at",
]
HISTORY_TYPES = {"+": "added", "~": "changed", "-": "removed"}


@dataclass(frozen=True)
class ChangeRecord:
    when: datetime
    who: str
    action: str
    what: str
    detail: str


def _who(record) -> str:
    return str(record.history_user) if record.history_user_id else "system or data load"


def _value(record, name: str) -> str:
    value = getattr(record, name)
    return "" if value is None else str(value)


def site_field_records(site: Site) -> list[ChangeRecord]:
    related = ["history_user", "region", "initiated_by", "study_depth", "owner"]
    records = list(site.history.select_related(*related).order_by("-history_date")[:RECORD_LIMIT])
    changes = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changed = [
            f for f in SITE_FIELDS_SHOWN if older is None or _value(newer, f) != _value(older, f)
        ]
        if older is not None and not changed:
            continue
        detail = "; ".join(
            f"{f}: {_value(older, f)} → {_value(newer, f)}" if older else f"{f}: {_value(newer, f)}"
            for f in changed
            if older is not None or _value(newer, f)
        )
        changes.append(
            ChangeRecord(
                newer.history_date,
                _who(newer),
                HISTORY_TYPES.get(newer.history_type, newer.history_type),
                "Site",
                detail,
            )
        )
    return changes


def _foreign_keys(historical_model) -> list[str]:
    return [
        f.name
        for f in historical_model._meta.get_fields()
        if isinstance(f, models.ForeignKey) and f.name not in {"site", "history_relation"}
    ]


def _describe(record, foreign_keys: list[str]) -> str:
    shown = [name for name in foreign_keys if name not in {"history_user", "source", "coded_by"}]
    parts = [str(getattr(record, name)) for name in shown if getattr(record, f"{name}_id")]
    for name in ("name", "text", "field", "detail", "locator"):
        if hasattr(record, name) and getattr(record, name):
            parts.append(f"{name}: {getattr(record, name)}")
    if getattr(record, "source_id", None):
        parts.append(f"cited: {record.source}")
    return "; ".join(parts)


def fact_row_records(site: Site) -> list[ChangeRecord]:
    changes = []
    for historical_model in fact_history_models():
        foreign_keys = _foreign_keys(historical_model)
        rows = (
            historical_model.objects.filter(site_id=site.pk)
            .select_related(*foreign_keys)
            .order_by("-history_date")[:RECORD_LIMIT]
        )
        label = historical_model.instance_type._meta.verbose_name
        changes += [
            ChangeRecord(
                row.history_date,
                _who(row),
                HISTORY_TYPES.get(row.history_type, row.history_type),
                label[:1].upper() + label[1:],
                _describe(row, foreign_keys),
            )
            for row in rows
        ]
    return changes


def site_change_records(site: Site) -> list[ChangeRecord]:
    records = site_field_records(site) + fact_row_records(site)
    return sorted(records, key=lambda record: record.when, reverse=True)[:RECORD_LIMIT]
