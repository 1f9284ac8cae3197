"""'Cite this page': a plain-text reference and a BibTeX entry for a case page."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dateformat import format as format_date

from collaborations.models import Site

CATALOGUE_TITLE = "Rallying: a catalogue of collaborations in local public services"
CATALOGUE_AUTHOR = "Rallying catalogue"
BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


@dataclass
class PageCitation:
    text: str
    bibtex: str


def bibtex_escape(value: str) -> str:
    return BIBTEX_SPECIAL.sub(r"\\\1", value)


def site_citation(site: Site, *, url: str, accessed: datetime.date) -> PageCitation:
    updated = timezone.localdate(site.updated_at)
    year = updated.year
    text = (
        f"{CATALOGUE_AUTHOR} ({year}) ‘{site.name}’. {CATALOGUE_TITLE}. "
        f"Last updated {format_date(updated, 'j F Y')}. Available at: {url} "
        f"(Accessed: {format_date(accessed, 'j F Y')})."
    )
    key = re.sub(r"[^a-z0-9]+", "_", site.slug.lower()).strip("_")
    bibtex = "\n".join(
        [
            f"@misc{{rallying_{key}_{year},",
            f"  author       = {{{{{CATALOGUE_AUTHOR}}}}},",
            f"  title        = {{{{{bibtex_escape(site.name)}}}}},",
            f"  howpublished = {{{bibtex_escape(CATALOGUE_TITLE)}}},",
            f"  year         = {{{year}}},",
            f"  url          = {{{url}}},",
            f"  note         = {{Last updated {updated.isoformat()}; "
            f"accessed {accessed.isoformat()}}},",
            "}",
        ]
    )
    return PageCitation(text=text, bibtex=bibtex)
