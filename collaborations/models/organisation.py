"""Organisations the documents name, and the sites they take part in."""

from django.db import models
from django.urls import reverse

from .base import ReferenceQuerySet
from .reference import OrganisationType


class OrganisationQuerySet(ReferenceQuerySet):
    def public(self):
        """Hide organisations known only from unpublished sites (a practitioner's draft or
        a rejected submission): naming them would give the submission away."""
        from .facts import SiteOrganisation

        participations = SiteOrganisation.objects.filter(organisation=models.OuterRef("pk"))
        published = participations.filter(site__status="published")
        return self.exclude(models.Exists(participations) & ~models.Exists(published))


class Organisation(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    organisation_type = models.ForeignKey(
        OrganisationType, on_delete=models.PROTECT, related_name="organisations"
    )
    description = models.TextField(blank=True)
    website = models.URLField(max_length=500, blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

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
