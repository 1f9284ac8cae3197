"""Who may do what: (anonymous, submitter, another practitioner, moderator, admin) against
(view the draft, edit, publish, reject, read the history)."""

import pytest

from collaborations.models import Site
from tests import factories as f
from tests.test_submissions_support import (
    create_submission,
    make_admin,
    make_moderator,
    make_reference_data,
    submission_data,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "submitter", "other", "moderator", "admin"]


@pytest.fixture
def world():
    ref = make_reference_data()
    submitter = f.UserFactory(username="submitter", email="submitter@example.org")
    submission = create_submission(ref, owner=submitter, submit=True)
    users = {
        "anonymous": None,
        "submitter": submitter,
        "other": f.UserFactory(username="other"),
        "moderator": make_moderator(),
        "admin": make_admin(),
    }
    return ref, submission, users


def client_for(client, users, role):
    if users[role] is not None:
        client.force_login(users[role])
    return client


def view_draft(client, ref, submission):
    return client.get(f"/submissions/{submission.site.slug}/").status_code


def edit(client, ref, submission):
    data = submission_data(ref, name="Renamed", version=str(submission.version))
    return client.post(f"/submissions/{submission.site.slug}/edit/", data).status_code


def decide(decision):
    def act(client, ref, submission):
        data = {
            "decision": decision,
            "message": "A reason",
            "version": submission.version,
            "confirmed": "on",
        }
        return client.post(f"/moderation/submissions/{submission.site.slug}/", data).status_code

    return act


def read_history(client, ref, submission):
    return client.get(f"/moderation/sites/{submission.site.slug}/history/").status_code


# Expected status per role: 404 hides a submission's existence; 302 is "log in first";
# 403 refuses a logged-in user who is not a moderator.
MATRIX = {
    "view draft": (
        view_draft,
        {"anonymous": 404, "submitter": 200, "other": 404, "moderator": 200, "admin": 200},
    ),
    "edit": (
        edit,
        {"anonymous": 404, "submitter": 302, "other": 404, "moderator": 404, "admin": 404},
    ),
    "publish": (
        decide("publish"),
        {"anonymous": 302, "submitter": 403, "other": 403, "moderator": 302, "admin": 302},
    ),
    "reject": (
        decide("reject"),
        {"anonymous": 302, "submitter": 403, "other": 403, "moderator": 302, "admin": 302},
    ),
    "read history": (
        read_history,
        {"anonymous": 302, "submitter": 403, "other": 403, "moderator": 200, "admin": 200},
    ),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(MATRIX))
def test_permission_matrix(client, world, role, action):
    ref, submission, users = world
    act, expected = MATRIX[action]
    status = act(client_for(client, users, role), ref, submission)
    assert status == expected[role], f"{role} / {action}"
    site = Site.objects.get(pk=submission.site.pk)
    if action == "edit":
        assert (site.name == "Renamed") == (role == "submitter")
    if action in ("publish", "reject"):
        changed = site.status != Site.Status.SUBMITTED
        assert changed == (role in ("moderator", "admin"))


def test_anonymous_users_are_sent_to_log_in_for_moderation(client, world):
    response = client.get("/moderation/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/moderation/")


def test_a_private_link_lets_its_holder_view_and_edit_only_that_submission(client, world):
    ref, submission, users = world
    anonymous_one = create_submission(ref, owner=None, name="Anonymous one")
    from tests.test_submissions_support import grant_private_link

    grant_private_link(client, anonymous_one)
    assert client.get(f"/submissions/{anonymous_one.site.slug}/").status_code == 200
    assert client.get(f"/submissions/{anonymous_one.site.slug}/edit/").status_code == 200
    assert client.get(f"/submissions/{submission.site.slug}/").status_code == 404
    assert client.get("/submissions/access/not-a-real-token/").status_code == 404
