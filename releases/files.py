"""Writing a release's files into a folder: the data (CSV, JSON, SQLite), the citation in
every format, the notes, the Frictionless data package, the checksums and the bundle."""

import csv
import hashlib
import json
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

from rest_framework.utils.encoders import JSONEncoder

from collaborations.api.columns import SITE_HEADERS
from collaborations.pages.citation import CATALOGUE_TITLE, Citation

from . import schema
from .records import csv_row, site_records

CSV_NAME, JSON_NAME, SQLITE_NAME = "rallying-sites.csv", "rallying-sites.json", "rallying.sqlite3"
BUNDLE_NAME, SUMS_NAME, PACKAGE_NAME = "rallying-data.zip", "SHA256SUMS", "datapackage.json"
LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}


@dataclass(frozen=True)
class WrittenFile:
    name: str
    title: str
    media_type: str
    size: int
    sha256: str


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _written(folder: Path, name: str, title: str, media_type: str) -> WrittenFile:
    path = folder / name
    return WrittenFile(name, title, media_type, path.stat().st_size, sha256_of(path))


def write_data(folder: Path) -> int:
    """The sites as CSV, JSON and SQLite, in one pass over the catalogue; returns the count."""
    encoder = JSONEncoder(ensure_ascii=False)
    database = sqlite3.connect(folder / SQLITE_NAME)
    columns = ", ".join(f'"{h}" {schema.sqlite_type(h)}' for h in SITE_HEADERS)
    database.execute(f"CREATE TABLE sites ({columns}, PRIMARY KEY (slug))")
    database.execute("CREATE TABLE site_records (slug TEXT PRIMARY KEY, record TEXT NOT NULL)")
    placeholders = ", ".join("?" for _ in SITE_HEADERS)
    count = 0
    with (
        (folder / CSV_NAME).open("w", encoding="utf-8", newline="") as csv_file,
        (folder / JSON_NAME).open("w", encoding="utf-8") as json_file,
    ):
        writer = csv.writer(csv_file)
        writer.writerow(SITE_HEADERS)
        json_file.write('{"results": [\n')
        for record in site_records():
            row = csv_row(record)
            writer.writerow(row)
            text = encoder.encode(record)
            json_file.write(("" if count == 0 else ",\n") + text)
            database.execute(f"INSERT INTO sites VALUES ({placeholders})", _typed(row))
            database.execute("INSERT INTO site_records VALUES (?, ?)", [record["slug"], text])
            count += 1
        json_file.write(f'\n], "count": {count}}}\n')
    database.commit()
    database.close()
    return count


def _typed(row: list[str]) -> list:
    values = []
    for header, cell in zip(SITE_HEADERS, row, strict=True):
        integer = schema.sqlite_type(header) == "INTEGER"
        values.append((int(cell) if cell else None) if integer else cell)
    return values


def write_citations(folder: Path, citation: Citation) -> None:
    (folder / "CITATION.cff").write_text(citation.cff, encoding="utf-8")
    (folder / "citation.bib").write_text(citation.bibtex + "\n", encoding="utf-8")
    (folder / "citation.ris").write_bytes(citation.ris.encode("utf-8"))
    (folder / "citation.json").write_text(citation.csl_json + "\n", encoding="utf-8")


DESCRIBED_FILES = [
    (CSV_NAME, "The published sites, one row each", "text/csv"),
    (JSON_NAME, "The published sites with every fact and its citation", "application/json"),
    (SQLITE_NAME, "The sites table and each site's full record", "application/vnd.sqlite3"),
    ("RELEASE_NOTES.md", "What changed since the previous release", "text/markdown"),
    ("CITATION.cff", "How to cite this release (Citation File Format)", "text/x-yaml"),
    ("citation.bib", "How to cite this release (BibTeX)", "application/x-bibtex"),
    ("citation.ris", "How to cite this release (RIS)", "application/x-research-info-systems"),
    (
        "citation.json",
        "How to cite this release (CSL-JSON)",
        "application/vnd.citationstyles.csl+json",
    ),
]


def _resource(written: WrittenFile) -> dict:
    resource = {
        "name": written.name.lower().replace(".", "-").replace("_", "-"),
        "path": written.name,
        "title": written.title,
        "mediatype": written.media_type,
        "bytes": written.size,
        "hash": f"sha256:{written.sha256}",
    }
    if written.name == CSV_NAME:
        resource.update(
            profile="tabular-data-resource",
            format="csv",
            encoding="utf-8",
            schema=schema.table_schema(SITE_HEADERS),
        )
    else:
        resource.update(profile="data-resource", format=written.name.rsplit(".", 1)[-1].lower())
    return resource


def write_package(folder: Path, *, version: str, created: str, url: str, files: list) -> None:
    package = {
        "profile": "data-package",
        "name": "rallying",
        "id": url,
        "title": CATALOGUE_TITLE,
        "description": (
            "Collaborations in local public services: the research sites of the report "
            "'Are we Rallying Together?', the examples of a Collaborate discussion paper, "
            "and collaborations submitted by practitioners and reviewed by moderators. "
            "Every fact names its source."
        ),
        "version": version,
        "created": created,
        "homepage": url,
        "licenses": [LICENCE],
        "resources": [_resource(written) for written in files],
    }
    text = json.dumps(package, indent=2, ensure_ascii=False)
    (folder / PACKAGE_NAME).write_text(text + "\n", encoding="utf-8")


def write_sums(folder: Path, files: list[WrittenFile]) -> None:
    lines = [f"{written.sha256}  {written.name}\n" for written in files]
    (folder / SUMS_NAME).write_text("".join(lines), encoding="utf-8")


def write_bundle(folder: Path, names: list[str], prefix: str) -> None:
    with zipfile.ZipFile(folder / BUNDLE_NAME, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for name in names:
            bundle.write(folder / name, arcname=f"{prefix}/{name}")


def describe_files(folder: Path) -> list[WrittenFile]:
    return [_written(folder, name, title, kind) for name, title, kind in DESCRIBED_FILES]


def finish(folder: Path, *, version: str, created: str, url: str) -> list[WrittenFile]:
    """After the data, notes and citations: the package, checksums and bundle, and every
    file's size and checksum, in the order the release page lists them."""
    described = describe_files(folder)
    write_package(folder, version=version, created=created, url=url, files=described)
    package = _written(folder, PACKAGE_NAME, "Frictionless data package", "application/json")
    summed = [*described, package]
    write_sums(folder, summed)
    sums = _written(folder, SUMS_NAME, "SHA-256 checksums of the files", "text/plain")
    write_bundle(folder, [f.name for f in [*summed, sums]], prefix=f"rallying-{version}")
    bundle = _written(folder, BUNDLE_NAME, "Everything above, in one zip file", "application/zip")
    return [bundle, *summed, sums]
