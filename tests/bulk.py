"""Writing many rows fast, for generated test and benchmark catalogues.

Rows are plain dicts keyed by field name; columns a model has but a row leaves out take
the field's default, and keys the model lacks are ignored (so a generator keeps working
when a model gains or loses a column). PostgreSQL gets COPY, SQLite executemany; both in
batches, so memory stays flat whatever the number of rows. Primary keys are the caller's
(`next_ids`, so facts can point at their site without reading it back) or the next free ones.
"""

import functools
import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import count, islice
from operator import itemgetter

from django.db import connection
from django.db.models import JSONField
from django.utils import timezone

BATCH = 20_000
COPY_CHUNK = 256 * 1024  # characters handed to COPY at a time


def next_ids(model, n: int) -> range:
    """n fresh primary keys for `model`, after every existing one."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        first = cursor.fetchone()[0] + 1
    return range(first, first + n)


def _numbered(model, rows: Iterable[dict]) -> Iterator[dict]:
    """Rows with a primary key: the caller's, or the next free one."""
    ids = count(next_ids(model, 0).start)
    for row in rows:
        if "id" not in row:
            row["id"] = next(ids)
        yield row


def _defaults(model, now) -> dict:
    values = {}
    for field in model._meta.concrete_fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            values[field.attname] = now
        elif isinstance(field, JSONField) and field.has_default():
            values[field.attname] = json.dumps(field.get_default())  # as the column stores it
        elif field.has_default():
            values[field.attname] = field.get_default()
        elif field.null:
            values[field.attname] = None
        else:
            values[field.attname] = ""
    return values


def insert_rows(model, rows: Iterable[dict], *, history: bool = False) -> int:
    """Insert `rows` into `model`'s table (and its history table, as creations)."""
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields]
    columns = [f.column for f in fields]
    defaults = _defaults(model, now)
    names = [f.attname for f in fields]
    tables = [(model._meta.db_table, columns)]
    history_model = model.history.model if history else None
    if history_model is not None:
        history_fields = [f for f in history_model._meta.concrete_fields if not f.primary_key]
        history_defaults = {
            **_defaults(history_model, now),
            "history_date": now,
            "history_type": "+",
        }
        history_names = [f.attname for f in history_fields]
        tables.append((history_model._meta.db_table, [f.column for f in history_fields]))
    total = 0
    rows = _numbered(model, rows)
    while batch := list(islice(rows, BATCH)):
        full = [{**defaults, **row} for row in batch]
        _write(tables[0], map(itemgetter(*names), full))
        if history_model is not None:
            history_rows = (
                {**history_defaults, **row, "history_relation_id": row["id"]} for row in full
            )
            _write(tables[1], map(itemgetter(*history_names), history_rows))
        total += len(batch)
    _reset_sequence(model)
    return total


@contextmanager
def unchecked_foreign_keys():
    """Skip PostgreSQL's per-row foreign-key checks while writing rows that are consistent
    by construction (a superuser only; others keep the checks, just slower)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        allowed = cursor.fetchone()[0]
        if allowed:
            cursor.execute("SET session_replication_role = replica")
        try:
            yield
        finally:
            if allowed:
                cursor.execute("SET session_replication_role = DEFAULT")


def _write(table_columns, values: Iterator[list]) -> None:
    table, columns = table_columns
    if connection.vendor == "postgresql":
        _copy(table, columns, values)
    else:
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({marks})"
        with connection.cursor() as cursor:
            cursor.executemany(sql, [[_sqlite(v) for v in row] for row in values])


def _sqlite(value):
    if hasattr(value, "tzinfo"):
        return connection.ops.adapt_datetimefield_value(value)
    return value


def _copy(table, columns, values) -> None:
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(
            f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN",
            _CopyLines(values),
            size=COPY_CHUNK,
        )


class _CopyLines(io.TextIOBase):
    """The rows in COPY's text format, formatted as PostgreSQL asks for more: the server
    stores one chunk while this process formats the next (two cores, not one after the
    other)."""

    def __init__(self, rows):
        self._lines = (
            "\t".join([_COPY_TEXT.get(type(v), _copy_other)(v) for v in row]) + "\n" for row in rows
        )

    def read(self, size=-1) -> str:
        chunk, length = [], 0
        for line in self._lines:
            chunk.append(line)
            length += len(line)
            if 0 <= size <= length:
                break
        return "".join(chunk)

    def readable(self) -> bool:
        return True


def _copy_str(text: str) -> str:
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        for raw, escaped in (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r")):
            text = text.replace(raw, escaped)
    return text


@functools.lru_cache(maxsize=4096)
def _copy_other(value) -> str:
    """Dates and the like: few distinct values, so each is formatted once."""
    return _copy_str(value.isoformat() if hasattr(value, "isoformat") else str(value))


# COPY's text format: \N is NULL, booleans are t and f, and \ tab newline are escaped.
_COPY_TEXT = {
    type(None): lambda value: "\\N",
    bool: lambda value: "t" if value else "f",
    int: str,
    str: _copy_str,
}


def _reset_sequence(model) -> None:
    """Explicit keys leave PostgreSQL's sequences behind; SQLite catches up by itself."""
    if connection.vendor != "postgresql":
        return
    models = [model] + ([model.history.model] if hasattr(model, "history") else [])
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(_NoStyle(), models):
            cursor.execute(statement)


class _NoStyle:
    def __getattr__(self, name):
        return lambda text: text
