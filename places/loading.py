"""fixtures/places.yaml into Place rows, idempotently (matched by slug)."""

from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction

from collaborations.extensions import ExtensionLoadError

from .models import Place

FILE = "places.yaml"
FIELDS = ("name", "country", "latitude", "longitude", "gazetteer_id")


class PlacesError(ExtensionLoadError):
    pass


def _degrees(value, label: str) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation as error:
        raise PlacesError(f"{FILE}: {label}: {value!r} is not a number of degrees") from error


def _rows(document: dict):
    gazetteer = document.get("gazetteer") or {}
    for key in ("name", "record_url"):
        if not gazetteer.get(key):
            raise PlacesError(f"{FILE}: gazetteer: {key} is required")
    for index, row in enumerate(document.get("places") or []):
        missing = [key for key in ("slug", *FIELDS) if key not in row and key != "country"]
        if missing:
            raise PlacesError(f"{FILE}: places[{index}]: missing {', '.join(missing)}")
        yield (
            row["slug"],
            {
                **{key: row.get(key, "") for key in FIELDS},
                "latitude": _degrees(row["latitude"], f"places[{index}]"),
                "longitude": _degrees(row["longitude"], f"places[{index}]"),
                "gazetteer_id": str(row["gazetteer_id"]),
                "gazetteer": gazetteer["name"],
                "gazetteer_url": gazetteer["record_url"].format(id=row["gazetteer_id"]),
                "licence": gazetteer.get("licence", ""),
            },
        )


def load_places(folder: Path) -> int:
    """Create or update every place of places.yaml in `folder`; 0 when there is no file."""
    file = Path(folder) / FILE
    if not file.is_file():
        return 0
    document = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    rows = list(_rows(document))
    with transaction.atomic():
        for slug, values in rows:
            try:
                Place(slug=slug, **values).full_clean(validate_unique=False)
            except ValidationError as error:
                raise PlacesError(f"{FILE}: place {slug!r}: {error.messages}") from error
            Place.objects.update_or_create(slug=slug, defaults=values)
    return len(rows)
