"""Atom feeds of the change log: valid Atom, each change once, withdrawn sites as tombstones."""

import re
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from collaborations.changelog.feeds import site_entry_id
from collaborations.changelog.withdrawal import site_withdraw
from collaborations.models import CatalogueChange, TypologyCoding
from tests import factories as f
from tests.changelog_support import accept_correction, catalogue_site, publish_submission
from tests.test_submissions_support import make_moderator, make_reference_data

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
TOMBSTONE = "{http://purl.org/atompub/tombstones/1.0}deleted-entry"


# RFC 3339 date-times with a zone (RFC 4287 3.3), and absolute IRIs for ids (4.2.6).
DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")


def assert_atom_element(element, *, author_inherited: bool) -> None:
    """What RFC 4287 requires of a feed or an entry: exactly one id (an absolute IRI), one
    title and one updated (an RFC 3339 date-time); an author here or on the feed."""
    for required in ("id", "title", "updated"):
        found = element.findall(f"{ATOM}{required}")
        assert len(found) == 1 and (found[0].text or "").strip(), required
    assert ABSOLUTE_IRI.fullmatch(element.findtext(f"{ATOM}id").strip())
    assert DATE_TIME.fullmatch(element.findtext(f"{ATOM}updated").strip())
    published = element.findtext(f"{ATOM}published")
    assert published is None or DATE_TIME.fullmatch(published.strip())
    authors = element.findall(f"{ATOM}author")
    assert author_inherited or authors, "no author"
    assert all((author.findtext(f"{ATOM}name") or "").strip() for author in authors)


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    feed_has_author = bool(feed.findall(f"{ATOM}author"))
    assert_atom_element(
        feed,
        author_inherited=bool(entries) and all(entry.findall(f"{ATOM}author") for entry in entries),
    )
    assert feed.find(f"{ATOM}link[@rel='self']").get("href").startswith("http")
    for entry in entries:
        assert_atom_element(entry, author_inherited=feed_has_author)
        # No content element, so an alternate link is required (4.1.1).
        assert entry.find(f"{ATOM}content") is not None or entry.find(
            f"{ATOM}link[@rel='alternate']"
        ).get("href").startswith("http")
    for tombstone in feed.findall(TOMBSTONE):  # RFC 6721: ref and when are required
        assert ABSOLUTE_IRI.fullmatch(tombstone.get("ref"))
        assert DATE_TIME.fullmatch(tombstone.get("when"))
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(ids) == len(set(ids)), "an entry appears twice"
    return feed, entries


def titles(entries):
    return [entry.findtext(f"{ATOM}title") for entry in entries]


@pytest.fixture
def history():
    ref, moderator = make_reference_data(), make_moderator()
    kept = catalogue_site(name="Alpha Partnership")
    gone = catalogue_site(name="Beta Alliance")
    accept_correction(kept, moderator, f.UserFactory(), summary="A corrected summary.")
    site_withdraw(site_id=gone.pk, moderator=moderator, reason="Duplicate entry")
    return {"ref": ref, "moderator": moderator, "kept": kept, "gone": gone}


def test_the_feed_of_all_changes_has_each_change_once_newest_first(client, history):
    feed, entries = atom(client, "/changes/feed/")
    assert titles(entries) == [
        "Beta Alliance withdrawn from the catalogue",
        "Alpha Partnership: summary corrected",
        "Beta Alliance added to the catalogue",
        "Alpha Partnership added to the catalogue",
    ]
    corrected = entries[1]
    link = corrected.find(f"{ATOM}link").get("href")
    assert link.endswith(f"/sites/{history['kept'].slug}/revisions/2/")
    assert "A corrected summary." in corrected.findtext(f"{ATOM}summary")


def test_a_withdrawn_site_is_a_tombstone_naming_the_site(client, history):
    for url in (
        "/changes/feed/",
        "/changes/feed/new-sites/",
        f"/sites/{history['gone'].slug}/feed/",
    ):
        feed, _entries = atom(client, url)
        (tombstone,) = feed.findall(TOMBSTONE)
        assert tombstone.get("ref") == site_entry_id(history["gone"].slug)
        assert tombstone.get("when")


def test_the_new_sites_feed_gives_each_site_its_own_id(client, history):
    _feed, entries = atom(client, "/changes/feed/new-sites/")
    created = [e for e in entries if e.findtext(f"{ATOM}title").endswith("added to the catalogue")]
    assert [e.findtext(f"{ATOM}id") for e in created] == [
        site_entry_id(history["gone"].slug),
        site_entry_id(history["kept"].slug),
    ]
    assert not any("corrected" in title for title in titles(entries))


def test_one_sites_feed_has_only_its_changes(client, history):
    _feed, entries = atom(client, f"/sites/{history['kept'].slug}/feed/")
    assert titles(entries) == [
        "Alpha Partnership: summary corrected",
        "Alpha Partnership added to the catalogue",
    ]
    assert client.get("/sites/no-such-site/feed/").status_code == 404


def test_a_search_feed_follows_the_sites_the_search_matches(client, history):
    ref = history["ref"]
    TypologyCoding.objects.create(
        site=history["kept"], typology=ref.typologies[0], source=f.SourceFactory(), rank="preferred"
    )
    other = publish_submission(ref, history["moderator"], typology=ref.typologies[1].slug)
    feed, entries = atom(client, f"/changes/feed/search/?typology={ref.typologies[0].slug}")
    assert titles(entries) and all(t.startswith("Alpha Partnership") for t in titles(entries))
    assert not any(t.startswith(other.name) for t in titles(entries))
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert f"typology={ref.typologies[0].slug}" in self_link


def test_a_search_feed_of_a_bad_search_is_a_400_naming_the_problem(client):
    response = client.get("/changes/feed/search/?typology=no-such-type")
    assert response.status_code == 400
    assert "no-such-type" in response.content.decode()


def test_the_browse_page_links_to_the_feed_of_its_search(client, history):
    ref = history["ref"]
    html = client.get(f"/sites/?typology={ref.typologies[0].slug}").content.decode()
    feed_url = f"/changes/feed/search/?typology={ref.typologies[0].slug}"
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert f'href="{feed_url}"' in html


def test_feeds_run_the_same_queries_whatever_the_log_length(client):
    rows = [
        CatalogueChange(
            site_slug=f"s{n}", site_name=f"S{n}", revision_number=1, kind="site-created"
        )
        for n in range(200)
    ]
    CatalogueChange.objects.bulk_create(rows[:3])
    with CaptureQueriesContext(connection) as small:
        client.get("/changes/feed/")
    CatalogueChange.objects.bulk_create(rows[3:])
    with CaptureQueriesContext(connection) as large:
        _feed, entries = atom(client, "/changes/feed/")
    assert len(small) == len(large) and len(entries) == 50
