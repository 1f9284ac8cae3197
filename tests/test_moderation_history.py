"""Every change to a site is recorded: revisions with diffs, and each row's own history."""

import pytest
from django.test import Client

from collaborations.models import SiteDriver, SiteRevision
from collaborations.submissions import moderation
from tests import factories as f
from tests.test_submissions_support import (
    create_submission,
    grant_private_link,
    make_moderator,
    make_reference_data,
    submission_data,
)

pytestmark = pytest.mark.django_db


def test_revisions_record_what_changed_and_who_changed_it(client):
    ref = make_reference_data()
    submission = create_submission(ref, submit=False)
    grant_private_link(client, submission)
    data = submission_data(
        ref, drivers=[ref.drivers[1].slug], summary="Rewritten", version="1", action="draft"
    )
    assert client.post(f"/submissions/{submission.site.slug}/edit/", data).status_code == 302
    latest = SiteRevision.objects.filter(site=submission.site).order_by("-number").first()
    changes = {change["key"]: change for change in latest.changes}
    assert set(changes) == {"summary", "drivers"}
    assert changes["drivers"]["before"] == [ref.drivers[0].name, ref.drivers[2].name]
    assert changes["drivers"]["after"] == [ref.drivers[1].name]
    assert not latest.is_public


def test_moderators_read_the_full_history_including_changes_made_elsewhere(client):
    ref = make_reference_data()
    submission = create_submission(ref)
    site = submission.site
    admin = f.UserFactory(username="admin-user", is_staff=True)
    # A change made outside the portal's services (as the admin would) is recorded too.
    SiteDriver.objects.get(site=site, driver=ref.drivers[0]).delete()
    site.local_authority = "Renamed Council"
    site.save()
    moderation.submission_request_changes(
        submission_id=submission.pk, moderator=admin, message="Check", expected_version=1
    )
    client.force_login(admin)
    html = client.get(f"/moderation/sites/{site.slug}/history/").content.decode()
    assert "Revision 2" in html and "Changes requested" in html
    assert "local_authority: Northtown Borough Council → Renamed Council" in html
    assert "removed" in html and ref.drivers[0].name in html
    assert "Site driver" in html


def test_the_public_change_log_shows_published_revisions_only(client):
    from django.template import Context, Template

    ref = make_reference_data()
    submission = create_submission(ref)
    template = Template("{% load submission_tags %}{% case_page_panel site %}")
    assert "No changes since" in template.render(Context({"site": submission.site}))
    moderation.submission_publish(
        submission_id=submission.pk, moderator=make_moderator(), expected_version=1
    )
    html = template.render(Context({"site": submission.site}))
    assert "Published" in html and "Self-reported by Northtown Community Trust" in html
    assert "sam@northtown.example.org" not in html and "Sam Practitioner" not in html
    assert "Self-reported" in html
    assert Client().get(f"/moderation/sites/{submission.site.slug}/history/").status_code == 302


def test_a_diff_names_each_changed_fact_once():
    from collaborations.submissions.diffs import snapshot_diff

    before = {"summary": ["Old"], "drivers": ["A"], "indicators": ["X"]}
    after = {"summary": ["New"], "drivers": ["A", "B"], "indicators": ["X"]}
    changes = snapshot_diff(before, after)
    assert [change.key for change in changes] == ["summary", "drivers"]
    summary, drivers = changes
    assert summary.is_single_valued and (summary.before, summary.after) == (["Old"], ["New"])
    assert not drivers.is_single_valued and (drivers.added, drivers.removed) == (["B"], [])
