"""The case page's body, rendered once per catalogue version.

A case page reads every fact of a site with its sources and references (about twenty
queries) and renders each with its citation: most of the page's time. What it shows
changes only when the catalogue does, so its header, contents and sections are kept under
the catalogue version. What depends on the reader or the request (following the site, the
practitioner's panel, "cite this page") is rendered around them on every request.
"""

from django.template.loader import render_to_string

from collaborations.evidence import annotate_status
from collaborations.models import Site
from collaborations.versions import cached_aggregate

from . import brief, case, related

PARTS = {
    "header": "collaborations/includes/case_header.html",
    "toc": "collaborations/includes/case_toc.html",
    "sections": "collaborations/includes/case_sections.html",
}


def case_parts(site_pk: int, version: str) -> dict:
    """The page's cached parts as HTML, keyed as PARTS."""
    return cached_aggregate("case-page", version, lambda: _render(site_pk, version), site_pk)


def _render(site_pk: int, version: str) -> dict:
    site = Site.public.for_detail().get(pk=site_pk)
    context = case_context(site, version)
    return {name: render_to_string(template, context) for name, template in PARTS.items()}


def case_context(site: Site, version: str) -> dict:
    """Every fact of the site, grouped for reading, and the sites related to it."""
    annotate_status(site)
    codings = case.codings_view(site.typology_codings.all())
    is_research = site.kind == Site.Kind.RESEARCH_SITE
    choices, more_to_compare = case.compare_choices(site)
    type_partners = case.type_partners(codings["typology_coding"]) if is_research else []
    field_facts = case.field_facts(site)
    stated = brief.stated_dimensions(site, field_facts, codings["typology_coding"], type_partners)
    return {
        "site": site,
        **codings,
        **brief.page_outline(stated),
        "narrative": brief.narrative(
            site, stated, codings["typology_coding"], codings["differing_typology_codings"]
        ),
        "type_partners": type_partners,
        "field_facts": field_facts,
        "leads": [p for p in site.participations.all() if p.role.slug == "lead"],
        "participations_by_role": case.participations_by_role(site),
        "organisation_identifiers": case.organisation_identifiers(site),
        "practices_by_ingredient": case.practices_by_ingredient(site),
        # Sites sharing a value are counted over the whole catalogue: kept per version.
        "related": cached_aggregate(
            "related-sites", version, lambda: related.related_sites(site), site.pk
        ),
        "compare_choices": choices,
        "more_to_compare": more_to_compare,
        "api_url": f"/api/v1/sites/{site.slug}/",
    }
