"""The compare table: one row per attribute, one column per site.

Values are compared on a normalised key (case, spacing and punctuation ignored), so
"Place based" and "Place Based" are the same value. Each value knows which of the
compared sites hold it, and each row is sorted into one of three groups: the same for
every site, shared by some (naming which), or each value held by one site only. A row
that is the same for every site because of how the catalogue is built rather than what
the sites do (such as the organisation that studied them) is hidden until asked for.
Each value keeps the facts it came from, so their citations can be shown beside it."""

import re
import unicodedata
from dataclasses import dataclass, field

from collaborations.evidence import annotate_status, best_ranked, reader_marks, shown_status
from collaborations.models import Site

from .case import current_and_other
from .compare_kinds import KIND_FIELDS, kind_constants

MIN_SITES, MAX_SITES = 2, 6
SAME, SOME, EACH = "same", "some", "each"
GROUPS = [
    (SAME, "The same for every site"),
    (SOME, "Shared by some of the sites"),
    # Every value in the row is held by one site only: different values, or a value only
    # one site states while the others are silent.
    (EACH, "Each value held by one site only"),
]


def normalise(text: str) -> str:
    """A comparison key: accents, case, punctuation and runs of spaces do not count."""
    text = unicodedata.normalize("NFKD", str(text)).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@dataclass
class CompareValue:
    key: str
    label: str
    url: str = ""
    facts: list = field(default_factory=list)  # the cited rows this value comes from
    holders: list = field(default_factory=list)  # names of the compared sites holding it
    shared_by_all: bool = False
    disputed: bool = False  # sources disagree about the fact this value is the site's for
    slug: str = ""  # the reference value's slug, where it is one
    by_kind: str = ""  # "every framework example": held by every site of the site's kind

    @property
    def marks(self) -> list[tuple[str, str]]:
        """Inferred, self-reported, disputed or deprecated, as a list or case page says."""
        return reader_marks(self.facts, self.disputed)

    def __post_init__(self):
        self.key = normalise(self.key)


@dataclass
class CompareRow:
    label: str
    cells: list[list[CompareValue]]
    hide_when_same: bool = False
    group: str = EACH

    @property
    def same(self) -> bool:
        return self.group == SAME

    @property
    def stated_anywhere(self) -> bool:
        return any(self.cells)

    @property
    def hidden_by_default(self) -> bool:
        return self.same and self.hide_when_same

    @property
    def columns(self) -> list[dict]:
        """Each site's values with the distinct citations behind them."""
        return [{"values": cell, "citations": _citations(cell)} for cell in self.cells]


def _citations(cell: list[CompareValue]) -> list:
    """The distinct citations behind a site's values, in order."""
    seen, result = set(), []
    for value in cell:
        for fact in value.facts:
            key = (fact.source_id, fact.locator)
            if fact.source_id and key not in seen:
                seen.add(key)
                result.append(fact)
    return result


def _ref(item, fact=None):
    """A reference value as a compare value, linking to the browse page filtered by it."""
    url = item.get_absolute_url() if item.facet else ""
    return CompareValue(item.slug, item.name, url, [fact] if fact else [], slug=item.slug)


def _many(attribute, value_field):
    def values(site):
        facts = getattr(site, attribute).all()
        return [_ref(getattr(fact, value_field), fact) for fact in facts]

    return values


def _any_disputed(statements) -> bool:
    """Whether sources disagree about a single-valued fact (any statement of it disputed)."""
    return any(shown_status(s) == "disputed" for s in statements if s.rank != "deprecated")


def _current(attribute, value_field):
    def values(site):
        codings = getattr(site, attribute).all()
        current, _ = current_and_other(codings)
        if not current:
            return []
        value = _ref(getattr(current, value_field), current)
        value.disputed = _any_disputed(codings)
        return [value]

    return values


def _field_facts(site, name) -> list:
    return [s for s in site.field_statements.all() if s.field == name]


def _field_fact(site, name):
    """The statement of a field whose value the site shows (the preferred one, else the
    first that is not deprecated)."""
    return next(iter(best_ranked(_field_facts(site, name))), None)


def _optional(attribute):
    def values(site):
        item = getattr(site, attribute)
        fact = _field_fact(site, attribute)
        if not item:
            return []
        value = _ref(item, fact)
        value.disputed = _any_disputed(_field_facts(site, attribute))
        return [value]

    return values


def _text(attribute):
    def values(site):
        text = getattr(site, attribute)
        if text in ("", None):
            return []
        fact = _field_fact(site, attribute)
        value = CompareValue(str(text), str(text), facts=[fact] if fact else [])
        value.disputed = _any_disputed(_field_facts(site, attribute))
        return [value]

    return values


def _governance(site):
    current, _ = current_and_other(site.typology_codings.all())
    mode = current.typology.governance_mode if current else None
    return [CompareValue(mode.slug, mode.name)] if mode else []


def _organisations(*roles: str, exclude: bool = False):
    def values(site):
        return [
            CompareValue(
                f"{p.organisation.slug} {p.role.slug}",
                p.organisation.name
                if len(roles) == 1 and not exclude
                else f"{p.organisation.name} ({p.role.name.lower()})",
                p.organisation.get_absolute_url(),
                [p],
            )
            for p in site.participations.all()
            if (p.role.slug in roles) != exclude
        ]

    return values


def _funding(site):
    """Funding types ("None" is one: a source may state there is no funding)."""
    return _many("funding_facts", "funding_type")(site)


def _lines(site):
    return [
        CompareValue(line.line_type.slug, line.line_type.name, facts=[line])
        for line in site.accountability_lines.all()
    ]


def _indicators(site):
    return [CompareValue(i.name, i.name, facts=[i]) for i in site.indicators.all()]


# (label, values of a site, hidden while the same for every site). Kind and evidence are
# not rows: they head each site's column. Completeness describes the record, not the site.
ATTRIBUTES = [
    ("Type of collaboration", _current("typology_codings", "typology"), False),
    ("Governance mode", _governance, False),
    ("Scope of collaborative working", _text("scope"), False),
    ("Study depth", _optional("study_depth"), False),
    ("Place", _text("locality"), False),
    ("Nation or region", _optional("region"), False),
    ("Initiated by", _optional("initiated_by"), False),
    ("Start year", _text("start_year"), False),
    ("Lead organisation", _organisations("lead"), False),
    ("Other organisations", _organisations("lead", "researcher", exclude=True), False),
    ("Studied by", _organisations("researcher"), True),
    ("Funding", _funding, False),
    ("Drivers", _many("driver_facts", "driver"), False),
    ("Justifications", _many("justification_facts", "justification"), False),
    ("Partner types", _many("partner_facts", "partner_type"), False),
    ("Practices", _many("practice_facts", "practice"), False),
    ("Leadership styles", _many("leadership_facts", "leadership_style"), False),
    ("Accountability approaches", _many("approach_facts", "approach"), False),
    ("Measurement approach", _current("measurement_codings", "approach"), False),
    ("Lines of accountability", _lines, False),
    ("Indicators", _indicators, False),
    ("Framework themes", _many("theme_facts", "theme"), False),
]


def _merge_duplicates(cell: list[CompareValue]) -> list[CompareValue]:
    """One value per key in a site's cell, keeping every fact behind it."""
    merged = {}
    for value in cell:
        if value.key in merged:
            merged[value.key].facts.extend(value.facts)
            merged[value.key].disputed |= value.disputed
        else:
            merged[value.key] = value
    return list(merged.values())


def _classify(row: CompareRow, names: list[str]) -> None:
    holders = {}
    for name, cell in zip(names, row.cells, strict=True):
        for value in cell:
            if not value.by_kind:  # held because of the site's kind: not shared by choice
                holders.setdefault(value.key, []).append(name)
    for name, cell in zip(names, row.cells, strict=True):
        for value in cell:
            if value.key in holders and not value.by_kind:
                value.shared_by_all = len(holders[value.key]) == len(names)
                value.holders = [other for other in holders[value.key] if other != name]
    key_sets = [{value.key for value in cell} for cell in row.cells]
    if all(keys == key_sets[0] for keys in key_sets) and key_sets[0]:
        row.group = SAME
        if not holders:  # the same only because the sites are of one kind
            row.hide_when_same = True
    elif any(len(sites) > 1 for sites in holders.values()):
        row.group = SOME
    else:
        row.group = EACH


def _mark_kind_values(row: CompareRow, label: str, sites: list[Site], constants: set) -> None:
    field_name = KIND_FIELDS.get(label)
    if not field_name:
        return
    for site, cell in zip(sites, row.cells, strict=True):
        for value in cell:
            if (field_name, site.kind, value.slug) in constants:
                value.by_kind = f"every {Site.Kind(site.kind).label.lower()}"


def compare_rows(sites: list[Site]) -> list[CompareRow]:
    names = [site.name for site in sites]
    for site in sites:
        annotate_status(site)  # competing statements count as disputed, as on case pages
    rows, constants = [], kind_constants()
    for label, values_of, hide_when_same in ATTRIBUTES:
        row = CompareRow(label, [_merge_duplicates(values_of(site)) for site in sites])
        row.hide_when_same = hide_when_same
        if row.stated_anywhere:
            _mark_kind_values(row, label, sites, constants)
            _classify(row, names)
            rows.append(row)
    return rows


def group_summary(counts: dict[str, int]) -> str:
    """ "1 is the same for every site, 4 are shared by some and in 5 each value is held by
    one site only", naming only the groups that have rows."""
    verb = {1: "is"}
    parts = [
        f"{n} {verb.get(n, 'are')} {text}" if key != EACH else f"in {n} {text}"
        for key, text in [
            (SAME, "the same for every site"),
            (SOME, "shared by some"),
            (EACH, "each value is held by one site only"),
        ]
        if (n := counts[key])
    ]
    return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] if parts else ""


def grouped_rows(rows: list[CompareRow]) -> list[dict]:
    """Rows in the three groups, each group with its heading, empty groups left out."""
    groups = [{"key": key, "title": title, "rows": []} for key, title in GROUPS]
    by_key = {group["key"]: group for group in groups}
    for row in rows:
        by_key[row.group]["rows"].append(row)
    return [group for group in groups if group["rows"]]
