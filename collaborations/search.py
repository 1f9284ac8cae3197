"""Free-text search over sites: PostgreSQL full-text search, and a fallback for SQLite.

On PostgreSQL each site stores a search vector (weighted: names and aliases first, then
organisation names, then summary and scope, then the names of its facts), kept current by
refresh_search_vectors() and indexed with GIN; a query uses web-search syntax ("quoted
phrases", -excluded, or) and results are ranked. On SQLite the same syntax is matched
against the stored, normalised search document.

Both sides are normalised the same way: case folded and apostrophes dropped, so that
"Young People’s Foundations", "Young Peoples Foundations" and "young people's
foundations" all find the site that alias belongs to.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, FloatField, Q
from django.db.models.functions import Cast
from django.utils.html import escape
from django.utils.safestring import mark_safe

CONFIG = "english"
APOSTROPHES = "'’‘ʼ`´"
_DROP_APOSTROPHES = str.maketrans("", "", APOSTROPHES)
_CURLY_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
MAX_TERMS = 10
WORD = re.compile(r"\w+(?:[" + APOSTROPHES + r"]\w+)*")


def normalise(text: str) -> str:
    """Case folded, compatibility-normalised, apostrophes dropped: people's -> peoples."""
    return unicodedata.normalize("NFKC", text).translate(_DROP_APOSTROPHES).casefold()


def document_text(text: str) -> str:
    """Text for the stored search document: normalised words separated by single spaces."""
    return " ".join(WORD.findall(normalise(text)))


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


# --- The stored vector ---------------------------------------------------------------------

# One statement refreshes any number of sites: names and aliases weigh most (A), then
# organisation names (B), summary and scope (C), and the whole search document (D).
VECTOR_SQL = """
UPDATE {site} AS s SET search_vector =
    setweight(to_tsvector(%(config)s, translate(s.name || ' ' || coalesce(
        (SELECT string_agg(a.name, ' ') FROM {alias} a WHERE a.site_id = s.id), ''),
        %(apostrophes)s, '')), 'A')
    || setweight(to_tsvector(%(config)s, translate(coalesce(
        (SELECT string_agg(o.name, ' ') FROM {participation} p
         JOIN {organisation} o ON o.id = p.organisation_id WHERE p.site_id = s.id), ''),
        %(apostrophes)s, '')), 'B')
    || setweight(to_tsvector(%(config)s, translate(s.summary || ' ' || s.scope,
        %(apostrophes)s, '')), 'C')
    || setweight(to_tsvector(%(config)s, s.search_document), 'D')
"""


def refresh_search_vectors(site_ids=None) -> None:
    """Recompute the stored vectors of these sites (all sites when None); PostgreSQL only."""
    if not uses_full_text():
        return
    from django.apps import apps

    model = apps.get_model

    def table(label):
        return connection.ops.quote_name(model(label)._meta.db_table)

    sql = VECTOR_SQL.format(
        site=table("collaborations.Site"),
        alias=table("collaborations.SiteAlias"),
        participation=table("collaborations.SiteOrganisation"),
        organisation=table("collaborations.Organisation"),
    )
    params = {"config": CONFIG, "apostrophes": APOSTROPHES}
    if site_ids is not None:
        sql += " WHERE s.id = ANY(%(ids)s)"
        params["ids"] = list(site_ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


# --- Filtering ---------------------------------------------------------------------------


def search_query(q: str) -> SearchQuery:
    return SearchQuery(_query_text(q), search_type="websearch", config=CONFIG)


def _query_text(q: str) -> str:
    return normalise(q.translate(_CURLY_QUOTES))


def matching(queryset, q: str):
    """The sites of `queryset` that match the search `q` (all of them if it has no words)."""
    if not parse(q):
        return queryset
    if uses_full_text():
        return queryset.filter(search_vector=search_query(q))
    condition = fallback_condition(q)
    return queryset if condition is None else queryset.filter(condition)


def ranked(queryset, q: str):
    """Best matches first (PostgreSQL); by name where ranking is not available."""
    if not uses_full_text():
        return queryset
    # Double precision: a cursor carries the rank back, and a `real` would not survive the
    # round trip through its text form exactly.
    rank = Cast(SearchRank(F("search_vector"), search_query(q)), FloatField())
    return queryset.annotate(search_rank=rank).order_by("-search_rank", "name")


@dataclass
class Clause:
    """One part of a web-search query: a word or a quoted phrase, maybe excluded."""

    text: str
    excluded: bool = False


def parse(q: str) -> list[list[Clause]]:
    """Web-search syntax as groups joined by `or`, each group's clauses all required."""
    tokens = re.findall(r'(-?)"([^"]*)"|(\S+)', _query_text(q))
    groups, group = [], []
    for minus, phrase, word in tokens[: MAX_TERMS * 3]:
        if word == "or":
            if group:
                groups.append(group)
            group = []
            continue
        if phrase or minus:
            if text := document_text(phrase):
                group.append(Clause(text, bool(minus)))
            continue
        excluded = word.startswith("-") and len(word) > 1
        words = document_text(word[1:] if excluded else word).split()
        if excluded and words:  # -place-based excludes the phrase, not each word
            group.append(Clause(" ".join(words), True))
        else:
            group += [Clause(one) for one in words]
    if group:
        groups.append(group)
    return [g[:MAX_TERMS] for g in groups if any(not c.excluded for c in g)]


def fallback_condition(q: str) -> Q | None:
    """A filter on the stored search document for SQLite: None when `q` has no words."""
    condition = None
    for group in parse(q):
        part = Q()
        for clause in group:
            contains = Q(search_document__contains=clause.text) | Q(name__icontains=clause.text)
            part &= ~contains if clause.excluded else contains
        condition = part if condition is None else condition | part
    return condition


# --- "Also known as" ------------------------------------------------------------------------


def _query_words(q: str) -> list[str]:
    return [w for g in parse(q) for c in g if not c.excluded for w in c.text.split()]


def _word_matches(word: str, terms: list[str]) -> bool:
    """Whether a word of a name answers one of the query's words, allowing for the
    endings that stemming ignores (people/peoples, foundation/foundations)."""
    word = normalise(word)
    for term in terms:
        stem = min(len(term), len(word), max(4, len(term) - 2))
        if word == term or (stem >= 4 and word[:stem] == term[:stem]):
            return True
    return False


def highlighted(name: str, terms: list[str]):
    """The name, escaped, with the words that answer the query in <mark>; None if none."""
    pieces, last, found = [], 0, False
    for match in WORD.finditer(name):
        if _word_matches(match.group(), terms):
            pieces += [escape(name[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
            last, found = match.end(), True
    if not found:
        return None
    pieces.append(escape(name[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 (every piece is escaped above)


def also_known_as(site, q: str):
    """For a site found by `q` through one of its aliases rather than its name: that alias
    with the matching words highlighted. Reads the site's prefetched aliases."""
    terms = _query_words(q)
    if not terms:
        return None
    name_words = WORD.findall(site.name)
    if all(any(_word_matches(word, [term]) for word in name_words) for term in terms):
        return None  # the name itself answers every word
    best, best_score = None, 0
    for alias in site.aliases.all():
        score = sum(any(_word_matches(w, [t]) for w in WORD.findall(alias.name)) for t in terms)
        if score > best_score:
            best, best_score = alias, score
    return highlighted(best.name, terms) if best is not None else None
