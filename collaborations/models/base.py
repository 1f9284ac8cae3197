"""Abstract building blocks: reference tables and cited facts.

Reference data (typologies, drivers, funding types...) are rows, never choice lists, so a
researcher can add one in the admin without a deploy. Every fact about a site is a row
that names the Source it comes from and where in that source (the locator).
"""

from urllib.parse import urlencode

from django.db import models
from django.urls import reverse


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


class CitedFact(models.Model):
    """A fact with its provenance: which source says it, and where."""

    source = models.ForeignKey(
        "collaborations.Source", on_delete=models.PROTECT, related_name="%(class)s_facts"
    )
    locator = models.CharField(
        max_length=300,
        blank=True,
        help_text="Where in the source: section, slide or table heading.",
    )
    note = models.TextField(blank=True)

    class Meta:
        abstract = True

    @property
    def citation(self):
        return f"{self.source.short_title}, {self.locator}" if self.locator else str(self.source)
