"""Practitioner accounts: sign up with a verified email address.

An account is created inactive; a signed, time-limited link in an email activates it. The
email address is the user name. Signing up with an address that already has an account
sends that address a notice instead, so the form never reveals who has an account.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils.http import urlencode

from collaborations.models import Site, Submission

from . import emails
from .access import access_keys_revoke

VERIFY_SALT = "rallying.submissions.verify-email"
VERIFY_MAX_AGE = 3 * 24 * 3600


def verification_link(user, next_url: str = "") -> str:
    """The link that activates the account; `next` (a path on this site) is where it leads."""
    token = signing.dumps({"user": user.pk, "email": user.email}, salt=VERIFY_SALT)
    link = emails.absolute(reverse("submissions:verify-email", args=[token]))
    return f"{link}?{urlencode({'next': next_url})}" if next_url else link


def account_sign_up(*, email: str, name: str, password: str, next_url: str = ""):
    """The new inactive user, or None when the address already has an account."""
    User = get_user_model()
    email = User.objects.normalize_email(email).lower()
    with transaction.atomic():
        if User.objects.filter(email__iexact=email).exists():
            emails.send_after_commit(emails.send_signup_existing_account, email=email)
            return None
        user = User(username=email, email=email, first_name=name.strip()[:150], is_active=False)
        user.set_password(password)
        user.full_clean()
        user.save()
        link = verification_link(user, next_url)
        emails.send_after_commit(emails.send_email_verification, user=user, link=link)
    return user


def account_verify(token: str):
    """Activate the account the token names; None if the token is bad or expired."""
    User = get_user_model()
    try:
        claim = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=claim.get("user"), email=claim.get("email")).first()
    if user is None:
        return None
    with transaction.atomic():
        if not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
        submissions_claim(user=user)
    return user


def submissions_claim(*, user) -> int:
    """Give a verified account the submissions made without one from the same address."""
    claimed = Submission.objects.filter(
        contact_email__iexact=user.email, site__owner__isnull=True
    ).values_list("site_id", flat=True)
    count = 0
    for site in Site.objects.filter(pk__in=list(claimed)):
        site.owner = user
        site.save(update_fields=["owner", "updated_at"])
        count += 1
    # The account is the way in now: the private links stop working.
    access_keys_revoke(
        submission_ids=Submission.objects.filter(site__owner=user).values_list("pk", flat=True)
    )
    return count
