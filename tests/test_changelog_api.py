"""/api/v1/changes/: cursor paging, since=, and a client that stays in sync by polling."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from collaborations.changelog.withdrawal import site_withdraw
from collaborations.models import CatalogueChange
from tests import factories as f
from tests.changelog_support import accept_correction, catalogue_site, publish_submission
from tests.test_submissions_support import make_moderator, make_reference_data

pytestmark = pytest.mark.django_db


class SyncingClient:
    """What an API client does: poll the change log, fetch what changed, drop tombstones."""

    def __init__(self, client, page_size=2):
        self.client, self.page_size, self.cursor, self.sites = client, page_size, None, {}
        self.seen = []

    def poll(self):
        url = f"/api/v1/changes/?page_size={self.page_size}"
        if self.cursor:
            url += f"&cursor={self.cursor}"
        while url:
            page = self.client.get(url).json()
            for change in page["results"]:
                self.apply(change)
            self.cursor, url = page["cursor"], page["next"]

    def apply(self, change):
        self.seen.append(change["sequence"])
        slug = change["site"]["slug"]
        response = self.client.get(change["site"]["url"])
        if change["is_tombstone"] or response.status_code == 404:
            self.sites.pop(slug, None)
        else:
            self.sites[slug] = response.json()


def published_sites(client) -> dict:
    page = client.get("/api/v1/sites/?page_size=200").json()
    return {site["slug"]: site for site in page["results"]}


def test_a_polling_client_ends_with_exactly_the_published_catalogue(client):
    ref, moderator, proposer = make_reference_data(), make_moderator(), f.UserFactory()
    first, second = catalogue_site(name="Alpha"), catalogue_site(name="Beta")
    third = catalogue_site(name="Gamma")
    reader = SyncingClient(client)
    reader.poll()
    assert set(reader.sites) == {first.slug, second.slug, third.slug}

    submitted = publish_submission(ref, moderator)
    accept_correction(first, moderator, proposer, summary="Corrected summary.")
    site_withdraw(site_id=second.pk, moderator=moderator, reason="Duplicate entry")
    accept_correction(submitted, moderator, proposer, drivers=ref.drivers[:1])
    created_then_withdrawn = catalogue_site(name="Delta")
    site_withdraw(site_id=created_then_withdrawn.pk, moderator=moderator, reason="Closed")
    reader.poll()

    assert reader.sites == published_sites(client)
    assert set(reader.sites) == {first.slug, third.slug, submitted.slug}
    assert reader.sites[first.slug]["summary"] == "Corrected summary."
    assert reader.seen == sorted(set(reader.seen))  # every change once, in order
    assert reader.seen == list(CatalogueChange.objects.order_by("pk").values_list("pk", flat=True))
    reader.poll()  # nothing new: nothing repeated
    assert len(reader.seen) == CatalogueChange.objects.count()


def test_the_cursor_of_a_caught_up_client_stays_put_until_something_changes(client):
    catalogue_site()
    body = client.get("/api/v1/changes/").json()
    assert body["next"] is None and len(body["results"]) == 1
    again = client.get(f"/api/v1/changes/?cursor={body['cursor']}").json()
    assert again == {"cursor": body["cursor"], "next": None, "results": []}
    later = catalogue_site(name="Later")
    news = client.get(f"/api/v1/changes/?cursor={body['cursor']}").json()
    assert [c["site"]["slug"] for c in news["results"]] == [later.slug]


def test_since_starts_from_a_moment(client):
    catalogue_site(name="Old")
    moment = CatalogueChange.objects.get().recorded_at
    CatalogueChange.objects.update(recorded_at=moment.replace(year=2020))
    new = catalogue_site(name="New")
    body = client.get("/api/v1/changes/", {"since": "2021-01-01T00:00:00Z"}).json()
    assert [change["site"]["slug"] for change in body["results"]] == [new.slug]


def test_a_change_names_its_site_revision_and_fact(client):
    ref, moderator = make_reference_data(), make_moderator()
    site = publish_submission(ref, moderator)
    accept_correction(site, moderator, f.UserFactory(), summary="Shorter.")
    body = client.get("/api/v1/changes/", {"kind": "fact-corrected"}).json()
    (change,) = body["results"]
    assert change["site"]["html_url"] == f"http://testserver/sites/{site.slug}/"
    assert change["fact"]["label"] == "Summary" and change["fact"]["added"] == ["Shorter."]
    assert change["revision_url"].endswith(f"/sites/{site.slug}/revisions/{change['revision']}/")
    only_site = client.get("/api/v1/changes/", {"site": site.slug}).json()["results"]
    assert {c["kind"] for c in only_site} == {"site-created", "fact-corrected"}


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("cursor=abc", "cursor"),
        ("since=yesterday", "since"),
        ("since=2024-01-01T00:00:00", "since"),
        ("kind=deleted", "kind"),
        ("page_size=0", "page_size"),
        ("cursor=1&since=2024-01-01T00:00:00Z", "since"),
        ("sicne=2024-01-01", "sicne"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(client, query, parameter):
    response = client.get(f"/api/v1/changes/?{query}")
    assert response.status_code == 400
    assert parameter in [error["parameter"] for error in response.json()["errors"]]


def test_the_change_log_endpoint_runs_the_same_queries_whatever_its_length(client):
    rows = [
        CatalogueChange(
            site_slug=f"s{n}", site_name=f"S{n}", revision_number=1, kind="site-created"
        )
        for n in range(400)
    ]
    CatalogueChange.objects.bulk_create(rows[:5])
    with CaptureQueriesContext(connection) as small:
        assert client.get("/api/v1/changes/").status_code == 200
    CatalogueChange.objects.bulk_create(rows[5:])
    with CaptureQueriesContext(connection) as large:
        body = client.get("/api/v1/changes/?page_size=1000").json()
    assert len(small) == len(large) and len(body["results"]) == 400
