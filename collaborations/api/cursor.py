"""Keyset pagination for site lists: `?cursor=` pages cost what the first page costs.

A page number makes the database count past every earlier row; a cursor names the last
row of the previous page by its sort keys (the order asked for, then the slug, which is
unique), and the next page starts strictly after it. Nulls sort last in both directions
on every database, so the cursor means the same on PostgreSQL and SQLite. A cursor is
opaque to clients: base64 of the sort keys' values and the order they belong to.
"""

import base64
import binascii
import json
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import F, Q

from .exceptions import InvalidParameters, ParameterError


@dataclass(frozen=True)
class SortKey:
    name: str
    descending: bool
    nullable: bool
    field: object = None  # the model field, to read a value back from the cursor

    def expression(self):
        column = F(self.name)
        if self.descending:
            return column.desc(nulls_last=True)
        return column.asc(nulls_last=True)

    def equal(self, value) -> Q:
        return Q(**{f"{self.name}__isnull": True}) if value is None else Q(**{self.name: value})

    def beyond(self, value) -> Q:
        """Rows strictly after `value` in this key's order (nulls come last)."""
        if value is None:
            return Q(pk__in=[])
        after = Q(**{f"{self.name}__{'lt' if self.descending else 'gt'}": value})
        return after | Q(**{f"{self.name}__isnull": True}) if self.nullable else after


def sort_keys(queryset, tie_breaker: str = "slug") -> list[SortKey]:
    """The queryset's order (or its model's default) as keys, ending with the tie-breaker."""
    names = [n for n in queryset.query.order_by if isinstance(n, str)]
    names = names or list(queryset.model._meta.ordering)
    keys, seen = [], set()
    for name in [*names, tie_breaker]:
        bare = name.lstrip("-")
        if bare in seen:
            continue
        seen.add(bare)
        try:
            field = queryset.model._meta.get_field(bare)
            nullable = field.null
        except FieldDoesNotExist:  # an annotation, such as a search rank
            field, nullable = None, False
        keys.append(SortKey(bare, name.startswith("-"), nullable, field))
    return keys


def ordered(queryset, keys: list[SortKey]):
    return queryset.order_by(*(key.expression() for key in keys))


def signature(keys: list[SortKey]) -> str:
    return ",".join(("-" if key.descending else "") + key.name for key in keys)


def encode(keys: list[SortKey], values) -> str:
    payload = {"order": signature(keys), "after": [_plain(v) for v in values]}
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def after(queryset, keys: list[SortKey], token: str):
    """The rows after the cursor `token` ('' for the first page)."""
    if not token:
        return queryset
    values = decode(keys, token)
    condition = Q(pk__in=[])
    for index, key in enumerate(keys):
        term = key.beyond(values[index])
        for earlier, value in zip(keys[:index], values[:index], strict=True):
            term &= earlier.equal(value)
        condition |= term
    return queryset.filter(condition)


def decode(keys: list[SortKey], token: str) -> list:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        payload = json.loads(raw)
        values = payload["after"]
        assert isinstance(values, list) and len(values) == len(keys)
    except (ValueError, KeyError, TypeError, AssertionError, binascii.Error):
        raise _bad(token, "is not a cursor this API gave.") from None
    if payload.get("order") != signature(keys):
        raise _bad(token, "belongs to another order: keep the `ordering` of the first page.")
    try:
        return [
            key.field.to_python(v) if key.field and v is not None else v
            for key, v in zip(keys, values, strict=True)
        ]
    except ValidationError:
        raise _bad(token, "is not a cursor this API gave.") from None


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _bad(token: str, problem: str) -> InvalidParameters:
    shown = token if len(token) <= 40 else token[:40] + "…"
    return InvalidParameters(
        [ParameterError("cursor", f"{shown!r} {problem}", "the `next` link of a previous page")]
    )
