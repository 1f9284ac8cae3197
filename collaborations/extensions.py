"""Hooks through which the apps built on this one add to it, so that it imports none of them.

An app above collaborations (accountability today) calls `extend()` from its
AppConfig.ready() with what it adds: the reference tables and site facts of its fixture
file (loaded by `load_catalogue`), codebook entries, reference endpoints of the API, and
the site facts a submission asks about (its own section of the task list).
(Facets it adds to the one FilterSet with `collaborations.filters.add_filters()`.)
Readers ask this module at call time, never at import time, so the order in which modules
import does not matter.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Extension:
    """What one app adds. Dicts keep their order: it is the load and display order."""

    # The fixture file holding the app's rows, and its top-level tables -> model.
    fixture_file: str = ""
    reference_tables: dict = field(default_factory=dict)
    # Fact sections of a site row in any fixture file -> statement model.
    fact_sections: dict = field(default_factory=dict)
    # Codebook: (API name, definition, reference model) of each site fact it adds, and
    # (reference model, describe(value) or None) of each reference table.
    codebook_facts: list = field(default_factory=list)
    codebook_tables: list = field(default_factory=list)
    codebook_related: dict = field(default_factory=dict)
    # API reference endpoints: URL name -> viewset class.
    reference_endpoints: Callable[[], dict] | None = None
    # Site facts practitioners are asked about in a submission: an instance of
    # collaborations.submissions.contributed.ContributedFacts (its own task-list section).
    submission_facts: object | None = None
    # Pages that show findings (a topic's `page`): page -> (URL name, the page's title).
    finding_pages: dict = field(default_factory=dict)
    # Reference data of the app's own that `load_catalogue` loads after the catalogue:
    # (what it is called, load(fixture folder) -> a count), raising ExtensionLoadError.
    catalogue_loader: tuple[str, Callable] | None = None


class ExtensionLoadError(Exception):
    """An app's own fixture could not be loaded; the message names the file and entry."""


EXTENSIONS: list[Extension] = []


def extend(extension: Extension) -> None:
    EXTENSIONS.append(extension)


def collected(attribute: str) -> list:
    return [getattr(extension, attribute) for extension in EXTENSIONS]


# The pages of this app that show findings; apps above it add theirs with `extend()`.
FINDING_PAGES = {
    "study": ("collaborations:study", "The study"),
    "drivers": ("collaborations:driver-matrix", "Why collaborate: the key drivers"),
    "framework": ("collaborations:framework", "A framework of collaborative capacity"),
}


def finding_page(page: str) -> tuple[str, str] | None:
    """(URL name, title) of the page that shows a topic's findings, None if no page does."""
    pages = dict(FINDING_PAGES)
    for extra in collected("finding_pages"):
        pages.update(extra)
    return pages.get(page)
