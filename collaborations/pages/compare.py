"""The compare table: one row per attribute, one column per site, with the values every
site shares told apart from the ones that differ (by words and marks, not colour alone)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from collaborations.models import Site

from .case import current_and_other

MIN_SITES, MAX_SITES = 2, 6


@dataclass
class CompareValue:
    key: str
    label: str
    url: str = ""
    shared: bool = False


@dataclass
class CompareRow:
    label: str
    cells: list[list[CompareValue]]

    @property
    def same(self) -> bool:
        keys = [{value.key for value in cell} for cell in self.cells]
        return all(k == keys[0] for k in keys)

    @property
    def stated_anywhere(self) -> bool:
        return any(self.cells)


def _browse(param, value):
    return f"{reverse('collaborations:site-list')}?{urlencode({param: value})}"


def _ref(item):
    """A reference value as a compare value, linking to the browse page filtered by it."""
    url = item.get_absolute_url() if item.facet else ""
    return CompareValue(item.slug, item.name, url)


def _many(attribute, value_field):
    def values(site):
        return [_ref(getattr(fact, value_field)) for fact in getattr(site, attribute).all()]

    return values


def _current(attribute, value_field):
    def values(site):
        current, _ = current_and_other(getattr(site, attribute).all())
        return [_ref(getattr(current, value_field))] if current else []

    return values


def _optional(item):
    return [_ref(item)] if item else []


def _text(attribute):
    def values(site):
        text = getattr(site, attribute)
        return [CompareValue(str(text), str(text))] if text not in ("", None) else []

    return values


def _kind(site):
    return [CompareValue(site.kind, site.get_kind_display(), _browse("kind", site.kind))]


def _evidence(site):
    slug = "self-reported" if site.is_self_reported else "research-coded"
    return [CompareValue(slug, site.evidence_label, _browse("evidence", slug))]


def _governance(site):
    current, _ = current_and_other(site.typology_codings.all())
    mode = current.typology.governance_mode if current else None
    return [CompareValue(mode.slug, mode.name)] if mode else []


def _organisations(*, lead: bool):
    def values(site):
        return [
            CompareValue(
                f"{p.organisation.slug}:{p.role.slug}",
                p.organisation.name if lead else f"{p.organisation.name} ({p.role.name.lower()})",
                p.organisation.get_absolute_url(),
            )
            for p in site.participations.all()
            if (p.role.slug == "lead") == lead
        ]

    return values


def _funding(site):
    """Funding types, or "None" where a source says explicitly there is no funding."""
    values = _many("funding_facts", "funding_type")(site)
    if not values and any(c.field == "funding" for c in site.field_citations.all()):
        return [CompareValue("none", "None")]
    return values


def _lines(site):
    return [
        CompareValue(line.line_type.slug, line.line_type.name)
        for line in site.accountability_lines.all()
    ]


def _indicators(site):
    return [CompareValue(i.name.lower(), i.name) for i in site.indicators.all()]


ATTRIBUTES = [
    ("Kind", _kind),
    ("Evidence", _evidence),
    ("Completeness (%)", _text("completeness")),
    ("Type of collaboration", _current("typology_codings", "typology")),
    ("Governance mode", _governance),
    ("Scope of collaborative working", _text("scope")),
    ("Study depth", lambda site: _optional(site.study_depth)),
    ("Place", _text("locality")),
    ("Nation or region", lambda site: _optional(site.region)),
    ("Initiated by", lambda site: _optional(site.initiated_by)),
    ("Start year", _text("start_year")),
    ("Lead organisation", _organisations(lead=True)),
    ("Other organisations", _organisations(lead=False)),
    ("Funding", _funding),
    ("Drivers", _many("driver_facts", "driver")),
    ("Justifications", _many("justification_facts", "justification")),
    ("Partner types", _many("partner_facts", "partner_type")),
    ("Practices", _many("practice_facts", "practice")),
    ("Leadership styles", _many("leadership_facts", "leadership_style")),
    ("Accountability approaches", _many("approach_facts", "approach")),
    ("Measurement approach", _current("measurement_codings", "approach")),
    ("Lines of accountability", _lines),
    ("Indicators", _indicators),
    ("Framework themes", _many("theme_facts", "theme")),
]


def compare_rows(sites: list[Site]) -> list[CompareRow]:
    rows = []
    for label, values_of in ATTRIBUTES:
        cells = [values_of(site) for site in sites]
        key_sets = [{value.key for value in cell} for cell in cells]
        shared = set.intersection(*key_sets) if key_sets else set()
        for cell in cells:
            for value in cell:
                value.shared = value.key in shared
        rows.append(CompareRow(label, cells))
    return [row for row in rows if row.stated_anywhere]
