"""Robustness on the real seed catalogue: every link answers, and bad input never breaks a page.

The seed catalogue (fixtures/*.yaml) is loaded once for the module, inside a transaction
rolled back at the end: each test still runs in its own savepoint, and nothing leaks into
other modules.
"""

import json
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

import django_filters
import pytest
from django.conf import settings
from django.test import Client

from collaborations.api.renderers import EscapedJSONRenderer
from collaborations.filters import SiteFilterSet
from collaborations.submissions.forms import SubmissionForm
from tests import streaming

SCRIPT = "<script>alert(1)</script>"
DATES = django_filters.IsoDateTimeFilter


@pytest.fixture
def catalogue(seed_catalogue, db, settings):
    """The seed catalogue in this test, with the anonymous API rate limit out of the way."""
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**rates, "anon": "1000000/hour"},
    }


def request(client, url, method="get", **kwargs):
    """(status, response), or (what was raised, None): a crash is a finding, not a stop."""
    try:
        response = getattr(client, method)(url, **kwargs)
    except Exception as error:  # noqa: BLE001 - every crash is reported with its URL
        return f"exception {type(error).__name__}: {error}", None
    return response.status_code, response


def is_html(response) -> bool:
    return response["Content-Type"].startswith("text/html")


def is_json(response) -> bool:
    return response["Content-Type"].startswith("application/json")


def body_of(response) -> str:
    return streaming.body(response).decode("utf-8", errors="replace")


# --- reading pages -------------------------------------------------------------------------


class PageParser(HTMLParser):
    """Links, forms (with the values they would send as they stand), <h1> and <main>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.forms = []  # {"id", "method", "action", "fields": [(name, value)], "csrf"}
        self.h1_count = 0
        self.main_count = 0
        self.inline = []  # inline styles and scripts, which the Content-Security-Policy refuses
        self._form = None
        self._detached = []  # (form id, name, value) of fields outside their form (form="…")
        self._select = None  # [form, name, selected value, first value]
        self._textarea = None  # [form, name, text]

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        self._inline(tag, attrs)
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "main":
            self.main_count += 1
        elif tag == "form":
            self._form = {
                "id": attrs.get("id"),
                "method": attrs.get("method", "get").lower(),
                "action": attrs.get("action", ""),
                "fields": [],
                "csrf": False,
            }
            self.forms.append(self._form)
        elif tag in {"input", "select", "textarea"}:
            self._field(tag, attrs)
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select[3] is None:
                self._select[3] = value
            if "selected" in attrs:
                self._select[2] = value

    def _inline(self, tag, attrs):
        refused = [name for name in attrs if name == "style" or name.startswith("on")]
        if refused:
            self.inline.append(f"<{tag} {' '.join(refused)}=…>")
        runs = attrs.get("type", "text/javascript") in {"text/javascript", "module"}
        if tag == "style" or (tag == "script" and "src" not in attrs and runs):
            self.inline.append(f"<{tag}> element")

    def _field(self, tag, attrs):
        form = {"detached": attrs["form"]} if "form" in attrs else self._form
        name = attrs.get("name")
        if name == "csrfmiddlewaretoken" and form is self._form and form is not None:
            form["csrf"] = True
        if not name or "disabled" in attrs:
            return
        kind = attrs.get("type", "text").lower()
        if tag == "select":
            self._select = [form, name, None, None]
        elif tag == "textarea":
            self._textarea = [form, name, ""]
        elif kind in {"submit", "button", "reset", "image", "file"}:
            return  # a form sent with the Enter key sends no button
        elif kind in {"checkbox", "radio"}:
            if "checked" in attrs:
                self._add(form, name, attrs.get("value", "on"))
        else:
            self._add(form, name, attrs.get("value", ""))

    def _add(self, form, name, value):
        if form is None:
            return
        if "detached" in form:
            self._detached.append((form["detached"], name, value))
        else:
            form["fields"].append((name, value))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[2] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            form, name, selected, first = self._select
            if (value := selected if selected is not None else first) is not None:
                self._add(form, name, value)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._add(*self._textarea)
            self._textarea = None

    def close(self):
        super().close()
        forms_by_id = {form["id"]: form for form in self.forms if form["id"]}
        for form_id, name, value in self._detached:
            if form_id in forms_by_id:
                forms_by_id[form_id]["fields"].append((name, value))


def parse_html(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


# Pages not built on the site's layout, and why.
LAYOUT_EXEMPT: dict[str, str] = {}


def layout_problems(url: str, html: PageParser) -> list[str]:
    problems = []
    if url.split("?")[0] not in LAYOUT_EXEMPT:
        if html.h1_count != 1:
            problems.append(f"{url}: {html.h1_count} <h1> elements, not 1")
        if html.main_count != 1:
            problems.append(f"{url}: {html.main_count} <main> elements, not 1")
    if html.inline:
        problems.append(f"{url}: inline {', '.join(sorted(set(html.inline)))} (CSP refuses)")
    for form in html.forms:
        if form["method"] == "post" and not form["csrf"]:
            problems.append(f"{url}: a POST form (action {form['action']!r}) has no CSRF token")
    return problems


# --- crawling ------------------------------------------------------------------------------

MAX_URLS = 600
PARSED_PER_SHAPE = 1
SKIPPED_PATHS = ("/admin/", "/accounts/logout")


def internal_url(href: str, base: str) -> str | None:
    """The path and query (no fragment) of an internal link; None for one not followed."""
    href = href.strip()
    if not href or href.startswith("#") or href.lower().startswith(("mailto:", "tel:")):
        return None
    parts = urlsplit(urljoin(f"http://testserver{base}", href))
    own_hosts = {"testserver", urlsplit(settings.SITE_URL).netloc}
    if parts.scheme not in {"http", "https"} or parts.netloc not in own_hosts:
        return None
    if parts.path.startswith(SKIPPED_PATHS):
        return None
    return urlunsplit(("", "", parts.path or "/", parts.query, ""))


def get_form_urls(form, base: str) -> list[str]:
    """A GET form's action, and the action sent with the form's values as they stand."""
    action = internal_url(form["action"] or base, base)
    if action is None:
        return []
    urls = [action]
    if form["fields"]:
        urls.append(f"{action.split('?')[0]}?{urlencode(form['fields'])}")
    return urls


def shape(url: str) -> tuple:
    """An address's path and how many parameters it has: pages of one shape link to the same
    kinds of pages (/sites/?driver=a, /sites/?region=b)."""
    path, _, query = url.partition("?")
    return path, len({pair.partition("=")[0] for pair in query.split("&") if pair})


# The ways in the README names: the home page, and the API's root and site list (no page
# links to the API's lists, so the crawl would otherwise never follow a "next").
START_URLS = ("/", "/api/v1/", "/api/v1/sites/")


def crawl(client, starts=START_URLS, limit=MAX_URLS):
    """Breadth-first from `starts`, as an anonymous reader.

    Returns {url: (status, referrer, how it was found)} and the layout problems seen. Every
    address found is requested (up to `limit`); links are read from the first
    PARSED_PER_SHAPE page(s) of each shape, since the facets would otherwise combine without
    end. JSON is not read for links, except that a list's "next" page is followed once.
    """
    found = dict.fromkeys(starts, (None, "start"))  # url -> (referrer, how it was found)
    queue = deque(starts)
    parsed = Counter()
    results, problems = {}, []

    def add(url, referrer, how):
        if url and url not in found and len(found) < limit:
            found[url] = (referrer, how)
            queue.append(url)

    while queue:
        url = queue.popleft()
        status, response = request(client, url)
        results[url] = (status, *found[url])
        if response is None:
            continue
        if 300 <= status < 400 and response.has_header("Location"):
            add(internal_url(response["Location"], url), url, "redirect")
        elif is_html(response):
            html = parse_html(body_of(response))
            problems += layout_problems(url, html)
            if parsed[shape(url)] >= PARSED_PER_SHAPE:
                continue
            parsed[shape(url)] += 1
            for href in html.links:
                add(internal_url(href, url), url, "link")
            for form in html.forms:
                if form["method"] == "get":
                    for action in get_form_urls(form, url):
                        add(action, url, "form")
        elif is_json(response) and status == 200 and found[url][1] != "next":
            body = streaming.json_of(response)
            if isinstance(body, dict) and isinstance(body.get("next"), str):
                add(internal_url(body["next"], url), url, "next")
    return results, problems


def is_broken(status, how) -> bool:
    """A crash or a 5xx anywhere; a 404 anywhere; any other 4xx behind a link or a redirect
    (a GET form sent as it stands, with nothing chosen, may rightly ask for more)."""
    if not isinstance(status, int) or status >= 500 or status == 404:
        return True
    return how != "form" and 400 <= status < 500 and status not in {401, 403}


def test_every_link_and_form_of_the_seed_catalogue_answers_without_an_error(catalogue):
    results, problems = crawl(Client())
    broken = [
        f"{url} -> {status} -> {how} on {referrer}"
        for url, (status, referrer, how) in results.items()
        if is_broken(status, how)
    ]
    assert not broken, "Broken addresses (url -> status -> found on):\n" + "\n".join(broken)
    assert not problems, "Pages breaking the layout rules:\n" + "\n".join(problems)
    statuses = Counter(status for status, _referrer, _how in results.values())
    assert statuses[200] > 250  # the crawl really went through the catalogue
    visited = {url.split("?")[0] for url in results}
    for address in ("/sites/oldham-council/", "/api/v1/sites/oldham-council/", "/about/"):
        assert address in visited


def test_the_crawler_reads_links_forms_and_the_layout():
    html = parse_html(
        '<main id="main"><h1>Title</h1><a href="/sites/#top">x</a><a href="mailto:a@b">m</a>'
        '<a href="https://example.org/">e</a><a href="#here">f</a>'
        '<input form="f" name="q" value="café"><form id="f" method="get" action="/sites/">'
        '<input type="checkbox" name="kind" value="a" checked><input type="checkbox" '
        'name="kind" value="b"><select name="ordering"><option value="name">N</option>'
        '<option value="-name" selected>Z</option></select><button name="go">Go</button>'
        '</form><form method="post" action="/submit/"><input name="name"></form></main>'
    )
    links = [internal_url(href, "/about/") for href in html.links]
    assert links == ["/sites/", None, None, None]
    assert get_form_urls(html.forms[0], "/about/") == [
        "/sites/",
        "/sites/?kind=a&ordering=-name&q=caf%C3%A9",
    ]
    assert layout_problems("/x/", html) == [
        "/x/: a POST form (action '/submit/') has no CSRF token"
    ]
    assert internal_url("http://testserver/api/v1/sites/?page=2", "/") == "/api/v1/sites/?page=2"
    assert internal_url("/accounts/logout/", "/") is None
    assert internal_url("/admin/", "/") is None


def test_the_crawler_reports_what_the_content_security_policy_would_refuse():
    html = parse_html(
        '<main><h1>T</h1><span style="width: 5%">a</span><a onclick="go()">b</a>'
        '<script src="/static/a.js"></script><script type="application/json">{}</script>'
        "<script>alert(1)</script><style>p {}</style></main>"
    )
    assert layout_problems("/x/", html) == [
        "/x/: inline <a onclick=…>, <script> element, <span style=…>, <style> element (CSP refuses)"
    ]


# --- bad query values ----------------------------------------------------------------------

NASTY_VALUES = [
    [""],
    ["nope"],
    ["-1"],
    ["0"],
    ["99999999999999999999"],
    ["abc"],
    ["\x00"],  # sent as %00: a NUL character
    ["%00"],  # the three characters, sent as %2500
    ["' OR 1=1 --"],
    [SCRIPT],
    ["x" * 5000],
    ["café☃"],
    ["1", "1"],  # the parameter twice
]
NASTY_DATES = [
    ["2024-13-45"],
    ["9999-12-31T23:59:59-23:59"],  # after the end of time once in UTC: was a 500 on /sites/
]


def nasty_values(names: list[str]) -> list[list[str]]:
    dates = [name for name in names if isinstance(SiteFilterSet.base_filters.get(name), DATES)]
    return NASTY_VALUES + NASTY_DATES if dates else NASTY_VALUES


def is_choice(site_filter) -> bool:
    return isinstance(
        site_filter, django_filters.MultipleChoiceFilter | django_filters.ChoiceFilter
    ) and not isinstance(site_filter, django_filters.OrderingFilter)


# Facets and switches take a value from a list, and every nasty value but "" is outside it:
# they go together, one request per value (each must be named in the answer). The
# parameters that reach the query or the paginator with odd values go one by one.
CHOICE_PARAMETERS = [name for name, f in SiteFilterSet.base_filters.items() if is_choice(f)]
OTHER_PARAMETERS = [
    *(name for name, f in SiteFilterSet.base_filters.items() if not is_choice(f)),
    "page",
    "page_size",
    "format",
]
SITE_LISTS = ["/sites/", "/api/v1/sites/", "/api/v1/sites/export.csv", "/api/v1/sites/export.json"]
SWEEPS = [
    *(pytest.param(url, CHOICE_PARAMETERS, id=f"{url} choices") for url in SITE_LISTS),
    *(
        pytest.param(url, [name], id=f"{url} {name}")
        for url in SITE_LISTS
        for name in OTHER_PARAMETERS
    ),
    pytest.param("/compare/", ["sites"], id="/compare/ sites"),
    pytest.param("/compare/?sites=oldham-council", ["sites"], id="/compare/ one site and sites"),
    pytest.param(
        "/compare/?sites=oldham-council&sites=wigan-council",
        ["differences"],
        id="/compare/ differences",
    ),
    pytest.param("/api/v1/sites/oldham-council/", ["format"], id="/api/v1/sites/<slug>/ format"),
    pytest.param("/api/v1/drivers/", ["format"], id="/api/v1/drivers/ format"),
    pytest.param("/api/v1/sources/", ["format"], id="/api/v1/sources/ format"),
]


def with_parameters(url: str, names: list[str], values: list[str]) -> str:
    query = urlencode([(name, value) for name in names for value in values])
    return f"{url}{'&' if '?' in url else '?'}{query}"


def answer_problems(url: str, names: list[str], values: list[str], status, response):
    """What is wrong with the answer to a request carrying bad parameters."""
    shown = url if len(url) < 200 else f"{url[:200]}…"
    if response is None:
        return [f"{shown} -> {status}"]
    problems = []
    body = body_of(response)
    if status >= 500:
        problems.append(f"{shown} -> {status}")
    if SCRIPT in body:
        problems.append(f"{shown} -> {status}: the <script> comes back unescaped")
    if 400 <= status < 500:
        if url.startswith("/api/"):
            problems += api_error_problems(shown, names, values, status, response)
        elif '<main id="main"' not in body:
            problems.append(f"{shown} -> {status}: the error page is not in the site's layout")
    return problems


def api_error_problems(shown, names, values, status, response) -> list[str]:
    """A JSON error naming the bad parameters: every one sent, unless "" was, which some of
    several parameters take (driver_match= is "any")."""
    if not is_json(response):
        return [f"{shown} -> {status}: {response['Content-Type']}, not JSON"]
    body = response.json()
    named = {error.get("parameter") for error in body.get("errors", [])}
    named |= {name for name in names if name in str(body.get("detail", "")).lower()}
    must_name = set(names) if len(names) == 1 or any(values) else set()
    if body.get("status") != status or not named or not must_name <= named <= set(names):
        return [f"{shown} -> {status}: the parameters named are not {names}: {json.dumps(body)}"]
    return []


@pytest.mark.parametrize(("url", "names"), SWEEPS)
def test_bad_query_values_get_a_clear_error_in_the_site_layout_never_a_crash(catalogue, url, names):
    client = Client()
    problems = []
    for values in nasty_values(names):
        target = with_parameters(url, names, values)
        status, response = request(client, target)
        problems += answer_problems(target, names, values, status, response)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("url", ["/sites/", "/api/v1/sites/"])
def test_a_date_time_after_the_end_of_time_in_utc_is_a_400_naming_it(catalogue, client, url):
    """Regression: /sites/ (not the API) answered 500 (OverflowError) to this date-time."""
    response = client.get(url, {"updated_since": "9999-12-31T23:59:59-23:59"})
    assert response.status_code == 400
    assert "is out of range" in body_of(response)


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/sites/?driver={SCRIPT}",
        f"/api/v1/sites/?format={SCRIPT}",
        f"/api/v1/drivers/?format={SCRIPT}",
        "/api/v1/<script>alert(1)<script>/",
    ],
)
def test_api_errors_repeat_a_bad_value_as_escaped_json(catalogue, client, url):
    """Regression: the JSON of a 400 or 404 carried the <script> of the query as it came."""
    response = client.get(url)
    assert response.status_code in {400, 404} and is_json(response)
    assert b"<" not in response.content and b"\\u003cscript\\u003e" in response.content
    assert "<script>" in json.dumps(response.json())  # the same text, once parsed


def test_escaped_json_holds_the_same_data():
    data = {"name": "<b>R&D</b> café ☃", "next": "http://testserver/?a=1&b=2", "n": [1, None]}
    content = EscapedJSONRenderer().render(data)
    assert not set(content) & set(b"<>&")
    assert json.loads(content) == data


# --- bad posts -----------------------------------------------------------------------------

FORM_FIELDS = list(SubmissionForm.base_fields)
GARBAGE_POSTS = [
    pytest.param({}, id="empty"),
    pytest.param({"name": SCRIPT, "contact_email": SCRIPT}, id="script"),
    pytest.param({name: "nope" for name in FORM_FIELDS}, id="nope everywhere"),
    pytest.param({name: SCRIPT for name in FORM_FIELDS}, id="script everywhere"),
    pytest.param({name: "\x00" for name in FORM_FIELDS}, id="NUL everywhere"),
    pytest.param({name: "x" * 5000 for name in FORM_FIELDS}, id="5000 characters everywhere"),
    pytest.param({name: ["1", "-1"] for name in FORM_FIELDS}, id="every field twice"),
    pytest.param(
        {
            "name": "café☃",
            "contact_email": "a@example.org",
            "start_year": "99999999999999999999",
            "website": "javascript:alert(1)",
            "version": "-1",
            "action": "publish",
            "drivers": ["' OR 1=1 --", "nope"],
        },
        id="odd values",
    ),
    pytest.param(
        {"name": "A real one", "contact_email": "a@example.org", "action": "draft"},
        id="valid draft",
    ),
]


def test_a_post_to_submit_without_a_csrf_token_is_refused(catalogue):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/submit/", {"name": SCRIPT, "contact_email": "a@example.org"})
    assert response.status_code == 403
    assert SCRIPT not in body_of(response)


@pytest.mark.parametrize("data", GARBAGE_POSTS)
def test_garbage_posted_to_submit_gets_the_form_back_with_errors_or_a_redirect(catalogue, data):
    status, response = request(Client(), "/submit/", method="post", data=data)
    assert isinstance(status, int) and status < 500, status
    body = body_of(response)
    assert SCRIPT not in body
    if 300 <= status < 400:
        assert response["Location"].startswith("/submissions/")
    else:
        # The form again, saying what to fix: with 400, as SubmissionFormView answers a form
        # it cannot accept (200 would do as well).
        assert status in {200, 400}
        assert '<main id="main"' in body and 'class="error-summary"' in body


@pytest.mark.parametrize(
    "url", ["/api/v1/sites/", "/api/v1/sites/oldham-council/", "/api/v1/drivers/"]
)
@pytest.mark.parametrize(
    "post",
    [
        pytest.param({"data": {"name": SCRIPT}}, id="form"),
        pytest.param({"data": '{"name": 1', "content_type": "application/json"}, id="broken json"),
        pytest.param({"data": b"\x00\xff", "content_type": "application/octet-stream"}, id="bytes"),
    ],
)
def test_writes_to_the_read_only_api_are_a_json_405(catalogue, url, post):
    status, response = request(Client(), url, method="post", **post)
    assert status == 405
    assert is_json(response) and response.json()["status"] == 405
    assert SCRIPT not in body_of(response)
