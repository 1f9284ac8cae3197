"""Numbered data releases: a frozen copy of the published catalogue, in files that never
change once published (their SHA-256 checksums are kept here and in the bundle)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse


class ReleaseQuerySet(models.QuerySet):
    def latest_release(self):
        return self.order_by("-major", "-minor", "-patch").first()


class Release(models.Model):
    class Level(models.TextChoices):
        MAJOR = "major", "Major"  # a field changed meaning or was removed
        MINOR = "minor", "Minor"  # new records or new fields
        PATCH = "patch", "Patch"  # corrections

    major = models.PositiveIntegerField()
    minor = models.PositiveIntegerField()
    patch = models.PositiveIntegerField()
    level = models.CharField(max_length=10, choices=Level.choices)
    reason = models.CharField(max_length=300, blank=True, help_text="Why a major release.")
    published_at = models.DateTimeField()
    through_change = models.PositiveBigIntegerField(
        help_text="The last change of the change log this release includes."
    )
    record_count = models.PositiveIntegerField()
    counts = models.JSONField(default=dict, help_text="Records by kind, and changes by kind.")
    columns = models.JSONField(default=list, help_text="The CSV columns, in order.")
    notes = models.TextField(help_text="Release notes, from the change log.")

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-major", "-minor", "-patch"]
        constraints = [
            models.UniqueConstraint(fields=["major", "minor", "patch"], name="release_version_once")
        ]

    def __str__(self):
        return f"Release {self.version}"

    @property
    def version(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def get_absolute_url(self):
        return reverse("releases:detail", args=[self.version])

    def save(self, *args, **kwargs):
        # Published means frozen: a citation of this version must always mean these files.
        if self.pk is not None:
            raise ValidationError(f"Release {self.version} is published and cannot change.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(f"Release {self.version} is published and cannot be deleted.")


class ReleaseFile(models.Model):
    release = models.ForeignKey(Release, on_delete=models.PROTECT, related_name="files")
    name = models.CharField(max_length=100)
    title = models.CharField(max_length=200)
    media_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["release", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["release", "name"], name="release_file_once")
        ]

    def __str__(self):
        return f"{self.release.version}/{self.name}"

    def get_absolute_url(self):
        return reverse("releases:file", args=[self.release.version, self.name])

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("A published release's files cannot change.")
        super().save(*args, **kwargs)
