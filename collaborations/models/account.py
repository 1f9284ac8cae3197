"""What an account holds besides Django's user: the key its API clients send."""

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """The key an API client sends as `Authorization: Token <key>`.

    Only the key's SHA-256 is stored: it is shown once, when made, and a copy of the
    database gives nobody a working key. The first characters identify it on the page.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_token"
    )
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8, help_text="The key's first characters.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API token"

    def __str__(self):
        return f"{self.prefix}… ({self.user})"
