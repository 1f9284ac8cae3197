"""Readers and API clients never meet the catalogue's internal words.

A crawl of the seed catalogue as an anonymous reader (every page from the home page, every
API response from the API root, the CSV export) fails on "seed", "DOMAIN.md", "domain notes",
"fixture", source file names such as "003_..." and field names such as governance_mode shown
as text. The words of the documents themselves (verbatim passages) are checked too: they
contain none of these.
"""

import csv
import io
import json
import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest
from django.test import Client

# Anywhere a reader or client can read it: pages, JSON values, CSV cells.
INTERNAL_WORDS = re.compile(
    r"\bseeds?\b|DOMAIN\.md|\bdomain notes\b|\bdomain mapping\b|\bfixtures?\b|"
    r"\b\d{3}_[0-9a-f]{6,}|\.ya?ml\b",
    re.IGNORECASE,
)
# Field names shown as text on a page. A page's <code> may document the API's fields, and
# the API's own reference pages (under /api/) name its parameters and fields throughout.
FIELD_NAME = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
API_REFERENCE = "/api/"
START_URLS = ("/", "/api/v1/", "/api/v1/sites/", "/api/v1/sites/export.csv")
SKIPPED_PATHS = ("/admin/", "/accounts/logout", "/static/", "/media/")
MAX_URLS = 900
PARSED_PER_SHAPE = 2
# Attributes whose values a reader meets (tooltips, alternatives, labels).
READ_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder", "aria-description"}


@pytest.fixture
def catalogue(seed_catalogue, db, settings):
    """The seed catalogue in this test, with the anonymous API rate limit out of the way."""
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**rates, "anon": "1000000/hour"},
    }


class ReadableText(HTMLParser):
    """A page's links, the text a reader sees (outside <code>) and the text in <code>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.text, self.code = [], [], []
        self._skip = 0  # inside <script> or <style>
        self._code = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "style"}:
            self._skip += 1
        if tag in {"code", "pre", "kbd", "samp"}:
            self._code += 1
        if tag in {"a", "link"} and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "form" and (attrs.get("method") or "get").lower() == "get":
            self.links.append(attrs.get("action") or "")
        self.text += [value for name, value in attrs.items() if name in READ_ATTRIBUTES and value]
        if tag == "meta" and attrs.get("name") == "description":
            self.text.append(attrs.get("content") or "")

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1
        if tag in {"code", "pre", "kbd", "samp"} and self._code:
            self._code -= 1

    def handle_data(self, data):
        if not self._skip:
            (self.code if self._code else self.text).append(data)


def internal_url(href: str, base: str) -> str | None:
    parts = urlsplit(urljoin(f"http://testserver{base}", href.strip()))
    if parts.scheme not in {"http", "https"} or parts.netloc != "testserver":
        return None
    if not href.strip() or href.startswith("#") or parts.path.startswith(SKIPPED_PATHS):
        return None
    return urlunsplit(("", "", parts.path or "/", parts.query, ""))


def shape(url: str) -> tuple:
    path, _, query = url.partition("?")
    return path, tuple(sorted({pair.partition("=")[0] for pair in query.split("&") if pair}))


def json_strings(node):
    """Every string value of a JSON document (keys are the API's own field names)."""
    if isinstance(node, dict):
        for value in node.values():
            yield from json_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from json_strings(value)
    elif isinstance(node, str):
        yield node


def findings_in(url: str, response) -> tuple[list[str], list[str]]:
    """(internal words found, links to follow) for one response."""
    kind = response["Content-Type"].split(";")[0]
    if not kind.startswith("text/") and "json" not in kind and "openapi" not in kind:
        return [], []  # images, icons, fonts
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = content.decode("utf-8", errors="replace")
    if kind == "text/html":
        page = ReadableText()
        page.feed(body)
        text = " ".join(" ".join(page.text).split())
        words = [m.group(0) for m in INTERNAL_WORDS.finditer(text)]
        if not url.startswith(API_REFERENCE):
            words += [m.group(0) for m in FIELD_NAME.finditer(text)]
        words += [m.group(0) for m in INTERNAL_WORDS.finditer(" ".join(page.code))]
        return words, page.links
    if kind == "application/json" or kind.endswith("+json"):
        strings = list(json_strings(json.loads(body)))
        words = [m.group(0) for s in strings for m in INTERNAL_WORDS.finditer(s)]
        links = [s for s in strings if s.startswith(("http://testserver/", "/api/"))]
        return words, links
    if kind == "text/csv":
        rows = list(csv.reader(io.StringIO(body)))
        cells = " ".join(cell for row in rows[1:] for cell in row)  # row 0: column names
        return [m.group(0) for m in INTERNAL_WORDS.finditer(cells)], []
    return [m.group(0) for m in INTERNAL_WORDS.finditer(body)], []


def crawl(client):
    """{url: [internal words]} for every address reached, and the count of each content type."""
    found, queue, parsed = set(START_URLS), deque(START_URLS), Counter()
    words_by_url, kinds = {}, Counter()
    while queue:
        url = queue.popleft()
        try:
            response = client.get(url)
        except Exception as error:  # noqa: BLE001 - a crash hides the page's words: report it
            words_by_url[url] = [f"crashed: {type(error).__name__}"]
            continue
        if 300 <= response.status_code < 400 and response.has_header("Location"):
            links = [response["Location"]]
            words = []
        elif response.status_code != 200:
            continue
        else:
            kinds[response["Content-Type"].split(";")[0]] += 1
            words, links = findings_in(url, response)
            if parsed[shape(url)] >= PARSED_PER_SHAPE:
                links = []
            parsed[shape(url)] += 1
        if words:
            words_by_url[url] = sorted(set(words))
        for href in links:
            target = internal_url(href, url)
            if target and target not in found and len(found) < MAX_URLS:
                found.add(target)
                queue.append(target)
    return words_by_url, kinds, found


def test_no_page_api_response_or_export_speaks_of_seeds_files_or_field_names(catalogue):
    words_by_url, kinds, visited = crawl(Client())
    assert not words_by_url, "Internal words readers would see:\n" + "\n".join(
        f"{url}: {', '.join(words)}" for url, words in sorted(words_by_url.items())
    )
    # The crawl really went through the catalogue: pages, API responses and the CSV.
    assert kinds["text/html"] > 100 and kinds["application/json"] > 30 and kinds["text/csv"]
    for address in (
        "/sites/somerset-richmond-group/",
        "/api/v1/sites/golden-key/",
        "/study/",
        "/accountability/",
        "/framework/",
        "/drivers/",
    ):
        assert address in visited


def test_the_crawl_would_see_an_internal_word_on_a_page(catalogue):
    from collaborations.models import Site

    Site.objects.filter(slug="golden-key").update(summary="Assembled from seed 003.")
    Site.objects.filter(slug="wigan-council").update(summary="Its governance_mode is empty.")
    client = Client()
    words, _links = findings_in("/sites/golden-key/", client.get("/sites/golden-key/"))
    assert "seed" in words
    words, _links = findings_in("/sites/wigan-council/", client.get("/sites/wigan-council/"))
    assert "governance_mode" in words
