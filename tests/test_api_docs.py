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
