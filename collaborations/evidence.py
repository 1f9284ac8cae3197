"""Reading statements: which compete, which are disputed, what a reader is shown.

Statements of one fact compete when sources give different values for it: two sources'
types for a site, their funding, the scope each states. Facts that only add (aliases,
practices, indicators...) never compete: a source that does not mention one does not deny
it. A statement is disputed when a source says so (the fixtures mark documents'
disagreements) or when it competes.
"""

from collections import defaultdict

from .models import Provenance, Rank, Site, Status
from .models.site import FACT_RELATIONS

# Provenance as a reader sees it beside a value; what a document states needs no label.
PROVENANCE_LABELS = {
    Provenance.INFERRED: "Inferred by the catalogue",
    Provenance.SELF_REPORTED: "Self-reported",
    Provenance.MODERATOR: "Moderator coding",
}


def reader_marks(statements, disputed: bool = False) -> list[tuple[str, str]]:
    """The marks beside a value in lists and comparisons, as (kind, label): how it is known
    when no document states it, disputed (given, or marked on a statement), deprecated."""
    statements = list(statements)
    marks = []
    if not any(s.provenance == Provenance.RESEARCH for s in statements):
        for statement in statements:
            mark = (statement.provenance, PROVENANCE_LABELS.get(statement.provenance, ""))
            if mark[1] and mark not in marks:
                marks.append(mark)
    if disputed or any(shown_status(s) == Status.DISPUTED for s in statements):
        marks.append(("disputed", "Disputed"))
    if statements and all(s.rank == Rank.DEPRECATED for s in statements):
        marks.append(("deprecated", "Deprecated"))
    return marks


def shown_status(statement) -> str:
    """Its status as annotate_status() found it (competing counts), else as stored."""
    return getattr(statement, "shown_status", statement.status)


def fact_label(statement) -> str:
    """The fact a statement is about, as a reader names it ("Funding", "Scope...")."""
    field = getattr(statement, "field", None)
    if field:
        try:
            return str(Site._meta.get_field(field).verbose_name).capitalize()
        except Exception:  # a field statement about no Site field: name it as stored
            return field.replace("_", " ").capitalize()
    return type(statement).fact_label


def best_ranked(statements) -> list:
    """The statements a reader is shown as the value: the preferred ones if any, else all
    that are not deprecated (Wikidata's "best rank")."""
    usable = [s for s in statements if s.rank != Rank.DEPRECATED]
    return [s for s in usable if s.rank == Rank.PREFERRED] or usable


def competing(statements) -> set[int]:
    """The pks of statements whose value another source's statement of the fact lacks."""
    statements = [s for s in statements if s.rank != Rank.DEPRECATED]
    if not statements or not getattr(type(statements[0]), "competes", False):
        return set()
    by_fact = defaultdict(lambda: defaultdict(set))
    for statement in statements:
        by_fact[statement.property_key()][statement.source_id].add(statement.value_key())
    found = set()
    for statement in statements:
        sources = by_fact[statement.property_key()]
        if any(statement.value_key() not in values for values in sources.values()):
            found.add(statement.pk)
    return found


def disputed(statements) -> set[int]:
    statements = list(statements)
    marked = {s.pk for s in statements if s.status == Status.DISPUTED}
    return marked | competing(statements)


def site_statements(site: Site) -> dict[str, list]:
    """Every statement of the site by relation name (prefetched ones when there are)."""
    return {relation: list(getattr(site, relation).all()) for relation in FACT_RELATIONS}


def disputed_facts(site: Site) -> list[str]:
    """The facts of a site on which sources disagree, in page order, each named once."""
    labels = []
    for statements in site_statements(site).values():
        flagged = disputed(statements)
        for statement in statements:
            if statement.pk in flagged and fact_label(statement) not in labels:
                labels.append(fact_label(statement))
    return labels


def annotate_status(site: Site) -> None:
    """Set `shown_status` on each of the site's prefetched statements: disputed if marked so
    or competing, else agreed."""
    for statements in site_statements(site).values():
        flagged = disputed(statements)
        for statement in statements:
            statement.shown_status = Status.DISPUTED if statement.pk in flagged else Status.AGREED


def fact_view(statements) -> dict:
    """A fact's statements arranged for reading: `shown` (the agreed best-ranked values),
    `agreeing` (other sources' statements of a shown value), `disagreeing` (competing or
    outranked values, each with its source) and `deprecated`."""
    statements = list(statements)
    flagged = competing(statements)
    best = best_ranked(statements)
    if not any(s.rank == Rank.PREFERRED for s in best):
        best = [s for s in best if s.pk not in flagged]  # no choice made: show them as rivals
    shown = best
    shown_values = {s.value_key() for s in shown}
    deprecated = [s for s in statements if s.rank == Rank.DEPRECATED]
    rest = [s for s in statements if s not in shown and s not in deprecated]
    agreeing = [s for s in rest if s.value_key() in shown_values and s.pk not in flagged]
    disagreeing = [s for s in rest if s not in agreeing]
    return {
        "shown": shown,
        "agreeing": agreeing,
        "disagreeing": disagreeing,
        "deprecated": deprecated,
    }
