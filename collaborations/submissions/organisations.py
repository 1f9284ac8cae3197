"""Finding or creating the organisation a submitter names as the lead."""

from django.db.models import Q

from collaborations.models import Organisation, OrganisationRole, OrganisationType, Site

from .slugs import slug_save

LEAD_ROLE_SLUG = "lead"


def organisation_named(name: str) -> Organisation | None:
    """A public organisation of the catalogue under this name or one of its aliases.

    Organisations that other people's unpublished submissions brought in are never matched:
    reusing one would tell this submitter that such a submission exists."""
    name = name.strip()
    if not name:
        return None
    return (
        Organisation.objects.public()
        .filter(Q(name__iexact=name) | Q(aliases__name__iexact=name))
        .order_by("pk")
        .first()
    )


def organisation_for_lead(
    name: str, organisation_type: OrganisationType | None
) -> Organisation | None:
    """Reuse the named public organisation, or create a private one when its type is known
    (else None). It becomes public when a moderator publishes a site naming it."""
    existing = organisation_named(name)
    if existing or organisation_type is None:
        return existing
    organisation = Organisation(
        name=name.strip(), organisation_type=organisation_type, is_public=False
    )
    organisation.full_clean(exclude=["slug"])
    slug_save(organisation, name, random_suffix=True)
    return organisation


def lead_role() -> OrganisationRole:
    """The "lead" role (the catalogue's own row; created only on an empty catalogue)."""
    role, _ = OrganisationRole.objects.get_or_create(
        slug=LEAD_ROLE_SLUG, defaults={"name": "Lead organisation"}
    )
    return role


def organisations_unused_delete(organisation_ids) -> None:
    """Forget private organisations no site names any more (a draft renamed its lead)."""
    Organisation.objects.filter(
        pk__in=list(organisation_ids), is_public=False, participations__isnull=True
    ).delete()


def site_organisations_publish(site) -> None:
    """A moderator published the site: the organisations it names are public from now on."""
    if site.status != Site.Status.PUBLISHED:
        return
    Organisation.objects.filter(participations__site=site, is_public=False).update(is_public=True)
