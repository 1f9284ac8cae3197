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
        self.client = client

    def get(self, url, params=None, timeout=None):
        response = self.client.get(url, params or {})

        def raise_for_status():
            assert response.status_code < 400, (url, response.status_code)

        response.raise_for_status = raise_for_status
        return response


def test_the_keeping_in_sync_example_copies_the_catalogue_and_then_keeps_up(
    client, seed_catalogue, tmp_path, monkeypatch
):
    import json
    import sys

    from collaborations.changelog.withdrawal import site_withdraw
    from collaborations.models import Site
    from tests.test_submissions_support import make_moderator

    monkeypatch.setitem(sys.modules, "requests", ClientRequests(client))
    monkeypatch.chdir(tmp_path)
    code = compile(sync_example(), "docs/api.md", "exec")

    def copied():
        exec(code, {"__name__": "example"})
        return json.loads((tmp_path / "rallying-copy.json").read_text())["sites"]

    assert set(copied()) == set(Site.public.values_list("slug", flat=True))
    wigan = Site.public.get(slug="wigan-council")
    site_withdraw(site_id=wigan.pk, moderator=make_moderator(), reason="Test withdrawal")
    sites = copied()
    assert "wigan-council" not in sites
    assert set(sites) == set(Site.public.values_list("slug", flat=True))
