"""Following a site or a search, changing how often, and stopping."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import QueryDict

from collaborations.filters import SiteFilterSet
from collaborations.models import CatalogueChange, Site

from .models import Follow

# Parameters of the browse page that do not change which sites a search matches.
NOT_SEARCH_TERMS = {"page", "ordering"}


def normalised_search(query: QueryDict) -> str:
    """A browse query string reduced to its filters, in a stable order; invalid filters
    are refused with the browse page's own messages."""
    terms = sorted(
        (key, value)
        for key, values in query.lists()
        if key not in NOT_SEARCH_TERMS
        for value in values
        if value != ""
    )
    search = QueryDict(mutable=True)
    for key, value in terms:
        search.appendlist(key, value)
    filterset = SiteFilterSet(search, queryset=Site.public.all())
    if not filterset.is_valid():
        raise ValidationError(
            "This search has a problem, so it cannot be followed: "
            + " ".join(str(m) for messages in filterset.errors.values() for m in messages),
            code="invalid_search",
        )
    if not terms:
        raise ValidationError(
            "Choose at least one filter or search term to follow a search; to follow "
            "everything, use the feed of all changes.",
            code="empty_search",
        )
    return search.urlencode()


def _now_in_log() -> int:
    return CatalogueChange.objects.aggregate(newest=Max("pk"))["newest"] or 0


def follow_create(
    *, user: AbstractBaseUser, frequency: str, site: Site | None = None, search: str = ""
) -> tuple[Follow, bool]:
    """Follow from now on (earlier changes are not sent); following twice changes only the
    frequency. Returns the follow and whether it is new."""
    if not user.is_authenticated or not user.email:
        raise ValidationError("Log in with an email address to follow.", code="no_email")
    if frequency not in Follow.Frequency.values:
        raise ValidationError("Choose daily or weekly.", code="invalid_frequency")
    if site is not None and site.status != Site.Status.PUBLISHED:
        raise ValidationError("Only a published site can be followed.", code="not_published")
    lookup = {"user": user, "site": site} if site else {"user": user, "search": search}
    with transaction.atomic():
        existing = Follow.objects.select_for_update().filter(**lookup).first()
        if existing:
            existing.frequency = frequency
            existing.save(update_fields=["frequency"])
            return existing, False
        follow = Follow(**lookup, frequency=frequency, delivered_through=_now_in_log())
        follow.full_clean()
        try:
            with transaction.atomic():
                follow.save()
        except IntegrityError:  # the same follow, saved a moment ago by another request
            return Follow.objects.get(**lookup), False
    return follow, True


def follow_delete(*, follow_id: int, user: AbstractBaseUser) -> None:
    Follow.objects.filter(pk=follow_id, user=user).delete()


def follow_unsubscribe(*, token: str) -> Follow | None:
    """One click from an email: stop the follow the link belongs to (no log-in needed)."""
    follow = Follow.objects.select_related("site").filter(token=token).first()
    if follow is not None:
        follow.delete()
    return follow
