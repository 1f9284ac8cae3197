"""A generated catalogue of any size, for query-count tests and the scale benchmark.

`build_large_catalogue(100_000)` writes sites, organisations, every kind of fact and the
history rows of each (as the catalogue's own writes would) in bulk: COPY on PostgreSQL.
Sites spread over the reference data already in the database (the real typologies,
funding types, partner types... once `load_catalogue` has run) with uneven shares, as a
real catalogue has, so that filters select realistic fractions; where a reference table is
empty it gets a few generated rows.
"""

import random
from dataclasses import dataclass

from django.db import transaction

from accountability import models as acc
from collaborations import models as col
from collaborations.derived import fact_counts_refresh
from collaborations.search import document_text, refresh_search_vectors

from .bulk import insert_rows, next_ids, unchecked_foreign_keys

# Facts per site: (lowest, highest) count drawn for each site.
FACT_COUNTS = {
    "funding": (0, 3),
    "driver": (0, 7),
    "justification": (0, 3),
    "partner": (1, 6),
    "practice": (0, 5),
    "leadership": (0, 1),
    "theme": (0, 2),
    "approach": (0, 3),
    "line": (0, 3),
}
# Words for summaries, so that full-text search meets varied, realistic text.
TOPICS = [
    "young people",
    "homelessness",
    "mental health",
    "early years",
    "complex needs",
    "ageing well",
    "domestic abuse",
    "employment support",
    "community safety",
    "family support",
]


@dataclass
class Vocabulary:
    """The reference rows generated sites draw on, each with its share."""

    rows: list
    weights: list

    @classmethod
    def of(cls, model, factory, size):
        rows = list(model.objects.order_by("position", "pk"))
        if not rows:
            rows = factory.create_batch(size)
        # Uneven shares: the first values are the most common (1, 1/2, 1/3... of the first).
        return cls(rows, [1 / (rank + 1) ** 0.8 for rank in range(len(rows))])

    def one(self, rng):
        return rng.choices(self.rows, self.weights)[0]

    def some(self, rng, k):
        """k distinct rows, the common ones more likely."""
        k = min(k, len(self.rows))
        chosen = {}
        while len(chosen) < k:
            for row in rng.choices(self.rows, self.weights, k=k):
                chosen.setdefault(row.pk, row)
        return list(chosen.values())[:k]


def _vocabularies():
    from tests import factories as f

    def get(model, factory, size):
        return Vocabulary.of(model, factory, size)

    classified = [t for t in col.Typology.objects.all() if t.is_classification]
    typologies = get(col.Typology, f.TypologyFactory, 4)
    if classified:  # 'not classified' stays rare
        pairs = zip(typologies.rows, typologies.weights, strict=True)
        typologies.weights = [w if t.is_classification else 0.1 for t, w in pairs]
    return {
        "typology": typologies,
        "funding": get(col.FundingType, f.FundingTypeFactory, 4),
        "driver": get(col.Driver, f.DriverFactory, 14),
        "justification": get(col.Justification, f.JustificationFactory, 4),
        "partner": get(col.PartnerType, f.PartnerTypeFactory, 8),
        "practice": get(col.Practice, f.PracticeFactory, 6),
        "leadership": get(col.LeadershipStyle, f.LeadershipStyleFactory, 3),
        "theme": get(col.FrameworkTheme, f.FrameworkThemeFactory, 3),
        "region": get(col.Region, f.RegionFactory, 5),
        "depth": get(col.StudyDepth, f.StudyDepthFactory, 2),
        "approach": get(acc.AccountabilityApproach, f.AccountabilityApproachFactory, 5),
        "measurement": get(acc.MeasurementApproach, f.MeasurementApproachFactory, 3),
        "line": get(acc.AccountabilityLineType, f.AccountabilityLineTypeFactory, 4),
    }


def build_large_catalogue(n_sites: int = 300, seed: int = 7, first: int = 0):
    """n_sites published sites named "Bulk site NNNN" (slugs bulk-site-NNNN, from `first`:
    a second call with first=300 grows a catalogue of 300), with facts.

    Returns the new sites, in creation order.
    """
    from tests import factories as f

    rng = random.Random(seed)
    vocab = _vocabularies()
    source = f.SourceFactory()
    lead = col.OrganisationRole.objects.filter(slug="lead").first() or f.OrganisationRoleFactory(
        slug="lead", name="Lead"
    )
    partner_role = col.OrganisationRole.objects.filter(slug="partner").first() or lead
    org_type = col.OrganisationType.objects.first() or f.OrganisationTypeFactory()
    with transaction.atomic(), unchecked_foreign_keys():  # one commit (SQLite: one fsync)
        site_ids = _write_catalogue(
            range(first, first + n_sites), rng, vocab, source, lead, partner_role, org_type
        )
    return list(col.Site.objects.filter(pk__in=site_ids).order_by("pk"))


def _write_catalogue(numbers, rng, vocab, source, lead, partner_role, org_type) -> range:
    site_ids = next_ids(col.Site, len(numbers))
    org_ids = next_ids(col.Organisation, len(numbers))
    insert_rows(
        col.Organisation,
        (
            {
                "id": org_id,
                "slug": f"bulk-org-{i:04d}",
                "name": f"Bulk organisation {i}",
                "organisation_type_id": org_type.pk,
            }
            for i, org_id in zip(numbers, org_ids, strict=True)
        ),
    )
    plans = [_plan(rng, vocab, i) for i in numbers]
    kinds = list(col.Site.Kind.values)
    insert_rows(
        col.Site,
        (
            _site_row(site_id, i, plan, kinds, vocab, rng)
            for i, site_id, plan in zip(numbers, site_ids, plans, strict=True)
        ),
        history=True,
    )
    cite = {"source_id": source.pk, "locator": "Bulk section"}
    context = _FactContext(numbers, site_ids, org_ids, plans, cite, lead, partner_role, rng)
    for model, rows in context.fact_tables():
        insert_rows(model, rows, history=True)
    refresh_search_vectors(site_ids)
    fact_counts_refresh(site_ids)
    return site_ids


def _plan(rng, vocab, i) -> dict:
    """Which reference rows site i draws on."""
    plan = {name: vocab[name].some(rng, rng.randint(*span)) for name, span in FACT_COUNTS.items()}
    plan["typology"] = vocab["typology"].one(rng)
    plan["other_typology"] = vocab["typology"].one(rng) if rng.random() < 0.05 else None
    plan["measurement"] = vocab["measurement"].one(rng) if rng.random() < 0.6 else None
    plan["region"] = vocab["region"].one(rng) if rng.random() < 0.9 else None
    plan["depth"] = vocab["depth"].one(rng)
    plan["topic"] = TOPICS[i % len(TOPICS)]
    return plan


def _site_row(site_id, i, plan, kinds, vocab, rng) -> dict:
    topic, name = plan["topic"], f"Bulk site {i:04d}"
    summary = f"Summary of bulk site {i}: a partnership on {topic} in Town {i % 997}."
    return {
        "id": site_id,
        "slug": f"bulk-site-{i:04d}",
        "name": name,
        "kind": kinds[i % len(kinds)],
        "status": col.Site.Status.PUBLISHED,
        "summary": summary,
        "scope": "Place-based collaboration",
        "locality": f"Town {i % 997}",
        "region_id": plan["region"].pk if plan["region"] else None,
        "study_depth_id": plan["depth"].pk,
        "start_year": 1990 + rng.randint(0, 35),
        "search_document": document_text(f"{name} {summary} alias of {i} bulk organisation {i}"),
    }


@dataclass
class _FactContext:
    numbers: range
    site_ids: range
    org_ids: range
    plans: list
    cite: dict
    lead: object
    partner_role: object
    rng: random.Random

    def each(self, build):
        for n, (site_id, plan) in enumerate(zip(self.site_ids, self.plans, strict=True)):
            yield from build(self.numbers[n], site_id, plan)

    def facts(self, plan_key, column):
        def build(i, site_id, plan):
            for row in plan[plan_key]:
                yield {"site_id": site_id, column: row.pk, **self.cite}

        return self.each(build)

    def fact_tables(self):
        cite = self.cite
        yield col.TypologyCoding, self.each(self._codings)
        yield col.SiteFunding, self.facts("funding", "funding_type_id")
        yield col.SiteDriver, self.facts("driver", "driver_id")
        yield col.SiteJustification, self.facts("justification", "justification_id")
        yield col.SitePartner, self.facts("partner", "partner_type_id")
        yield col.SitePractice, self.facts("practice", "practice_id")
        yield col.SiteLeadershipStyle, self.facts("leadership", "leadership_style_id")
        yield col.SiteFrameworkTheme, self.facts("theme", "theme_id")
        yield acc.SiteAccountabilityApproach, self.facts("approach", "approach_id")
        yield (
            col.SiteAlias,
            self.each(
                lambda i, site_id, plan: [{"site_id": site_id, "name": f"Alias of {i}", **cite}]
            ),
        )
        yield col.SiteOrganisation, self.each(self._participations)
        yield (
            col.Quote,
            self.each(
                lambda i, site_id, plan: [
                    {"site_id": site_id, "text": f"Quote {i}", "speaker": "A. Person", **cite}
                ]
            ),
        )
        yield (
            acc.MeasurementCoding,
            self.each(
                lambda i, site_id, plan: (
                    [
                        {
                            "site_id": site_id,
                            "approach_id": plan["measurement"].pk,
                            "rank": "preferred",
                            **cite,
                        }
                    ]
                    if plan["measurement"]
                    else []
                )
            ),
        )
        yield (
            acc.AccountabilityLine,
            self.each(
                lambda i, site_id, plan: [
                    {"site_id": site_id, "line_type_id": row.pk, "detail": "Reports", **cite}
                    for row in plan["line"]
                ]
            ),
        )
        yield (
            acc.Indicator,
            self.each(
                lambda i, site_id, plan: [{"site_id": site_id, "name": f"Indicator {i}", **cite}]
            ),
        )

    def _codings(self, i, site_id, plan):
        current = {"rank": "preferred"}
        yield {"site_id": site_id, "typology_id": plan["typology"].pk, **current, **self.cite}
        other = plan["other_typology"]
        if other is not None and other.pk != plan["typology"].pk:
            earlier = {"rank": "normal"}
            yield {"site_id": site_id, "typology_id": other.pk, **earlier, **self.cite}

    def _participations(self, i, site_id, plan):
        n = i - self.numbers.start
        lead = {"organisation_id": self.org_ids[n], "role_id": self.lead.pk}
        yield {"site_id": site_id, **lead, **self.cite}
        if self.partner_role.pk != self.lead.pk and n > 0 and self.rng.random() < 0.3:
            partner = self.org_ids[self.rng.randrange(0, n)]
            yield {
                "site_id": site_id,
                "organisation_id": partner,
                "role_id": self.partner_role.pk,
                **self.cite,
            }
