"""Follows (a person following a site or a saved browse search) and the digests they get.

A digest is written, with the changes it covers, in the same transaction that moves its
follow's `delivered_through` past them; it is sent after that commits, and marked sent
only once the mail server took it. So a change is never lost (an unsent digest is sent
again on the next run) and never put in two digests.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse

from collaborations.models import Site


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Follow(models.Model):
    class Frequency(models.TextChoices):
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"

    INTERVALS = {
        # A little under a day or a week, so a cron job at a fixed hour always finds it due.
        Frequency.DAILY: timedelta(hours=23),
        Frequency.WEEKLY: timedelta(days=6, hours=23),
    }

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, null=True, blank=True, related_name="follows"
    )
    search = models.CharField(
        max_length=2000, blank=True, help_text="A browse search, as its query string."
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    delivered_through = models.PositiveBigIntegerField(
        default=0, help_text="The last change (its place in the change log) already in a digest."
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(site__isnull=False) & Q(search=""))
                | (Q(site__isnull=True) & ~Q(search="")),
                name="follow_site_or_search",
            ),
            models.UniqueConstraint(
                fields=["user", "site"], condition=Q(site__isnull=False), name="follow_site_once"
            ),
            models.UniqueConstraint(
                fields=["user", "search"], condition=~Q(search=""), name="follow_search_once"
            ),
        ]

    def __str__(self):
        return f"{self.user} follows {self.subject}"

    @property
    def subject(self) -> str:
        return self.site.name if self.site_id else "a search"

    @property
    def search_query(self) -> QueryDict:
        return QueryDict(self.search)

    def get_absolute_url(self):
        if self.site_id:
            return self.site.get_absolute_url()
        return f"{reverse('collaborations:site-list')}?{self.search}"

    def get_unsubscribe_url(self):
        return reverse("following:unsubscribe", args=[self.token])

    def is_due(self, now) -> bool:
        since = self.last_digest_at or self.created_at
        return now - since >= self.INTERVALS[self.frequency]


class Digest(models.Model):
    """One email about one follow: written first, sent after the commit, retried if sending
    failed."""

    follow = models.ForeignKey(Follow, on_delete=models.CASCADE, related_name="digests")
    first_change = models.PositiveBigIntegerField()
    last_change = models.PositiveBigIntegerField()
    change_count = models.PositiveIntegerField()
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(first_change__lte=models.F("last_change")),
                name="digest_changes_in_order",
            ),
            models.UniqueConstraint(fields=["follow", "first_change"], name="digest_once"),
        ]

    def __str__(self):
        return self.subject
