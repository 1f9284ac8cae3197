"""Template tags of the change log: "cite this page" and the keep-up links of a case page.

Each runs one query (the site's latest public revision), whatever the site's history.
"""

from django import template

from collaborations.changelog.revisions import latest_public_revision, page_citation, revision_url

register = template.Library()


@register.inclusion_tag("collaborations/includes/citation_block.html")
def cite_this_page(site):
    revision = latest_public_revision(site)
    return {
        "site": site,
        "citation": page_citation(site, revision),
        "revision_url": revision_url(site.slug, revision.number) if revision else "",
    }
