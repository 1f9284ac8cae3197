"""Every passage the catalogue cites is the source document's own words, in its order.

fixtures/passages.yaml lists the passages per source (docs/fixtures.md). Each excerpt must
appear in the document's text (../shared/seeds/, named by the source's seed_file) once
whitespace and quote marks are normalised, and each source's passages must be listed in the
order they appear in the document.
"""

import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"

QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "‟": '"'})
# A hyphen ending a line joins the next line: the slide deck breaks "place-based" and
# "stake-holders" over two lines.
LINE_END_HYPHEN = re.compile(r"-[ \t]*\n\s*")
# Locators that describe a place with no printed heading of its own.
DESCRIPTIVE_LOCATORS = {"Opening paragraphs, before 1. Why collaborate?"}
KEYS = {"id", "source", "locator", "excerpt", "url"}
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def normalise(text: str) -> str:
    """One space for every run of whitespace; straight and curly quote marks alike."""
    return " ".join(LINE_END_HYPHEN.sub("-", text).translate(QUOTE_MARKS).split())


def load(name: str) -> dict:
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8")) or {}


PASSAGES = load("passages.yaml").get("passages") or []
SOURCES = {row["slug"]: row for row in load("sources.yaml")["sources"]}


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    """Each document source's normalised text, by source slug."""
    if not SEEDS.is_dir():
        pytest.skip(f"the source documents are not at {SEEDS}")
    return {
        slug: normalise((SEEDS / row["seed_file"]).read_text(encoding="utf-8"))
        for slug, row in SOURCES.items()
        if row.get("seed_file")
    }


def label(passage: dict) -> str:
    return f"passage {passage.get('id')!r}"


def test_normalise_treats_line_breaks_spaces_and_quote_marks_alike():
    expected = "a 'northstar' – guiding \"the\" work"
    assert normalise("a ‘northstar’ –\n  guiding “the” work") == expected
    assert normalise("Bottom-up, place-\nbased") == "Bottom-up, place-based"
    assert normalise("Place Based") != normalise("place based")


def test_every_passage_has_a_unique_id_a_document_source_a_locator_and_an_excerpt():
    assert len(PASSAGES) > 100
    seen = set()
    for passage in PASSAGES:
        assert {"id", "source", "locator", "excerpt"} <= set(passage) <= KEYS, label(passage)
        assert ID.match(passage["id"]), label(passage)
        assert passage["id"] not in seen, f"{label(passage)} is listed twice"
        seen.add(passage["id"])
        assert SOURCES.get(passage["source"], {}).get("seed_file"), label(passage)
        assert passage["locator"].strip() and passage["excerpt"].strip(), label(passage)


def test_every_excerpt_is_verbatim_in_its_source_document(documents):
    missing = [
        f"{label(p)} ({p['source']}): {p['excerpt']!r}"
        for p in PASSAGES
        if normalise(p["excerpt"]) not in documents[p["source"]]
    ]
    assert not missing, "not found in the document:\n" + "\n".join(missing)


def test_each_sources_passages_are_listed_in_document_order(documents):
    """Each excerpt is found at or after where the previous one of its source starts."""
    start = dict.fromkeys(documents, 0)
    out_of_order = []
    for passage in PASSAGES:
        text, excerpt = documents[passage["source"]], normalise(passage["excerpt"])
        if excerpt not in text:
            continue  # reported by the verbatim test
        found = text.find(excerpt, start[passage["source"]])
        if found < 0:
            out_of_order.append(label(passage))
        else:
            start[passage["source"]] = found
    assert not out_of_order, "listed before a passage that precedes it: " + ", ".join(out_of_order)


def test_every_locator_names_headings_printed_in_the_document(documents):
    """A locator is a heading, or headings joined by " — " (section — theme — box)."""
    unknown = []
    for passage in PASSAGES:
        if passage["locator"] in DESCRIPTIVE_LOCATORS:
            continue
        for heading in passage["locator"].split(" — "):
            if normalise(heading) not in documents[passage["source"]]:
                unknown.append(f"{label(passage)}: {heading!r}")
    assert not unknown, "headings not in the document:\n" + "\n".join(unknown)


def cited_ids(node) -> list[str]:
    """Every passage id under a `refs` key, anywhere in a fixture file."""
    if isinstance(node, dict):
        found = list(node.get("refs") or [])
        for key, value in node.items():
            if key != "refs":
                found += cited_ids(value)
        return found
    if isinstance(node, list):
        return [ref for item in node for ref in cited_ids(item)]
    return []


def test_every_ref_names_a_passage_and_every_passage_is_cited():
    cited = {
        file.name: cited_ids(load(file.name))
        for file in sorted(FIXTURES.glob("*.yaml"))
        if file.name != "passages.yaml"
    }
    ids = {passage["id"] for passage in PASSAGES}
    unknown = {name: sorted(set(refs) - ids) for name, refs in cited.items() if set(refs) - ids}
    assert not unknown, f"refs naming no passage: {unknown}"
    used = {ref for refs in cited.values() for ref in refs}
    assert not ids - used, f"passages no fact or finding cites: {sorted(ids - used)}"
