"""Where facts come from: source documents (or a practitioner) and quotes."""

from django.db import models
from django.urls import reverse

from .base import ReferenceQuerySet
from .statements import Statement, statement_constraints


class SourceQuerySet(ReferenceQuerySet):
    def public(self):
        """Documents and moderator codings; a practitioner's source only once the submission
        or accepted proposal it belongs to is on a published site (a draft's source would
        name an unpublished submission)."""
        from .site import Site
        from .submission import ChangeProposal, Submission

        published = Site.Status.PUBLISHED
        submission = Submission.objects.filter(source=models.OuterRef("pk"))
        proposal = ChangeProposal.objects.filter(
            source=models.OuterRef("pk"), status=ChangeProposal.Status.ACCEPTED
        )
        return self.filter(
            ~models.Q(kind=Source.Kind.PRACTITIONER)
            | models.Exists(submission.filter(site__status=published))
            | models.Exists(proposal.filter(site__status=published))
        )


class Source(models.Model):
    class Kind(models.TextChoices):
        DOCUMENT = "document", "Document"
        PRACTITIONER = "practitioner", "Practitioner (self-reported)"
        MODERATOR = "moderator", "Moderator coding"

    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.DOCUMENT)
    title = models.CharField(max_length=300)
    short_title = models.CharField(max_length=120, help_text="Used in inline citations.")
    author = models.CharField(max_length=300, blank=True)
    publisher = models.CharField(max_length=300, blank=True)
    published_on = models.DateField(null=True, blank=True)
    date_text = models.CharField(
        max_length=60, blank=True, help_text="The date as the document gives it, e.g. 2018/19."
    )
    url = models.URLField(max_length=500, blank=True)
    seed_file = models.CharField(
        max_length=120, blank=True, help_text="File in shared/seeds/ holding the document text."
    )
    description = models.TextField(blank=True)
    details_note = models.TextField(
        blank=True,
        help_text="What the document does not state about itself (no title, author or date).",
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.short_title or self.title

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("collaborations:source-detail", args=[self.slug])

    @property
    def is_self_reported(self):
        return self.kind == self.Kind.PRACTITIONER


class Quote(Statement):
    """Somebody's own words, with who said them and where they are recorded."""

    site = models.ForeignKey(
        "collaborations.Site",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quotes",
    )
    text = models.TextField()
    speaker = models.CharField(max_length=200, blank=True, help_text="Empty when anonymous.")
    speaker_role = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        "collaborations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
    )
    topic = models.CharField(max_length=200, blank=True, help_text="What the quote illustrates.")

    fact_label = "Quotes"
    value_fields = ("text",)

    class Meta:
        ordering = ["site", "pk"]
        constraints = statement_constraints()

    def __str__(self):
        who = self.speaker or "Unnamed speaker"
        return f"{who}: {self.text[:60]}"
