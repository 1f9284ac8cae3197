"""Abstract building block of reference tables.

Reference data (typologies, drivers, funding types...) are rows, never choice lists, so a
researcher can add one in the admin without a deploy. Each row names the source that
defines it, and its references hold the supporting passages.
"""

from urllib.parse import urlencode

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse

from .statements import Reference


class ReferenceQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class ReferenceManager(models.Manager.from_queryset(ReferenceQuerySet)):
    pass


class ReferenceItem(models.Model):
    """A row of reference data: a slug for URLs and the API, a name, a definition."""

    # Query parameter of the browse page and API that filters by this table (None: not a facet).
    facet: str | None = None

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in lists.")
    source = models.ForeignKey(
        "collaborations.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The document that defines this value.",
    )
    locator = models.CharField(
        max_length=300, blank=True, help_text="Where in the source: section or slide heading."
    )
    note = models.TextField(blank=True, help_text="Disagreements between sources, caveats.")
    references = GenericRelation(Reference)

    objects = ReferenceManager()

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        """The browse page filtered by this value."""
        if not self.facet:
            return reverse("collaborations:site-list")
        query = urlencode({self.facet: self.slug})
        return f"{reverse('collaborations:site-list')}?{query}"
