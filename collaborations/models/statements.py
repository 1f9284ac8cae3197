"""Statements and their references: how every fact about a site is held.

As Wikidata ranks competing claims, a fact is a *statement*: a value, a rank (preferred,
normal, deprecated), a provenance (stated by a document, inferred by the catalogue from a
document, self-reported by the collaboration, coded by a moderator), a status (agreed or
disputed) and references. A reference points at a Passage: the exact words of a source at a
locator. Competing statements sit side by side; a correction adds a statement and never
rewrites another source's.

Both apps build on these classes (accountability's facts are statements too).
"""

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse


class Rank(models.TextChoices):
    PREFERRED = "preferred", "Preferred"
    NORMAL = "normal", "Normal"
    DEPRECATED = "deprecated", "Deprecated"


class Provenance(models.TextChoices):
    RESEARCH = "research", "Stated in a document"
    INFERRED = "inferred", "Inferred from a document by the catalogue"
    SELF_REPORTED = "self-reported", "Self-reported by the collaboration"
    MODERATOR = "moderator", "Coded by a moderator"


class Status(models.TextChoices):
    AGREED = "agreed", "Agreed"
    DISPUTED = "disputed", "Disputed"


class PassageQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Passage(models.Model):
    """The exact words of a source at a locator, cited by one or more statements."""

    slug = models.SlugField(max_length=120, unique=True)
    source = models.ForeignKey(
        "collaborations.Source", on_delete=models.PROTECT, related_name="passages"
    )
    locator = models.CharField(
        max_length=300, help_text="The heading, slide or box the passage sits under."
    )
    excerpt = models.TextField(help_text="Verbatim, as the source prints it.")
    url = models.URLField(max_length=500, blank=True, help_text="Where a reader can find it.")
    position = models.PositiveIntegerField(default=0, help_text="Order in the document.")

    objects = PassageQuerySet.as_manager()

    class Meta:
        ordering = ["source", "position", "pk"]

    def __str__(self):
        return f"{self.source}, {self.locator}: {self.excerpt[:60]}"

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("collaborations:source-detail", args=[self.source.slug]) + f"#{self.slug}"


class Reference(models.Model):
    """One passage supporting one statement (of any fact model)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    statement = GenericForeignKey("content_type", "object_id")
    passage = models.ForeignKey(Passage, on_delete=models.PROTECT, related_name="references")
    # The statement's site, stored so that one query fetches a page of sites' references.
    site = models.ForeignKey(
        "collaborations.Site",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="statement_references",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "passage"], name="unique_statement_passage"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="reference_statement")]

    def __str__(self):
        return str(self.passage)


class Statement(models.Model):
    """A fact with its rank, provenance, status and references.

    `source` and `locator` are the statement's citation: who states it (a document, the
    collaboration, a moderator) and where; `references` hold the supporting passages.
    """

    source = models.ForeignKey(
        "collaborations.Source", on_delete=models.PROTECT, related_name="%(class)s_facts"
    )
    locator = models.CharField(
        max_length=300,
        blank=True,
        help_text="Where in the source: section, slide or table heading.",
    )
    note = models.TextField(blank=True, help_text="A caveat for readers, in plain words.")
    rank = models.CharField(max_length=12, choices=Rank.choices, default=Rank.NORMAL)
    rank_reason = models.CharField(
        max_length=500, blank=True, help_text="Why preferred or deprecated; shown to readers."
    )
    provenance = models.CharField(
        max_length=16, choices=Provenance.choices, default=Provenance.RESEARCH
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.AGREED)
    references = GenericRelation(Reference)

    # The fields holding the statement's value; statements of one site with the same
    # `property_fields` values compete (e.g. two sources' funding types).
    value_fields: tuple[str, ...] = ()
    property_fields: tuple[str, ...] = ()
    # How a reader names the fact, and whether sources' values for it compete (see
    # collaborations.evidence).
    fact_label = "Fact"
    competes = False

    class Meta:
        abstract = True

    @property
    def citation(self):
        return f"{self.source.short_title}, {self.locator}" if self.locator else str(self.source)

    @property
    def is_preferred(self):
        return self.rank == Rank.PREFERRED

    @property
    def is_deprecated(self):
        return self.rank == Rank.DEPRECATED

    @property
    def is_disputed(self):
        return self.status == Status.DISPUTED

    def value_key(self) -> tuple:
        return tuple(getattr(self, self._meta.get_field(f).attname) for f in self.value_fields)

    def property_key(self) -> tuple:
        return tuple(getattr(self, self._meta.get_field(f).attname) for f in self.property_fields)


def statement_constraints(*value_fields: str) -> list:
    """Every fact model's invariants: a deprecated statement says why, and (given the value
    fields) a source states a value for a site once."""
    constraints = [
        models.CheckConstraint(
            condition=~Q(rank=Rank.DEPRECATED) | ~Q(rank_reason=""),
            name="%(app_label)s_%(class)s_deprecated_reason",
        )
    ]
    if value_fields:
        constraints.append(
            models.UniqueConstraint(
                fields=["site", *value_fields, "source"],
                name="%(app_label)s_%(class)s_unique_value",
            )
        )
    return constraints


def one_preferred_per_site(name: str):
    """For codings: the site is filed under exactly one preferred value."""
    return models.UniqueConstraint(fields=["site"], condition=Q(rank=Rank.PREFERRED), name=name)
