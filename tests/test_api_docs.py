"""docs/api.md stays true: its example requests answer on the seed catalogue, and the CSV
columns it lists are the real ones."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

from collaborations.api.columns import SITE_HEADERS

DOCS = Path(__file__).resolve().parent.parent / "docs" / "api.md"
TEXT = DOCS.read_text(encoding="utf-8")


def documented_urls():
    """Every API address the examples request, as a path with its query string."""
    shell = re.findall(r'"\$BASE(/[^"]*)"', TEXT)
    absolute = re.findall(r'"http://127\.0\.0\.1:8000(/api/v1/[^"]*)"', TEXT)
    return sorted({f"/api/v1{path}" for path in shell} | set(absolute))


@pytest.fixture
def seed_catalogue(db):
    call_command("load_catalogue", verbosity=0)


def test_the_examples_request_something():
    assert len(documented_urls()) >= 15


def test_every_example_request_answers_on_the_seed_catalogue(client, seed_catalogue):
    failures = []
    for url in documented_urls():
        response = client.get(url)
        if response.status_code != 200:
            failures.append((url, response.status_code, response.content[:300]))
        elif "/sites/?" in url and "format=csv" not in url and not response.json()["count"]:
            failures.append((url, "no site matches: the example shows nothing"))
    assert not failures


def test_the_documented_csv_columns_are_the_real_ones():
    listed = re.search(r"The columns, in this fixed order:\n\n`([^`]+)`", TEXT).group(1)
    assert [name.strip() for name in listed.split(",")] == SITE_HEADERS


def test_the_readme_points_here():
    readme = (DOCS.parent.parent / "README.md").read_text(encoding="utf-8")
    assert "docs/api.md" in readme


def sync_example() -> str:
    section = TEXT.split("## Keeping in sync", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


class ClientRequests:
    """`requests.get` answered by the Django test client, for running the docs' example."""

    def __init__(self, client):
        self.client, self.urls = client, []

    def get(self, url, params=None, timeout=None):
        self.urls.append(url)
        response = self.client.get(url, params or {})

        def raise_for_status():
            assert response.status_code < 400, (url, response.status_code)

        response.raise_for_status = raise_for_status
        return response


def run_sync_example(client, tmp_path, monkeypatch, start_from=None, requests=None):
    """The docs' example, run in tmp_path against the test client; returns its copy."""
    import json
    import sys

    monkeypatch.setitem(sys.modules, "requests", requests or ClientRequests(client))
    monkeypatch.chdir(tmp_path)
    source = sync_example()
    if start_from is not None:
        assert "\nSTART_FROM = None\n" in source
        source = source.replace("\nSTART_FROM = None\n", f"\nSTART_FROM = {start_from!r}\n")
    exec(compile(source, "docs/api.md", "exec"), {"__name__": "example"})
    return json.loads((tmp_path / "rallying-copy.json").read_text())["sites"]


def published_copy(client) -> dict:
    """The server's published set, as the API gives each site."""
    page = client.get("/api/v1/sites/?page_size=200").json()
    assert page["next"] is None
    return {site["slug"]: site for site in page["results"]}


def change_the_catalogue():
    """A site created, one corrected, one withdrawn, one created and withdrawn, one
    withdrawn and published again: every kind of change the log records."""
    from collaborations.changelog.withdrawal import site_withdraw
    from collaborations.models import Site
    from collaborations.submissions.revisions import site_public_revision_sync
    from tests import factories as f
    from tests.changelog_support import accept_correction, publish_submission
    from tests.test_submissions_support import make_moderator, make_reference_data

    ref, moderator, proposer = make_reference_data(), make_moderator(), f.UserFactory()
    created = publish_submission(ref, moderator)
    accept_correction(
        Site.public.get(slug="oldham-council"), moderator, proposer, summary="A corrected summary."
    )
    site_withdraw(
        site_id=Site.public.get(slug="wigan-council").pk,
        moderator=moderator,
        reason="Test withdrawal",
    )
    gone = publish_submission(ref, moderator, name="Short-lived alliance")
    site_withdraw(site_id=gone.pk, moderator=moderator, reason="Closed")
    back = Site.public.get(slug="plymouth-council")
    site_withdraw(site_id=back.pk, moderator=moderator, reason="Checking")
    Site.objects.filter(pk=back.pk).update(status=Site.Status.PUBLISHED)
    site_public_revision_sync(site=Site.objects.get(pk=back.pk), note="Published again")
    return created


def test_the_keeping_in_sync_example_copies_the_catalogue_and_then_keeps_up(
    client, seed_catalogue, tmp_path, monkeypatch
):
    assert run_sync_example(client, tmp_path, monkeypatch) == published_copy(client)
    created = change_the_catalogue()
    copy = run_sync_example(client, tmp_path, monkeypatch)
    assert copy == published_copy(client)
    assert created.slug in copy and "wigan-council" not in copy
    assert copy["oldham-council"]["summary"] == "A corrected summary."
    assert run_sync_example(client, tmp_path, monkeypatch) == copy  # nothing new


def test_the_example_started_from_a_download_catches_up_with_since(
    client, seed_catalogue, tmp_path, monkeypatch
):
    import json
    from datetime import UTC, datetime

    moment = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    download = tmp_path / "rallying-sites.json"
    response = client.get("/api/v1/sites/export.json")
    download.write_bytes(b"".join(response.streaming_content))
    before = {site["slug"] for site in json.loads(download.read_text())["results"]}
    created = change_the_catalogue()
    requests = ClientRequests(client)
    copy = run_sync_example(
        client, tmp_path, monkeypatch, start_from=(str(download), moment), requests=requests
    )
    assert copy == published_copy(client)
    # Only what changed since the moment was fetched again.
    assert not any(url.endswith("/sites/west-london-zone/") for url in requests.urls)
    assert created.slug in copy and created.slug not in before
    assert "wigan-council" in before and "wigan-council" not in copy
