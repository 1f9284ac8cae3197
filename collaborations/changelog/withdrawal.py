"""Withdrawing a published site: it leaves every list, and the change log keeps a tombstone."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from collaborations.models import Site, SiteRevision
from collaborations.submissions.permissions import is_moderator
from collaborations.submissions.revisions import site_revision_record


def site_withdraw(*, site_id: int, moderator: AbstractBaseUser, reason: str) -> SiteRevision:
    if not is_moderator(moderator):
        raise PermissionDenied("Only moderators can withdraw a site.")
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": "Say why the site is withdrawn."}, code="required")
    with transaction.atomic():
        site = Site.objects.select_for_update().get(pk=site_id)
        if site.status != Site.Status.PUBLISHED:
            raise ValidationError("Only a published site can be withdrawn.", code="not_published")
        site.status = Site.Status.ARCHIVED
        site.save(update_fields=["status", "updated_at"])
        return site_revision_record(
            site=site, author=moderator, note=f"Withdrawn: {reason}", is_public=True
        )
