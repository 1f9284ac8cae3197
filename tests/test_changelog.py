"""The public change log: what is recorded, once, and the page that shows it."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from collaborations.changelog.withdrawal import site_withdraw
from collaborations.models import CatalogueChange, Site, SiteRevision
from collaborations.submissions.revisions import site_public_revision_sync
from tests import factories as f
from tests.changelog_support import accept_correction, catalogue_site, publish_submission
from tests.test_submissions_support import create_submission, make_moderator, make_reference_data

pytestmark = pytest.mark.django_db
Kind = CatalogueChange.Kind


@pytest.fixture
def ref():
    return make_reference_data()


@pytest.fixture
def moderator():
    return make_moderator()


def kinds(site):
    return list(
        CatalogueChange.objects.of_site(site.slug).order_by("pk").values_list("kind", flat=True)
    )


def test_loading_the_catalogue_records_each_site_once_and_reloading_records_nothing():
    call_command("load_catalogue", verbosity=0)
    published = Site.objects.published().count()
    assert CatalogueChange.objects.filter(kind=Kind.CREATED).count() == published
    assert SiteRevision.objects.filter(is_public=True).count() == published
    call_command("load_catalogue", verbosity=0)
    assert CatalogueChange.objects.count() == published
    assert not CatalogueChange.objects.exclude(kind=Kind.CREATED).exists()
    oldham = CatalogueChange.objects.get(site_slug="oldham-council")
    assert oldham.revision_number == 1 and oldham.summary == "Oldham Council added to the catalogue"


def test_drafts_and_submissions_under_review_are_not_in_the_log(ref):
    create_submission(ref, submit=False)
    create_submission(ref, name="Southtown Together")
    assert not CatalogueChange.objects.exists()


def test_publishing_a_submission_records_site_created(ref, moderator):
    site = publish_submission(ref, moderator)
    change = CatalogueChange.objects.get()
    assert change.kind == Kind.CREATED and change.site_slug == site.slug
    assert change.revision.is_public and change.revision_number == change.revision.number


def test_an_accepted_correction_records_each_changed_fact(ref, moderator):
    site = publish_submission(ref, moderator)
    proposer = f.UserFactory()
    accept_correction(site, moderator, proposer, summary="A new summary.", drivers=[*ref.drivers])
    facts = CatalogueChange.objects.exclude(kind=Kind.CREATED).order_by("pk")
    by_label = {change.label: change for change in facts}
    assert set(by_label) == {"Summary", "Drivers"}
    assert by_label["Summary"].kind == Kind.FACT_CORRECTED
    assert by_label["Summary"].removed and by_label["Summary"].added == ["A new summary."]
    assert by_label["Drivers"].kind == Kind.FACT_ADDED
    assert by_label["Drivers"].added == [ref.drivers[1].name]


def test_a_withdrawal_is_a_tombstone_and_republishing_creates_the_site_again(moderator):
    site = catalogue_site(name="Eastvale Partnership")
    site_withdraw(site_id=site.pk, moderator=moderator, reason="Duplicate of another entry")
    site.refresh_from_db()
    assert site.status == Site.Status.ARCHIVED
    tombstone = CatalogueChange.objects.get(kind=Kind.WITHDRAWN)
    assert tombstone.is_tombstone and tombstone.note == "Withdrawn: Duplicate of another entry"
    Site.objects.filter(pk=site.pk).update(status=Site.Status.PUBLISHED)
    site.refresh_from_db()
    site_public_revision_sync(site=site, note="Published again")
    assert kinds(site) == [Kind.CREATED, Kind.WITHDRAWN, Kind.CREATED]


def test_only_moderators_withdraw_and_only_published_sites(moderator):
    from django.core.exceptions import PermissionDenied, ValidationError

    site = catalogue_site()
    with pytest.raises(PermissionDenied):
        site_withdraw(site_id=site.pk, moderator=f.UserFactory(), reason="No")
    with pytest.raises(ValidationError):
        site_withdraw(site_id=site.pk, moderator=moderator, reason="  ")
    site_withdraw(site_id=site.pk, moderator=moderator, reason="Gone")
    with pytest.raises(ValidationError):
        site_withdraw(site_id=site.pk, moderator=moderator, reason="Gone again")
    assert kinds(site) == [Kind.CREATED, Kind.WITHDRAWN]


def test_a_sync_with_nothing_changed_records_nothing():
    site = catalogue_site()
    assert site_public_revision_sync(site=site, note="Again") is None
    assert kinds(site) == [Kind.CREATED]


def test_the_change_log_page_lists_changes_newest_first_with_their_revisions(client, moderator):
    first = catalogue_site(name="Alpha Partnership")
    second = catalogue_site(name="Beta Alliance")
    site_withdraw(site_id=first.pk, moderator=moderator, reason="Closed in 2020")
    html = client.get("/changes/").content.decode()
    assert html.index("Alpha Partnership") < html.index("Beta Alliance")  # the withdrawal
    assert f'href="/sites/{second.slug}/revisions/1/"' in html
    assert "Withdrawn: Closed in 2020" in html
    assert 'type="application/atom+xml"' in html
    only = client.get("/changes/?kind=site-withdrawn").content.decode()
    assert "Alpha Partnership" in only and "Beta Alliance" not in only


def test_the_change_log_page_explains_bad_parameters(client):
    response = client.get("/changes/?kind=deleted&before=x")
    assert response.status_code == 400
    html = response.content.decode()
    assert "“deleted” is not a kind of change." in html


def test_the_change_log_page_pages_back_through_older_changes(client):
    for number in range(52):
        CatalogueChange.objects.create(
            site_slug=f"s{number}",
            site_name=f"Site {number:02d}",
            revision_number=1,
            kind=Kind.CREATED,
        )
    html = client.get("/changes/").content.decode()
    assert "Site 51" in html and "Site 02" in html and "Site 01<" not in html
    older = CatalogueChange.objects.get(site_slug="s2").pk
    assert f"before={older}" in html
    html = client.get(f"/changes/?before={older}").content.decode()
    assert "Site 01" in html and "Site 00" in html and "Site 02" not in html


def test_the_change_log_page_runs_the_same_queries_whatever_the_catalogue_size(client):
    rows = [
        CatalogueChange(site_slug=f"s{n}", site_name=f"S{n}", revision_number=1, kind=Kind.CREATED)
        for n in range(300)
    ]
    CatalogueChange.objects.bulk_create(rows[:10])
    with CaptureQueriesContext(connection) as small:
        client.get("/changes/")
    CatalogueChange.objects.bulk_create(rows[10:])
    with CaptureQueriesContext(connection) as large:
        client.get("/changes/")
    assert len(small) == len(large)
