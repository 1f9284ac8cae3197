"""The emails practitioners receive, rendered from templates/submissions/emails/.

Sent through the configured backend (console in development). Services schedule them
with transaction.on_commit, so nobody is told about a write that was rolled back.

Anyone can type any address into a form, so an email that an action without an account
sets off (a submission, a sign-up, a lost link) carries none of the sender's words: it only
confirms the address, with a private link. And such emails to one address are limited in
number (EMAIL_RECIPIENT), so the site cannot be used to flood someone's inbox.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from .throttling import EMAIL_RECIPIENT

logger = logging.getLogger("rallying.submissions")


def send_after_commit(send_function, **kwargs) -> None:
    """Send once the transaction commits; a mail server failure is logged, never a 500."""

    def send_now():
        send_function(**kwargs)

    send_now.__qualname__ = f"send_after_commit.{send_function.__name__}"  # for the log
    transaction.on_commit(send_now, robust=True)


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def send(*, to: str, subject: str, template: str, context: dict, limited: bool = False) -> None:
    """`limited`: an action without an account set this email off (see the module's doc)."""
    if limited and EMAIL_RECIPIENT.hit(None, to):
        logger.warning("Not sent: too many emails to one address in an hour (%s)", template)
        return
    body = render_to_string(f"submissions/emails/{template}.txt", context)
    subject = " ".join(subject.split())  # user text in a header: no line breaks
    send_mail(f"[Rallying] {subject}"[:200], body, settings.DEFAULT_FROM_EMAIL, [to])


def submitter_link(submission, token: str | None) -> str:
    """The private link for a submitter without an account, else the page behind log-in."""
    if token:
        return absolute(reverse("submissions:access", args=[token]))
    return absolute(reverse("submissions:detail", args=[submission.site.slug]))


SUBJECTS = {
    "draft_saved": "Your draft is saved: {name}",
    "submission_received": "We have received your submission {reference}: {name}",
    "changes_requested": "Changes requested to your submission: {name}",
    "published": "Your submission is published: {name}",
    "rejected": "Your submission was not accepted: {name}",
    "proposal_received": "We have received your proposed changes to {name}",
    "proposal_accepted": "Your proposed changes to {name} are accepted",
    "proposal_declined": "Your proposed changes to {name} were not accepted",
}


# What a submission without an account sets off: a confirmation of the address, no more.
ADDRESS_CONFIRMATIONS = {"draft_saved", "submission_received"}


def send_submission_notice(*, kind: str, submission, token: str | None, message: str = ""):
    site = submission.site
    if token and kind in ADDRESS_CONFIRMATIONS:
        send(
            to=submission.contact_email,
            subject=f"Your private link to the collaboration you sent us ({submission.reference})",
            template="link_confirmation",
            context={
                "link": submitter_link(submission, token),
                "submitted": kind != "draft_saved",
                "reference": submission.reference,
                "review_days": settings.REVIEW_WORKING_DAYS,
            },
            limited=True,
        )
        return
    send(
        to=submission.contact_email,
        subject=SUBJECTS[kind].format(name=site.name, reference=submission.reference),
        template=kind,
        context={
            "submission": submission,
            "site": site,
            "contact_name": submission.contact_name,
            "link": submitter_link(submission, token),
            "message": message,
            "public_link": absolute(site.get_absolute_url()) if kind == "published" else "",
            "review_days": settings.REVIEW_WORKING_DAYS,
        },
    )


def send_proposal_notice(*, kind: str, proposal, message: str = "") -> None:
    if not proposal.proposer or not proposal.proposer.email:
        return
    send(
        to=proposal.proposer.email,
        subject=SUBJECTS[kind].format(name=proposal.site.name),
        template=kind,
        context={
            "proposal": proposal,
            "site": proposal.site,
            "link": absolute(reverse("submissions:proposal-detail", args=[proposal.pk])),
            "message": message,
        },
    )


def send_email_verification(*, user, link: str) -> None:
    send(
        to=user.email,
        subject="Confirm your email address",
        template="verify_email",
        context={"link": link},
        limited=True,
    )


def send_signup_existing_account(*, email: str) -> None:
    send(
        to=email,
        subject="Someone tried to sign up with your email address",
        template="signup_existing",
        context={
            "login_link": absolute(reverse("submissions:login")),
            "reset_link": absolute(reverse("submissions:password-reset")),
        },
        limited=True,
    )


def send_access_links(*, email: str, links: list[tuple]) -> None:
    send(
        to=email,
        subject="Your private links to your submissions",
        template="access_links",
        context={"links": [(submission, submitter_link(submission, t)) for submission, t in links]},
        limited=True,
    )
