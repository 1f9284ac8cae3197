"""Places: where a locality that sites name lies, as a gazetteer records it."""

from django.db import models
from django.db.models import Q


class PlaceQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Place(models.Model):
    """A named place with the coordinates a gazetteer gives it, and that gazetteer's
    identifier for it: the citation of the point the map draws."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(
        max_length=200, unique=True, help_text="As sites write their locality (any case)."
    )
    country = models.CharField(max_length=60, blank=True)
    latitude = models.DecimalField(max_digits=8, decimal_places=5)
    longitude = models.DecimalField(max_digits=8, decimal_places=5)
    gazetteer = models.CharField(max_length=100, help_text="Where the coordinates come from.")
    gazetteer_id = models.CharField(max_length=40, help_text="The gazetteer's identifier.")
    gazetteer_url = models.URLField(max_length=300, help_text="The gazetteer's record.")
    licence = models.CharField(max_length=60, blank=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90)
                & Q(longitude__gte=-180, longitude__lte=180),
                name="place_coordinates_on_earth",
            )
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)
