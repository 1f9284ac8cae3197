"""Template helpers for the catalogue pages: citations, links to filtered browse pages,
query strings for pagination and sorting, the current section of the navigation."""

from django import template
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from collaborations.evidence import PROVENANCE_LABELS, best_ranked, fact_view, reader_marks
from collaborations.models import Site, Status

register = template.Library()


@register.inclusion_tag("includes/citation.html")
def cite(fact, prefix="Source:"):
    """A fact's visible citation: "Source short title, locator", linked to its source page."""
    return {"fact": fact, "source": fact.source, "prefix": prefix}


@register.inclusion_tag("includes/evidence.html")
def evidence(fact):
    """A statement's source, provenance, status and verbatim passages (in <details>)."""
    site = getattr(fact, "site", None)
    references = site.references_of(fact) if site is not None else list(fact.references.all())
    # Findings and reference rows have a citation and passages but no rank or provenance.
    status = getattr(fact, "shown_status", getattr(fact, "status", Status.AGREED))
    return {
        "fact": fact,
        "references": references,
        "provenance_label": PROVENANCE_LABELS.get(getattr(fact, "provenance", ""), ""),
        "disputed": status == Status.DISPUTED,
    }


@register.filter
def marks(statements):
    """(kind, label) marks beside a value: inferred, self-reported, disputed... Takes a
    statement or a list of the statements behind one value."""
    if not isinstance(statements, list | tuple):
        statements = [statements]
    return reader_marks(statements)


@register.filter
def best(statements):
    """The statements a reader is shown as the value: preferred ones if any, else all that
    are not deprecated (Wikidata's "best rank")."""
    return best_ranked(statements)


@register.filter
def set_aside(statements):
    """The statements not shown as the value (lower rank or deprecated), for "Sources
    disagree" and "Also stated"."""
    shown = {id(s) for s in best_ranked(statements)}
    return [s for s in statements if id(s) not in shown]


@register.filter
def browse_url(value):
    """The browse page filtered by a reference value; empty when it is not a facet."""
    return value.get_absolute_url() if getattr(value, "facet", None) else ""


@register.simple_tag
def fact_link(value):
    """A reference value's name, linked to the browse page filtered by it where possible."""
    if value is None:
        return ""
    url = browse_url(value)
    if not url:
        return value.name
    return format_html('<a href="{}">{}</a>', url, value.name)


@register.simple_tag
def kind_url(kind):
    return f"{reverse('collaborations:site-list')}?kind={kind}"


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (None removes one).

    Changing anything but the page starts again from page 1.
    """
    query = context["request"].GET.copy()
    if "page" not in changes:
        query.pop("page", None)
    for name, value in changes.items():
        if value in (None, ""):
            query.pop(name, None)
        else:
            query[name] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def nav_current(context, prefix):
    """aria-current for the navigation link of the section the reader is in."""
    request = context.get("request")
    if request is None:
        return ""
    path = request.path
    current = path == prefix if prefix == "/" else path.startswith(prefix)
    return mark_safe('aria-current="page"') if current else ""


@register.filter
def with_role(participations, role_slug):
    return [p for p in participations if p.role.slug == role_slug]


@register.filter
def current_coding(codings):
    return next((c for c in codings if c.is_preferred), None)


@register.filter
def by_citation(facts):
    """Facts grouped by shared citation and note, in order of first appearance, so a
    citation shared by several values shows once after them."""
    groups = {}
    for fact in facts:
        key = (
            fact.source_id,
            fact.locator,
            fact.note,
            getattr(fact, "provenance", ""),
            getattr(fact, "rank", ""),
        )
        groups.setdefault(key, []).append(fact)
    return [{"facts": group, "citation": group[0]} for group in groups.values()]


@register.filter
def shared_citation(rows):
    """The first row when every row cites the same source, place and note (to cite once
    for a whole list), else None."""
    rows = list(rows)
    keys = {(row.source_id, row.locator, row.note) for row in rows}
    if len(keys) == 1 and rows[0].source_id:
        return rows[0]
    return None


@register.filter
def source_date(source):
    """A source's date in the catalogue's one format ("23 July 2019"); the document's own
    words only where it gives no full date (such as "2018/19")."""
    if source.published_on:
        return date_format(source.published_on, "j F Y")
    return source.date_text


register.filter("fact_view", fact_view)


@register.simple_tag
def fact_value(fact):
    """A statement's value as a reader sees it: a reference row linked to the browse page,
    an organisation linked to its page, or the text."""
    name = fact.value_fields[0]
    field = fact._meta.get_field(name)
    value = getattr(fact, name)
    if field.is_relation:
        if hasattr(value, "facet"):
            return fact_link(value)
        if hasattr(value, "get_absolute_url"):
            return format_html('<a href="{}">{}</a>', value.get_absolute_url(), value)
        return str(value)
    if name == "field":
        return _field_value(fact)
    return value


def _field_value(statement):
    """A field statement's value; a reference row's slug shown as the row the site links."""
    shown = getattr(statement.site, statement.field, None)
    if hasattr(shown, "slug"):
        if shown.slug == statement.value:
            return fact_link(shown)
        return statement.value.replace("-", " ").capitalize()
    if statement.field == "permanence" and statement.value:
        return Site.Permanence(statement.value).label
    if statement.field == "website" and statement.value:
        return format_html('<a href="{}" rel="external">{}</a>', statement.value, statement.value)
    return statement.value


@register.simple_tag
def result_gaps(typology, place, funding, leads) -> list[str]:
    """The facts of a browse result's card that no source states, named on one line."""
    shown = {"type": typology, "place": place, "funding": funding, "lead organisation": leads}
    return [label for label, value in shown.items() if not value]
