"""A site's API representation, stored once built: list pages and downloads stitch these
together instead of serializing every site on every request."""

from django.db import models

from .site import Site


class SiteDocument(models.Model):
    """The JSON the API gives for a site, and the version of the site it was built from.

    Not a source of truth: rows are rebuilt whenever their `version` no longer matches
    the site's (collaborations.api.documents), and may be deleted at any time.
    """

    site = models.OneToOneField(Site, on_delete=models.CASCADE, related_name="document")
    version = models.CharField(max_length=64)
    body = models.TextField(help_text="The site's JSON, with a placeholder for the origin.")

    def __str__(self):
        return f"API document of {self.site_id}"
