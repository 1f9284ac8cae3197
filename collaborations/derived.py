"""Columns derived from a site's facts: its fact counts (the quality signal), the search
document and the facts on which sources disagree.

They are stored on Site so browse and API can sort by them and search in one query;
every service that changes a site's facts calls refresh_site_derived().
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q

from collaborations.evidence import disputed_facts
from collaborations.models import Provenance, Rank, Reference, Site
from collaborations.models.site import FACT_RELATIONS
from collaborations.registers import council_named
from collaborations.search import document_text, refresh_search_vectors

# Sites per UPDATE ... WHERE id IN (...): within SQLite's limit on bound parameters.
UPDATE_BATCH = 5000


@dataclass(frozen=True)
class FactCounts:
    """The quality signal: facts stated, those with a reference, those self-reported."""

    stated: int
    referenced: int
    self_reported: int


def fact_counts_of(site: Site) -> FactCounts:
    """Count the site's statements that are not deprecated (one query per fact model, one
    for the references)."""
    referenced = set(
        Reference.objects.filter(site=site).values_list("content_type_id", "object_id")
    )
    stated = with_reference = self_reported = 0
    for relation in FACT_RELATIONS:
        model = Site._meta.get_field(relation).related_model
        kind = ContentType.objects.get_for_model(model).pk
        rows = model.objects.filter(site=site).exclude(rank=Rank.DEPRECATED)
        for pk, provenance in rows.values_list("pk", "provenance"):
            stated += 1
            with_reference += (kind, pk) in referenced
            self_reported += provenance == Provenance.SELF_REPORTED
    return FactCounts(stated, with_reference, self_reported)


def fact_counts_refresh(site_ids) -> None:
    """Recount many sites at once (bulk loads): one grouped query per fact model."""
    site_ids = list(site_ids)
    totals = {pk: [0, 0, 0] for pk in site_ids}
    for relation in FACT_RELATIONS:
        model = Site._meta.get_field(relation).related_model
        kind = ContentType.objects.get_for_model(model)
        backed = Reference.objects.filter(content_type=kind, object_id=OuterRef("pk"))
        rows = (
            model.objects.filter(site_id__in=site_ids)
            .exclude(rank=Rank.DEPRECATED)
            .values("site_id")
            .order_by()
            .annotate(
                stated=Count("pk"),
                referenced=Count("pk", filter=Q(Exists(backed))),
                self_reported=Count("pk", filter=Q(provenance=Provenance.SELF_REPORTED)),
            )
        )
        for row in rows:
            counts = totals[row["site_id"]]
            counts[0] += row["stated"]
            counts[1] += row["referenced"]
            counts[2] += row["self_reported"]
    # Few sites differ in all three counts: one UPDATE per distinct triple, not per site.
    sites_by_counts = defaultdict(list)
    for pk, counts in totals.items():
        sites_by_counts[tuple(counts)].append(pk)
    for (stated, referenced, self_reported), pks in sites_by_counts.items():
        for start in range(0, len(pks), UPDATE_BATCH):
            Site.objects.filter(pk__in=pks[start : start + UPDATE_BATCH]).update(
                fact_count=stated,
                referenced_fact_count=referenced,
                self_reported_fact_count=self_reported,
            )


def search_document_of(site: Site) -> str:
    """Names, aliases, summary and fact values, normalised, for free-text search."""
    parts = [site.name, site.summary, site.scope, site.locality, site.local_authority]
    parts += [alias.name for alias in site.aliases.all()]
    parts += [p.organisation.name for p in site.participations.select_related("organisation")]
    parts += [c.typology.name for c in site.typology_codings.select_related("typology")]
    parts += [f.funding_type.name for f in site.funding_facts.select_related("funding_type")]
    parts += [f.driver.name for f in site.driver_facts.select_related("driver")]
    parts += [f.partner_type.name for f in site.partner_facts.select_related("partner_type")]
    parts += [f.practice.name for f in site.practice_facts.select_related("practice")]
    parts += [line.detail for line in site.accountability_lines.all()]
    parts += [i.name for i in site.indicators.all()]
    parts += [q.text for q in site.quotes.all()]
    if site.region_id:
        parts.append(site.region.name)
    return document_text(" ".join(p for p in parts if p))


COUNT_FIELDS = ["fact_count", "referenced_fact_count", "self_reported_fact_count"]


def refresh_site_derived(site: Site) -> None:
    council = council_named(site.local_authority)
    counts = fact_counts_of(site)
    Site.objects.filter(pk=site.pk).update(
        council=council,
        fact_count=counts.stated,
        referenced_fact_count=counts.referenced,
        self_reported_fact_count=counts.self_reported,
        search_document=search_document_of(site),
        disputed_facts=disputed_facts(site),
    )
    refresh_search_vectors([site.pk])
    site.refresh_from_db(fields=["council", *COUNT_FIELDS, "search_document", "disputed_facts"])
