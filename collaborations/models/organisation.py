"""Organisations the documents name, and the sites they take part in."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse

from .base import ReferenceQuerySet
from .reference import OrganisationType
from .statements import Reference


class OrganisationQuerySet(ReferenceQuerySet):
    def public(self):
        """Hide organisations a practitioner's submission brought in until a moderator
        publishes a site naming them: naming them would give the submission away."""
        return self.filter(is_public=True)


class Organisation(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    organisation_type = models.ForeignKey(
        OrganisationType, on_delete=models.PROTECT, related_name="organisations"
    )
    description = models.TextField(blank=True)
    website = models.URLField(max_length=500, blank=True)
    is_public = models.BooleanField(
        default=True,
        help_text="Off for an organisation first named by a practitioner's submission, until "
        "a moderator publishes a site that names it.",
    )
    references = GenericRelation(Reference)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            # The organisations API's pages (public ones by name), read from the index.
            models.Index(fields=["name", "id"], condition=Q(is_public=True), name="org_public_name")
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("collaborations:organisation-detail", args=[self.slug])


class OrganisationAlias(models.Model):
    """Another name a document uses for the organisation."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "organisation aliases"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_org_alias")
        ]

    def __str__(self):
        return self.name
