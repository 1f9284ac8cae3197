"""Template tags for the submission and moderation templates, and the case page's panel.

The panel runs a fixed number of queries (two) whatever the site's history.
"""

from django import template
from django.conf import settings
from django.urls import reverse

from collaborations.models import ChangeProposal, Site, SiteRevision
from collaborations.submissions.contributed import contributions
from collaborations.submissions.diffs import changes_from_json
from collaborations.submissions.permissions import is_moderator as user_is_moderator

register = template.Library()

CHANGE_LOG_LENGTH = 20


@register.inclusion_tag("submissions/includes/case_page_panel_body.html", takes_context=True)
def case_page_panel(context, site: Site):
    """Right of reply, open disputes and the public change log of a case page."""
    user = context.get("user")
    revisions = list(
        SiteRevision.objects.filter(site=site, is_public=True)
        .select_related("evidence")
        .order_by("-number")[:CHANGE_LOG_LENGTH]
    )
    dispute = (
        ChangeProposal.objects.open_disputes()
        .filter(site=site)
        .order_by("created_at")
        .values("created_at")
        .first()
    )
    return {
        "site": site,
        "user": user,
        "revisions": revisions,
        "dispute_since": dispute["created_at"] if dispute else None,
        "propose_url": reverse("submissions:propose", args=[site.slug]),
        "history_url": reverse("submissions:site-history", args=[site.slug]),
        "is_moderator": bool(user) and user_is_moderator(user),
    }


@register.filter
def fact_changes(changes_json):
    """A revision's stored changes as FactChange values (with .added and .removed)."""
    return changes_from_json(changes_json or [])


@register.simple_tag
def contributed_sections() -> list:
    """The submission sections the apps above collaborations add (their fields' templates)."""
    return contributions()


@register.simple_tag
def review_working_days() -> int:
    """How long a review usually takes, as practitioners are told (a setting)."""
    return settings.REVIEW_WORKING_DAYS


@register.filter
def is_moderator(user) -> bool:
    return bool(user) and user_is_moderator(user)
