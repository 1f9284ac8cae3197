"""Columns derived from a site's facts: completeness, the search document and the facts
on which sources disagree.

They are stored on Site so browse and API can sort by completeness and search in one
query; every service that changes a site's facts calls refresh_site_derived().
"""

from collaborations.evidence import disputed_facts
from collaborations.models import Site
from collaborations.registers import council_named
from collaborations.search import document_text, refresh_search_vectors

# The key facts a complete record has: (label, test on a site loaded with its facts).
KEY_FACTS = [
    ("summary", lambda site: bool(site.summary)),
    ("scope of collaborative working", lambda site: bool(site.scope)),
    ("place", lambda site: bool(site.locality or site.region_id)),
    (
        "lead organisation",
        lambda site: any(p.role.slug == "lead" for p in site.participations.all()),
    ),
    (
        "type",
        lambda site: any(
            c.is_preferred and c.typology.is_classification for c in site.typology_codings.all()
        ),
    ),
    ("funding", lambda site: site.funding_facts.exists()),
    (
        "drivers or justifications",
        lambda site: site.driver_facts.exists() or site.justification_facts.exists(),
    ),
    ("partners", lambda site: site.partner_facts.exists()),
    (
        "practices or leadership",
        lambda site: site.practice_facts.exists() or site.leadership_facts.exists(),
    ),
    (
        "accountability",
        lambda site: site.accountability_lines.exists() or site.approach_facts.exists(),
    ),
    ("measurement", lambda site: site.measurement_codings.exists() or site.indicators.exists()),
]


def missing_key_facts(site: Site) -> list[str]:
    return [label for label, present in KEY_FACTS if not present(site)]


def completeness_of(site: Site) -> int:
    present = len(KEY_FACTS) - len(missing_key_facts(site))
    return round(100 * present / len(KEY_FACTS))


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


def refresh_site_derived(site: Site) -> None:
    council = council_named(site.local_authority)
    Site.objects.filter(pk=site.pk).update(
        council=council,
        completeness=completeness_of(site),
        search_document=search_document_of(site),
        disputed_facts=disputed_facts(site),
    )
    refresh_search_vectors([site.pk])
    site.refresh_from_db(fields=["council", "completeness", "search_document", "disputed_facts"])
