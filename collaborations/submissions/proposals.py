"""Right of reply: practitioners propose changes to a catalogued site; moderators decide.

A proposal stores only the facts it changes. Nothing on the site moves until a moderator
accepts it; accepting rewrites just those facts, citing a new practitioner source, so the
research citations of every untouched fact stay as they were.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from collaborations.models import ChangeProposal, ModerationDecision, Site, Source

from .diffs import snapshot_diff
from .errors import StaleVersion
from .fact_writing import site_facts_write
from .facts import SiteFacts, changed_keys, fact_keys, facts_snapshot, site_facts_of
from .facts_json import facts_from_json, facts_to_json
from .notifications import notify_proposer
from .organisations import site_organisations_publish
from .permissions import is_moderator
from .revisions import site_revision_baseline, site_revision_record
from .slugs import slug_save

Status = ChangeProposal.Status
Action = ModerationDecision.Action


def change_proposal_create(
    *,
    site: Site,
    proposer: AbstractBaseUser,
    facts: SiteFacts,
    organisation_name: str,
    explanation: str,
    evidence: str,
    is_dispute: bool,
) -> ChangeProposal:
    if not proposer.is_authenticated or site.status != Site.Status.PUBLISHED:
        raise PermissionDenied("Log in to propose a change to a published site.")
    base = site_facts_of(site)
    keys = changed_keys(base, facts)
    if not keys and not is_dispute:
        raise ValidationError(
            "You have not changed any fact. Change the facts that are wrong or missing, or "
            "mark the proposal as a dispute and explain what is wrong.",
            code="no_change",
        )
    proposal = ChangeProposal(
        site=site,
        proposer=proposer,
        organisation_name=organisation_name.strip(),
        proposed=facts_to_json(facts, keys),
        base_snapshot=facts_snapshot(base),
        explanation=explanation.strip(),
        evidence=evidence.strip(),
        is_dispute=is_dispute,
    )
    with transaction.atomic():
        proposal.full_clean()
        proposal.save()
        notify_proposer(kind="proposal_received", proposal=proposal)
    return proposal


def proposal_snapshots(proposal: ChangeProposal) -> tuple[dict, dict]:
    """The site's facts now, and as they would be if the proposal were accepted now."""
    current = site_facts_of(proposal.site)
    after = facts_from_json(proposal.proposed, base=current)
    return facts_snapshot(current), facts_snapshot(after)


def requested_changes(proposal: ChangeProposal, after: dict) -> list:
    """What the proposer asked to change, from the facts they saw."""
    keys = [key for key in fact_keys() if key in proposal.proposed]
    before = {key: proposal.base_snapshot.get(key, []) for key in keys}
    return snapshot_diff(before, {key: after.get(key, []) for key in keys})


def _locked(proposal_id: int, expected_version: int) -> ChangeProposal:
    proposal = ChangeProposal.objects.select_for_update().select_related("site").get(pk=proposal_id)
    if proposal.version != expected_version or proposal.status != Status.OPEN:
        raise StaleVersion(
            "Someone else acted on this proposal while you were reviewing it: it is now "
            f"“{proposal.get_status_display()}”. Nothing was changed by you."
        )
    return proposal


def _proposal_source(proposal: ChangeProposal) -> Source:
    today = date_format(timezone.localdate(), "j F Y")
    who = proposal.organisation_name
    source = Source(
        kind=Source.Kind.PRACTITIONER,
        title=f"Self-reported by {who} (proposed change to {proposal.site.name}, {today})"[:300],
        short_title=f"Self-reported by {who}"[:120],
        author=who[:300],
        date_text=str(timezone.localdate().year),
        description="A change proposed by a practitioner and accepted by a moderator.",
    )
    source.full_clean(exclude=["slug"])
    slug_save(source, f"proposal-{proposal.pk}-{proposal.site.slug}")
    return source


def _close(proposal, *, moderator, action, status, message, source=None) -> ModerationDecision:
    proposal.status, proposal.decided_at = status, timezone.now()
    proposal.source = source
    proposal.version += 1
    proposal.save(update_fields=["status", "decided_at", "source", "version"])
    return ModerationDecision.objects.create(
        site=proposal.site, proposal=proposal, action=action, message=message, moderator=moderator
    )


def change_proposal_accept(
    *,
    proposal_id: int,
    moderator: AbstractBaseUser,
    expected_version: int,
    message: str = "",
    preferred: bool = True,
) -> ModerationDecision:
    """Add the proposal's facts as the proposer's statements beside the documents' (which
    stay as they are); `preferred` makes them the values the site shows, the moderator's
    message giving the reason."""
    if not is_moderator(moderator):
        raise PermissionDenied("Only moderators can accept proposals.")
    with transaction.atomic():
        proposal = _locked(proposal_id, expected_version)
        site = Site.objects.select_for_update().get(pk=proposal.site_id)
        proposal.site = site
        site_revision_baseline(site=site)
        source = _proposal_source(proposal)
        facts = facts_from_json(proposal.proposed, base=site_facts_of(site))
        keys = [key for key in fact_keys() if key in proposal.proposed]
        site_facts_write(
            site=site,
            facts=facts,
            source=source,
            locator="Proposed change",
            keys=keys,
            preferred=preferred,
            reason=message.strip(),
        )
        site_organisations_publish(site)
        revision = site_revision_record(
            site=site,
            author=moderator,
            note="Change proposed by a practitioner accepted",
            evidence=source,
            is_public=True,
        )
        decision = _close(
            proposal,
            moderator=moderator,
            action=Action.ACCEPT_PROPOSAL,
            status=Status.ACCEPTED,
            message=message.strip(),
            source=source,
        )
        decision.revision = revision
        decision.save(update_fields=["revision"])
        notify_proposer(kind="proposal_accepted", proposal=proposal, message=message.strip())
    return decision


def change_proposal_decline(
    *, proposal_id: int, moderator: AbstractBaseUser, expected_version: int, message: str
) -> ModerationDecision:
    if not is_moderator(moderator):
        raise PermissionDenied("Only moderators can decline proposals.")
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": "Write the reason for the proposer."}, code="required")
    with transaction.atomic():
        proposal = _locked(proposal_id, expected_version)
        decision = _close(
            proposal,
            moderator=moderator,
            action=Action.DECLINE_PROPOSAL,
            status=Status.DECLINED,
            message=message,
        )
        notify_proposer(kind="proposal_declined", proposal=proposal, message=message)
    return decision


def change_proposal_withdraw(*, proposal_id: int, proposer: AbstractBaseUser) -> ChangeProposal:
    with transaction.atomic():
        proposal = ChangeProposal.objects.select_for_update().get(pk=proposal_id)
        if proposal.proposer_id != proposer.pk or proposal.status != Status.OPEN:
            raise PermissionDenied("Only the proposer can withdraw an open proposal.")
        proposal.status, proposal.decided_at = Status.WITHDRAWN, timezone.now()
        proposal.version += 1
        proposal.save(update_fields=["status", "decided_at", "version"])
    return proposal
