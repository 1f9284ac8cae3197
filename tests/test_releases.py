"""Numbered releases: valid data package, matching checksums, semantic versions, frozen files."""

import csv
import hashlib
import io
import json
import sqlite3
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from frictionless import validate

from collaborations.api.columns import SITE_HEADERS
from collaborations.changelog.withdrawal import site_withdraw
from collaborations.models import Site
from releases.models import Release
from tests import factories as f
from tests.changelog_support import accept_correction, catalogue_site
from tests.test_submissions_support import make_moderator

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def releases_dir(settings, tmp_path):
    settings.RELEASES_DIR = tmp_path / "releases"
    return settings.RELEASES_DIR


@pytest.fixture
def catalogue():
    sites = [catalogue_site(name=name) for name in ("Alpha Partnership", "Beta Alliance")]
    f.SiteFactory(name="Private draft", status=Site.Status.DRAFT)
    return sites


def release(*args) -> Release:
    call_command("release", *args, stdout=io.StringIO())
    return Release.objects.latest_release()


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_release_is_a_valid_data_package_with_matching_checksums(catalogue, releases_dir):
    first = release()
    folder = releases_dir / "1.0.0"
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    package = json.loads((folder / "datapackage.json").read_text())
    assert package["version"] == "1.0.0" and package["licenses"][0]["name"] == "CC-BY-4.0"
    described = {resource["path"] for resource in package["resources"]}
    assert {"rallying-sites.csv", "rallying-sites.json", "rallying.sqlite3", "CITATION.cff"} <= (
        described
    )
    fields = package["resources"][0]["schema"]["fields"]
    assert [field["name"] for field in fields] == SITE_HEADERS
    assert all(field["type"] and field["description"] for field in fields)
    assert {"facts_stated": "integer", "updated_at": "datetime"}.items() <= {
        field["name"]: field["type"] for field in fields
    }.items()
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert sha256(folder / name) == digest, name
    for entry in first.files.all():
        assert sha256(folder / entry.name) == entry.sha256, entry.name


def test_a_release_holds_every_published_record_in_each_format(catalogue, releases_dir):
    first = release()
    folder = releases_dir / "1.0.0"
    published = sorted(site.slug for site in catalogue)
    assert first.record_count == 2 and first.counts["records"] == 2
    rows = list(csv.DictReader((folder / "rallying-sites.csv").open(encoding="utf-8")))
    assert [row["slug"] for row in rows] == published
    records = json.loads((folder / "rallying-sites.json").read_text())
    assert records["count"] == 2 and [r["slug"] for r in records["results"]] == published
    database = sqlite3.connect(folder / "rallying.sqlite3")
    assert database.execute("SELECT count(*) FROM sites").fetchone() == (2,)
    assert database.execute("SELECT typeof(facts_stated) FROM sites").fetchone() == ("integer",)
    assert database.execute("SELECT count(*) FROM site_records").fetchone() == (2,)
    with zipfile.ZipFile(folder / "rallying-data.zip") as bundle:
        names = {name.split("/", 1)[1] for name in bundle.namelist()}
    assert {"CITATION.cff", "citation.bib", "citation.ris", "citation.json"} <= names
    assert {"datapackage.json", "SHA256SUMS", "RELEASE_NOTES.md", "rallying.sqlite3"} <= names
    cff = (folder / "CITATION.cff").read_text()
    assert "cff-version: 1.2.0" in cff and 'version: "1.0.0"' in cff and "type: dataset" in cff


def test_versions_follow_what_changed(catalogue, releases_dir):
    moderator, proposer = make_moderator(), f.UserFactory()
    assert release().version == "1.0.0"
    with pytest.raises(CommandError, match="Nothing has changed since release 1.0.0"):
        release()
    accept_correction(catalogue[0], moderator, proposer, summary="Corrected.")
    patch = release()
    assert patch.version == "1.0.1" and patch.level == "patch"
    assert "Alpha Partnership: summary corrected" in patch.notes
    catalogue_site(name="Gamma Network")
    site_withdraw(site_id=catalogue[1].pk, moderator=moderator, reason="Duplicate")
    minor = release()
    assert minor.version == "1.1.0" and minor.record_count == 2
    assert "Gamma Network added to the catalogue" in minor.notes
    assert "Beta Alliance withdrawn from the catalogue" in minor.notes
    assert "seed" not in minor.notes.lower()
    major = release("--major", "Completeness now counts statements, not fields")
    assert major.version == "2.0.0" and "counts statements" in major.notes


def test_a_published_release_never_changes(catalogue, releases_dir):
    first = release()
    checksums = {entry.name: entry.sha256 for entry in first.files.all()}
    with pytest.raises(ValidationError):
        first.save()
    with pytest.raises(ValidationError):
        first.delete()
    with pytest.raises(ValidationError):
        first.files.first().save()
    catalogue_site(name="Gamma Network")
    release()
    folder = releases_dir / "1.0.0"
    for name, digest in checksums.items():
        assert sha256(folder / name) == digest
        assert not (folder / name).stat().st_mode & 0o222  # read-only
    assert json.loads((folder / "rallying-sites.json").read_text())["count"] == 2


def test_the_release_pages_list_cite_and_serve_every_release(client, catalogue):
    first = release()
    catalogue_site(name="Gamma Network")
    second = release()
    listing = client.get("/data/releases/").content.decode()
    assert listing.index("1.1.0") < listing.index("1.0.0")
    page = client.get("/data/releases/1.0.0/").content.decode()
    assert "A newer release exists" in page
    for heading in ("Plain text", "BibTeX", "RIS", "CSL-JSON"):
        assert f">{heading}<" in page
    assert "version 1.0.0" in page and "CITATION.cff" in page
    entry = first.files.get(name="rallying-sites.csv")
    assert entry.sha256 in page
    download = client.get("/data/releases/1.0.0/rallying-sites.csv")
    body = b"".join(download.streaming_content)
    assert hashlib.sha256(body).hexdigest() == entry.sha256
    assert "immutable" in download["Cache-Control"]
    assert 'filename="rallying-1.0.0-rallying-sites.csv"' in download["Content-Disposition"]
    latest = client.get("/data/releases/latest/")
    assert latest.status_code == 302 and latest["Location"] == f"/data/releases/{second.version}/"
    latest_file = client.get("/data/releases/latest/rallying-data.zip")
    assert latest_file["Location"] == "/data/releases/1.1.0/rallying-data.zip"


@pytest.mark.parametrize(
    "url",
    [
        "/data/releases/9.9.9/",
        "/data/releases/1.0.0/passwords.txt",
        "/data/releases/latest/nothing.csv",
        "/data/releases/1.0/",
    ],
)
def test_unknown_releases_and_files_are_not_found(client, catalogue, url):
    release()
    assert client.get(url).status_code == 404


def test_no_release_yet_is_said_plainly(client):
    assert "No release has been published yet." in client.get("/data/releases/").content.decode()
    assert client.get("/data/releases/latest/").status_code == 404
