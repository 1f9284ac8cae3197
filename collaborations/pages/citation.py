"""Citations of the catalogue's pages and releases, in the formats reference managers read:
plain text, BibTeX, RIS, CSL-JSON, and (for a data release) CITATION.cff.

A case page is cited at a revision: the citation names the revision number and date and
links to that revision's permanent address, so a reader finds exactly what was cited.
"""

import datetime
import json
import re
from dataclasses import dataclass
from functools import cached_property

from django.utils.dateformat import format as format_date

CATALOGUE_TITLE = "Rallying: a catalogue of collaborations in local public services"
CATALOGUE_AUTHOR = "Rallying catalogue"
LICENCE = "CC-BY-4.0"
BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


def bibtex_escape(value: str) -> str:
    return BIBTEX_SPECIAL.sub(r"\\\1", value)


def _long_date(day: datetime.date) -> str:
    return format_date(day, "j F Y")


def _date_parts(day: datetime.date) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}


@dataclass(frozen=True)
class Citation:
    """One work (a page at a revision, or a numbered data release) in every format."""

    key: str
    title: str
    version_label: str  # "revision 3", "version 1.2.0"
    version: str  # "3", "1.2.0"
    issued: datetime.date
    url: str
    accessed: datetime.date | None = None
    is_dataset: bool = False

    @property
    def access_clause(self) -> str:
        return f" (Accessed: {_long_date(self.accessed)})" if self.accessed else ""

    @cached_property
    def text(self) -> str:
        title = self.title if self.is_dataset else f"‘{self.title}’"
        medium = " [Data set]" if self.is_dataset else f". {CATALOGUE_TITLE}"
        return (
            f"{CATALOGUE_AUTHOR} ({self.issued.year}) {title}{medium}, {self.version_label}, "
            f"{_long_date(self.issued)}. Available at: {self.url}{self.access_clause}."
        )

    @cached_property
    def bibtex(self) -> str:
        note = f"{self.version_label[:1].upper()}{self.version_label[1:]} of {self.issued}"
        if self.accessed:
            note += f"; accessed {self.accessed.isoformat()}"
        lines = [
            f"@misc{{{self.key},",
            f"  author       = {{{{{CATALOGUE_AUTHOR}}}}},",
            f"  title        = {{{{{bibtex_escape(self.title)}}}}},",
        ]
        if not self.is_dataset:
            lines.append(f"  howpublished = {{{bibtex_escape(CATALOGUE_TITLE)}}},")
        lines += [
            f"  year         = {{{self.issued.year}}},",
            f"  version      = {{{self.version}}},",
            f"  url          = {{{self.url}}},",
            f"  note         = {{{note}}},",
            "}",
        ]
        return "\n".join(lines)

    @cached_property
    def ris(self) -> str:
        lines = [
            f"TY  - {'DATA' if self.is_dataset else 'ELEC'}",
            f"AU  - {CATALOGUE_AUTHOR}",
            f"TI  - {self.title}",
            f"T2  - {CATALOGUE_TITLE}",
            f"PY  - {self.issued.year}",
            f"DA  - {self.issued:%Y/%m/%d}",
            f"ET  - {self.version_label}",
            f"UR  - {self.url}",
        ]
        if self.accessed:
            lines.append(f"Y2  - {self.accessed:%Y/%m/%d}")
        lines.append("ER  - ")
        return "\r\n".join(lines) + "\r\n"

    @cached_property
    def csl(self) -> dict:
        item = {
            "id": self.key,
            "type": "dataset" if self.is_dataset else "webpage",
            "title": self.title,
            "container-title": CATALOGUE_TITLE,
            "author": [{"literal": CATALOGUE_AUTHOR}],
            "issued": _date_parts(self.issued),
            "version": self.version,
            "URL": self.url,
        }
        if self.accessed:
            item["accessed"] = _date_parts(self.accessed)
        return item

    @cached_property
    def csl_json(self) -> str:
        return json.dumps([self.csl], indent=2, ensure_ascii=False)

    @cached_property
    def cff(self) -> str:
        """CITATION.cff (Citation File Format 1.2.0), for a data release."""
        return "\n".join(
            [
                "cff-version: 1.2.0",
                'message: "If you use these data, please cite them as below."',
                "type: dataset",
                f"title: {json.dumps(self.title, ensure_ascii=False)}",
                f'version: "{self.version}"',
                f"date-released: {self.issued.isoformat()}",
                f"url: {json.dumps(self.url)}",
                f"license: {LICENCE}",
                "authors:",
                f"  - name: {json.dumps(CATALOGUE_AUTHOR)}",
                "",
            ]
        )


def bibtex_key(*parts) -> str:
    text = "_".join(str(part) for part in parts).lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def revision_citation(
    *, site_name: str, slug: str, number: int, issued: datetime.date, url: str, accessed
) -> Citation:
    """A case page as it was at one revision."""
    return Citation(
        key=bibtex_key("rallying", slug, f"r{number}"),
        title=site_name,
        version_label=f"revision {number}",
        version=str(number),
        issued=issued,
        url=url,
        accessed=accessed,
    )
