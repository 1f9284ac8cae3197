"""The public change log: one row per change to a published record, in publication order.

The primary key is the log's sequence: rows are written under a lock held until the
writing transaction commits (collaborations.changelog.recording), so a reader never sees
a row appear behind one it has already read. API clients sync by asking for the rows
after the last one they saw.
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone

from .site import Site
from .submission import SiteRevision


class CatalogueChangeQuerySet(models.QuerySet):
    def after(self, sequence: int):
        return self.filter(pk__gt=sequence)

    def of_site(self, slug: str):
        return self.filter(site_slug=slug)

    def new_sites(self):
        return self.filter(kind=CatalogueChange.Kind.CREATED)

    def of_sites(self, sites):
        """Changes to any of the given sites (a queryset, evaluated as a subquery)."""
        return self.filter(site__in=sites.order_by().values("pk"))


class CatalogueChange(models.Model):
    class Kind(models.TextChoices):
        CREATED = "site-created", "Site created"
        FACT_ADDED = "fact-added", "Fact added"
        FACT_CORRECTED = "fact-corrected", "Fact corrected"
        WITHDRAWN = "site-withdrawn", "Site withdrawn"

    # Kept on the row so a tombstone still names its site if the site row goes.
    site = models.ForeignKey(
        Site, on_delete=models.SET_NULL, null=True, blank=True, related_name="public_changes"
    )
    site_slug = models.SlugField(max_length=100, db_index=True)
    site_name = models.CharField(max_length=200)
    revision = models.ForeignKey(
        SiteRevision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="public_changes",
    )
    revision_number = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    label = models.CharField(max_length=100, blank=True, help_text="Which fact changed.")
    before = models.JSONField(default=list, blank=True)
    after = models.JSONField(default=list, blank=True)
    note = models.CharField(max_length=300, blank=True, help_text="Why, as the revision says.")
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = CatalogueChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]
        indexes = [models.Index(fields=["site_slug", "id"], name="change_site_sequence")]

    def __str__(self):
        return self.summary

    @property
    def sequence(self) -> int:
        return self.pk

    @property
    def added(self) -> list:
        return [value for value in self.after if value not in self.before]

    @property
    def removed(self) -> list:
        return [value for value in self.before if value not in self.after]

    @property
    def is_tombstone(self) -> bool:
        return self.kind == self.Kind.WITHDRAWN

    @property
    def summary(self) -> str:
        """One line a reader understands without the page around it."""
        if self.kind == self.Kind.CREATED:
            return f"{self.site_name} added to the catalogue"
        if self.kind == self.Kind.WITHDRAWN:
            return f"{self.site_name} withdrawn from the catalogue"
        verb = "corrected" if self.kind == self.Kind.FACT_CORRECTED else "added"
        return f"{self.site_name}: {self.label.lower() if self.label else 'a fact'} {verb}"

    def get_absolute_url(self):
        """The revision that made the change (the page as it was just after it); for a
        withdrawal, the site's entries in the change log."""
        if self.is_tombstone:
            return f"{reverse('collaborations:change-list')}?site={self.site_slug}"
        return reverse("collaborations:site-revision", args=[self.site_slug, self.revision_number])
