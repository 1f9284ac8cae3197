"""What the documents say about the study and the field as a whole, not about one site:
the study's criteria, scope, period and caveats; how measurement is changing; figures."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.text import Truncator

from collaborations.extensions import finding_page

from .base import ReferenceItem, ReferenceQuerySet
from .statements import Reference


class Topic(ReferenceItem):
    """A heading findings are grouped under ("Selection criteria", "Figures")."""

    page = models.SlugField(
        max_length=40, help_text="The page that shows this topic: study, accountability..."
    )

    class Meta(ReferenceItem.Meta):
        ordering = ["page", "position", "name"]


class Finding(models.Model):
    """One finding, in the document's words or a faithful paraphrase, with its references."""

    slug = models.SlugField(max_length=100, unique=True)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="findings")
    title = models.CharField(max_length=300, blank=True)
    text = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)
    source = models.ForeignKey(
        "collaborations.Source", on_delete=models.PROTECT, related_name="findings"
    )
    locator = models.CharField(max_length=300, blank=True)
    note = models.TextField(blank=True)
    references = GenericRelation(Reference)

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["topic__position", "position", "pk"]

    def __str__(self):
        return self.title or self.text[:60]

    def natural_key(self):
        return (self.slug,)

    @property
    def short_name(self) -> str:
        """Its title, else its text cut to about thirty words (for links to it)."""
        return self.title or Truncator(self.text).words(30)

    def get_absolute_url(self) -> str:
        """Its place on the page that shows its topic ("" if no page shows it)."""
        page = finding_page(self.topic.page)
        if page is None:
            return ""
        try:
            return f"{reverse(page[0])}#finding-{self.slug}"
        except NoReverseMatch:
            return ""
