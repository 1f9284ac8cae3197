"""Writing and sending digests (python manage.py send_digests, from cron).

Two steps. `digests_prepare` writes, for each follow that is due and has new changes, one
Digest holding them and moves the follow past them, in one transaction per follow.
`digests_deliver` then sends every digest not yet sent, each under a row lock, and marks
it sent only after the mail server accepted it; a failure is recorded and the digest is
tried again on the next run. Nothing is sent inside the transaction that writes a digest.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from collaborations.filters import SiteFilterSet
from collaborations.models import CatalogueChange, Site

from .models import Digest, Follow

log = logging.getLogger(__name__)
CHANGES_PER_DIGEST = 200
BATCH = 500


@dataclass
class DigestRun:
    prepared: int = 0
    sent: int = 0
    failed: int = 0

    def line(self) -> str:
        return f"Digests: {self.prepared} written, {self.sent} sent, {self.failed} failed."


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _changes_of(follow: Follow):
    changes = CatalogueChange.objects.all()
    if follow.site_id:
        return changes.of_site(follow.site.slug)
    filterset = SiteFilterSet(follow.search_query, queryset=Site.objects.all())
    if not filterset.is_valid():  # a reference value has gone since: follow nothing
        return changes.none()
    return changes.of_sites(filterset.qs)


def _render(follow: Follow, changes: list) -> tuple[str, str]:
    what = follow.site.name if follow.site_id else "the sites of your saved search"
    subject = f"[Rallying] {len(changes)} change{'s' if len(changes) != 1 else ''} to {what}"
    body = render_to_string(
        "following/emails/digest.txt",
        {
            "follow": follow,
            "what": what,
            "changes": [(c, absolute(c.get_absolute_url())) for c in changes],
            "follow_url": absolute(follow.get_absolute_url()),
            "unsubscribe_url": absolute(follow.get_unsubscribe_url()),
            "manage_url": absolute(reverse("following:list")),
        },
    )
    return " ".join(subject.split())[:200], body


def digest_prepare(follow_id: int, newest: int, now) -> Digest | None:
    with transaction.atomic():
        follow = (
            Follow.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("site", "user")
            .filter(pk=follow_id)
            .first()
        )
        if follow is None or not follow.is_due(now):
            return None
        changes = list(
            _changes_of(follow)
            .filter(pk__gt=follow.delivered_through, pk__lte=newest)
            .order_by("pk")[:CHANGES_PER_DIGEST]
        )
        if not changes:
            return None
        subject, body = _render(follow, changes)
        digest = Digest.objects.create(
            follow=follow,
            first_change=changes[0].pk,
            last_change=changes[-1].pk,
            change_count=len(changes),
            to=follow.user.email,
            subject=subject,
            body=body,
        )
        follow.delivered_through, follow.last_digest_at = changes[-1].pk, now
        follow.save(update_fields=["delivered_through", "last_digest_at"])
    return digest


def digests_prepare(run: DigestRun, now=None) -> None:
    now = now or timezone.now()
    # Changes committed after this moment come after `newest` (see the change log's lock).
    newest = CatalogueChange.objects.aggregate(newest=Max("pk"))["newest"] or 0
    last_id = 0
    while True:
        ids = list(
            Follow.objects.filter(pk__gt=last_id, delivered_through__lt=newest)
            .order_by("pk")
            .values_list("pk", flat=True)[:BATCH]
        )
        if not ids:
            return
        for follow_id in ids:
            if digest_prepare(follow_id, newest, now):
                run.prepared += 1
        last_id = ids[-1]


def digest_send(digest_id: int) -> bool | None:
    """Send one unsent digest; True when sent, False when it failed, None if not ours."""
    with transaction.atomic():
        digest = (
            Digest.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("follow")
            .filter(pk=digest_id, sent_at__isnull=True)
            .first()
        )
        if digest is None:
            return None
        unsubscribe = absolute(digest.follow.get_unsubscribe_url())
        message = EmailMessage(
            digest.subject,
            digest.body,
            settings.DEFAULT_FROM_EMAIL,
            [digest.to],
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        digest.attempts += 1
        try:
            message.send()
        except Exception as error:  # the mail server said no: keep it for the next run
            log.warning("Digest %s not sent: %s", digest.pk, error)
            digest.last_error = str(error)[:300]
            digest.save(update_fields=["attempts", "last_error"])
            return False
        digest.sent_at, digest.last_error = timezone.now(), ""
        digest.save(update_fields=["attempts", "sent_at", "last_error"])
    return True


def digests_deliver(run: DigestRun) -> None:
    last_id = 0
    while True:
        pending = list(
            Digest.objects.filter(sent_at__isnull=True, pk__gt=last_id)
            .order_by("pk")
            .values_list("pk", flat=True)[:BATCH]
        )
        if not pending:
            return
        for digest_id in pending:
            outcome = digest_send(digest_id)
            if outcome:
                run.sent += 1
            elif outcome is False:
                run.failed += 1
        last_id = pending[-1]


def digests_run(now=None) -> DigestRun:
    run = DigestRun()
    digests_deliver(run)  # what an earlier run could not send goes first
    digests_prepare(run, now)
    digests_deliver(run)
    return run
