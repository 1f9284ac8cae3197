"""Reading the fixture files and turning their entries into model values.

Every error names the file and the entry it comes from, so a researcher editing the YAML
can find the line to fix.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models

from collaborations.extensions import collected
from collaborations.models import Site

FILES = (
    "sources.yaml",
    "passages.yaml",
    "reference.yaml",
    "organisations.yaml",
    "framework.yaml",
    "research_sites.yaml",
    "findings.yaml",
)
# Files a catalogue may leave out (an empty list).
OPTIONAL_FILES = {"passages.yaml", "findings.yaml"}

# libyaml's loader when PyYAML was built with it: several times faster, same safe subset.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Columns every loader sets itself, never read from a row.
MANAGED = {
    "id",
    "site",
    "coded_by",
    "owner",
    "fact_count",
    "referenced_fact_count",
    "self_reported_fact_count",
    "search_document",
    "disputed_facts",
}


def fixture_files() -> list[str]:
    """This app's fixture files and those other apps add (collaborations.extensions)."""
    return [*FILES, *(name for name in collected("fixture_file") if name)]


class CatalogueError(Exception):
    """A fixture problem: unknown slug, missing field, invalid value."""


@dataclass(frozen=True)
class Entry:
    """Where a row comes from: file and position, for error messages."""

    file: str
    label: str

    def error(self, message: str) -> CatalogueError:
        return CatalogueError(f"{self.file}: {self.label}: {message}")

    def child(self, label: str) -> "Entry":
        return Entry(self.file, f"{self.label} > {label}")


def read_fixture_files(path: Path) -> dict[str, dict]:
    """Each fixture file's top-level mapping, by file name."""
    documents = {}
    for name in fixture_files():
        file = path / name
        if not file.is_file():
            if name in OPTIONAL_FILES:
                documents[name] = {}
                continue
            raise CatalogueError(f"{file}: fixture file missing")
        try:
            documents[name] = yaml.load(file.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
        except yaml.YAMLError as error:
            raise CatalogueError(f"{name}: not valid YAML: {error}") from error
    return documents


def entries(file: str, table: str, rows) -> list[tuple[Entry, dict]]:
    """Rows of a table, each with its Entry; every row must be a mapping."""
    if not isinstance(rows, list):
        raise CatalogueError(f"{file}: {table}: expected a list")
    result = []
    for index, row in enumerate(rows):
        name = row.get("slug") or row.get("name") if isinstance(row, dict) else None
        entry = Entry(file, f"{table}[{index}]" + (f" {name!r}" if name else ""))
        if not isinstance(row, dict):
            raise entry.error("expected a mapping")
        result.append((entry, row))
    return result


def require(row: dict, keys, entry: Entry) -> None:
    for key in keys:
        if row.get(key) in (None, "", []):
            raise entry.error(f"missing field {key!r}")


def required_fields(model) -> list[str]:
    """Columns a row must give: not nullable, not blankable, no default."""
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.name not in MANAGED
        and not (field.null or field.blank or field.has_default() or field.primary_key)
        and not getattr(field, "auto_now", False)
        and not getattr(field, "auto_now_add", False)
    ]


class Lookup:
    """Rows by slug, per model, loaded once and kept current as the loader writes."""

    def __init__(self):
        self._tables: dict[type, dict] = {}

    def _table(self, model) -> dict:
        if model not in self._tables:
            self._tables[model] = {obj.slug: obj for obj in model._default_manager.all()}
        return self._tables[model]

    def find(self, model, slug):
        return self._table(model).get(slug)

    def get(self, model, slug, entry: Entry, key: str):
        found = self.find(model, slug)
        if found is None:
            label = model._meta.verbose_name
            raise entry.error(f"unknown {label} slug {slug!r} in field {key!r}")
        return found

    def remember(self, obj) -> None:
        self._table(type(obj))[obj.slug] = obj


def field_of(model, key: str, entry: Entry):
    try:
        field = model._meta.get_field(key)
    except FieldDoesNotExist:
        field = None
    if field is None or not field.concrete or field.name in MANAGED:
        raise entry.error(f"unknown field {key!r} for {model._meta.verbose_name}")
    return field


def values_for(model, row: dict, entry: Entry, lookup: Lookup, deferred=None) -> dict:
    """Model field values from a row: foreign keys given by slug are resolved.

    Keys pointing at a Site are put in `deferred` (sites load after reference data).
    """
    values = {}
    for key, value in row.items():
        field = field_of(model, key, entry)
        if not isinstance(field, models.ForeignKey):
            values[field.name] = "" if value is None and not field.null else value
        elif value in (None, ""):
            values[field.name] = None
        elif field.related_model is Site and deferred is not None:
            deferred.append((field.name, value, entry))
        else:
            values[field.name] = lookup.get(field.related_model, value, entry, key)
    return values


def assign(obj, values: dict) -> bool:
    """Set values on obj; True if anything changed."""
    changed = False
    for name, value in values.items():
        field = obj._meta.get_field(name)
        if field.is_relation:
            differs = getattr(obj, field.attname) != (value.pk if value is not None else None)
        else:
            differs = getattr(obj, name) != value
        if differs:
            setattr(obj, name, value)
            changed = True
    return changed


def validate(obj, entry: Entry, exclude=()) -> None:
    """Field-level checks (lengths, choices, slugs); uniqueness is the database's job."""
    # Foreign keys were resolved from the loader's lookup: no need to query them again.
    exclude = [*exclude, *(f.name for f in obj._meta.concrete_fields if f.is_relation)]
    try:
        obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise entry.error(f"invalid values: {error.message_dict}") from error
