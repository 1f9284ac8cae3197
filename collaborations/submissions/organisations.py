"""Finding or creating the organisation a submitter names as the lead."""

from django.db.models import Q
from django.utils.text import slugify

from collaborations.models import Organisation, OrganisationRole, OrganisationType

LEAD_ROLE_SLUG = "lead"


def organisation_named(name: str) -> Organisation | None:
    """An organisation already in the catalogue under this name or one of its aliases."""
    name = name.strip()
    if not name:
        return None
    return (
        Organisation.objects.filter(Q(name__iexact=name) | Q(aliases__name__iexact=name))
        .order_by("pk")
        .first()
    )


RESERVED_SLUGS = {"lost-link", "access", "new"}


def unique_slug(model, text: str, max_length: int) -> str:
    base = (slugify(text) or "untitled")[: max_length - 8].strip("-")
    slug, n = base, 2
    while slug in RESERVED_SLUGS or model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def organisation_for_lead(
    name: str, organisation_type: OrganisationType | None
) -> Organisation | None:
    """Reuse the named organisation, or create it when its type is known (else None)."""
    existing = organisation_named(name)
    if existing or organisation_type is None:
        return existing
    organisation = Organisation(
        slug=unique_slug(Organisation, name, 80),
        name=name.strip(),
        organisation_type=organisation_type,
    )
    organisation.full_clean()
    organisation.save()
    return organisation


def lead_role() -> OrganisationRole:
    """The "lead" role (the catalogue's own row; created only on an empty catalogue)."""
    role, _ = OrganisationRole.objects.get_or_create(
        slug=LEAD_ROLE_SLUG, defaults={"name": "Lead organisation"}
    )
    return role
