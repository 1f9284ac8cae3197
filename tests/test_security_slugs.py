"""The same name sent by several people at once: every submission is stored, none is a 500,
and a submitter's slug never tells that someone else's private submission has that name."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client
from rest_framework.test import APIClient

from collaborations.models import Site, Submission
from collaborations.submissions import slugs
from collaborations.submissions.forms import SubmissionForm
from tests import factories as f
from tests.factories import api_key_for
from tests.test_submissions_support import create_submission, make_reference_data, submission_data

SLUG_SHAPE = re.compile(r"^northtown-together-[0-9a-f]{4}$")


@pytest.mark.django_db
def test_a_slug_taken_between_the_check_and_the_insert_is_retried(monkeypatch):
    """What a concurrent writer does, made deterministic: the first candidate is refused by
    the unique constraint and the next one is used, in the same transaction."""
    ref = make_reference_data()
    f.SiteFactory(slug="northtown-together-aaaa", name="Someone else's")
    suffixes = iter(["aaaa", "bbbb"])
    monkeypatch.setattr(slugs, "suffix", lambda: next(suffixes, "cccc"))
    submission = create_submission(ref)
    assert submission.site.slug == "northtown-together-bbbb"
    assert submission.source.slug == "self-reported-northtown-together-bbbb"
    assert Site.objects.count() == 2


@pytest.mark.django_db
def test_a_private_submission_of_the_same_name_leaves_no_trace_in_the_slug():
    ref = make_reference_data()
    first = create_submission(ref, submit=False)
    second = create_submission(ref)
    assert SLUG_SHAPE.match(first.site.slug) and SLUG_SHAPE.match(second.site.slug)
    assert first.site.slug != second.site.slug


@pytest.mark.django_db
def test_a_lead_named_only_by_a_private_draft_counts_as_unknown():
    """Another draft's organisation is not "in the catalogue": the form asks for its type,
    exactly as for a name nobody has used."""
    ref = make_reference_data()
    create_submission(ref, submit=False, lead_organisation_name="Quiet Trust")
    answers = []
    for name in ("Quiet Trust", "Never Heard Of"):
        form = SubmissionForm(
            data=submission_data(ref, lead_organisation_name=name, lead_organisation_type="")
        )
        assert not form.is_valid()
        answers.append(form.errors["lead_organisation_type"][0].replace(name, "NAME"))
    assert answers[0] == answers[1]


def run_at_once(count: int, send) -> list[int]:
    """Call send(i) from `count` threads released together; their status codes."""
    barrier = threading.Barrier(count)
    statuses = [None] * count

    def worker(i):
        try:
            barrier.wait(timeout=30)
            statuses[i] = send(i)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses


needs_concurrent_database = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite serialises writers (every transaction begins IMMEDIATE), so the race needs "
    "PostgreSQL; the retry itself is tested above with a slug taken before the insert",
)


@needs_concurrent_database
@pytest.mark.django_db(transaction=True)
def test_the_same_name_through_the_form_at_the_same_moment_stores_every_submission(settings):
    settings.RALLYING_RATE_LIMITS = {"submission-create": (1000, 1000, 3600)}
    ref = make_reference_data()
    data = submission_data(ref)
    statuses = run_at_once(12, lambda i: Client().post("/submit/", data).status_code)
    assert statuses == [302] * 12
    slugs_stored = list(Site.objects.values_list("slug", flat=True))
    assert len(set(slugs_stored)) == 12 and all(SLUG_SHAPE.match(s) for s in slugs_stored)
    assert Submission.objects.count() == 12


@needs_concurrent_database
@pytest.mark.django_db(transaction=True)
def test_the_same_name_through_the_api_at_the_same_moment_stores_every_submission(settings):
    settings.RALLYING_RATE_LIMITS = {"submission-create": (1000, 1000, 3600)}
    ref = make_reference_data()
    users = [f.UserFactory(username=f"client{i}", email=f"c{i}@example.org") for i in range(12)]
    keys = [api_key_for(user) for user in users]
    body = {
        "name": "Northtown Together",
        "locality": "Northtown",
        "lead_organisation_name": "Same Trust",
        "lead_organisation_type": ref.organisation_types[0].slug,
        "summary": "The same collaboration, sent twelve times at once.",
        "contact_name": "Sam",
        "contact_email": "sam@example.org",
    }

    def send(i):
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {keys[i]}")
        return api.post("/api/v1/submissions/", body, format="json").status_code

    assert run_at_once(12, send) == [201] * 12
    assert Submission.objects.count() == 12
