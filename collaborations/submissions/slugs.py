"""Slugs for rows that submissions create, reserved by the database's unique constraint.

Looking for a free slug and then inserting is a race: two people sending the same name at
the same moment both find "x" free and the second insert fails. So the row is inserted
inside a savepoint and, if the unique constraint refuses the slug, the next candidate is
tried; the surrounding transaction (and the submission) carries on.

Practitioners' sites and organisations get a short random suffix: a sequential "-2" would
tell a submitter that someone else's unpublished submission of that name exists.
"""

import secrets

from django.db import IntegrityError, models, transaction
from django.utils.text import slugify

RESERVED_SLUGS = {"lost-link", "access", "new"}
ATTEMPTS = 12
SUFFIX_ROOM = 8  # "-" and the suffix fit within the field's max_length


class SlugUnavailable(Exception):
    """Every candidate was taken (only under an implausible storm of equal names)."""


def slug_base(text: str, max_length: int) -> str:
    return (slugify(text) or "untitled")[: max_length - SUFFIX_ROOM].strip("-")


def _first_free(model, base: str) -> str:
    slug, n = base, 2
    while slug in RESERVED_SLUGS or model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def suffix() -> str:
    return secrets.token_hex(2)


def _candidate(model, base: str, random_suffix: bool) -> str:
    if random_suffix:
        return f"{base}-{suffix()}"
    return _first_free(model, base)


def slug_save(instance: models.Model, text: str, *, random_suffix: bool = False) -> None:
    """Insert `instance` under a slug made from `text` that no other row holds.

    Validate the instance (full_clean(exclude=["slug"])) before calling this.
    """
    model = type(instance)
    base = slug_base(text, model._meta.get_field("slug").max_length)
    for _ in range(ATTEMPTS):
        instance.slug = _candidate(model, base, random_suffix)
        if instance.slug in RESERVED_SLUGS:
            continue
        try:
            with transaction.atomic():  # a savepoint: a refused insert leaves the rest intact
                instance.save(force_insert=True)
            return
        except IntegrityError:
            if not model.objects.filter(slug=instance.slug).exists():
                raise  # another constraint refused the row: not ours to retry
    raise SlugUnavailable(f"No free slug for {text!r} after {ATTEMPTS} attempts.")
