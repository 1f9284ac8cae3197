"""The browse page's reading aids: sort options, active-filter chips, pagination."""

import re
from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import QueryDict

from collaborations import search

PAGE_SIZE = 25

# (value of the `ordering` parameter, what a reader sees); values are SiteFilterSet's.
SORT_OPTIONS = [
    ("", "Research sites and submissions first"),
    ("name", "Name, A to Z"),
    ("-name", "Name, Z to A"),
    ("-facts_with_reference", "Most facts with a reference first"),
    ("-facts_stated", "Most facts first"),
    ("-updated", "Recently updated first"),
    ("start_year", "Earliest start first"),
    ("-start_year", "Latest start first"),
]


def sort_options(q: str) -> list[tuple[str, str]]:
    """The orders to offer: with a search ranked by relevance, that one first (the default)."""
    if q.strip() and search.uses_full_text():
        return [("", "Best match first"), *SORT_OPTIONS]
    return SORT_OPTIONS


@dataclass
class ActiveFilter:
    label: str
    value: str
    remove_query: str


def query_without(query: QueryDict, param: str, value: str | None = None) -> str:
    """The query string without `param` (or without one of its values), without page and
    without empty values (a form's blank fields filter nothing; the API refuses them)."""
    remaining = query.copy()
    remaining.pop("page", None)
    for key in list(remaining):
        remaining.setlist(key, [v for v in remaining.getlist(key) if v != ""])
        if not remaining.getlist(key):
            del remaining[key]
    if value is None:
        remaining.pop(param, None)
    else:
        remaining.setlist(param, [v for v in remaining.getlist(param) if v != value])
    return remaining.urlencode()


def _value_names(facets, filterset) -> dict:
    """{(param, value): (filter label, value name)} for every value a reader could choose."""
    names = {(f.param, v.slug): (f.label, v.name) for f in facets for v in f.values}
    for param, chosen in getattr(filterset.form, "cleaned_data", {}).items():
        if hasattr(chosen, "model") and hasattr(chosen.model, "facet"):
            label = str(filterset.filters[param].label)
            names.update({(param, row.slug): (label, row.name) for row in chosen})
    return names


def active_filters(query: QueryDict, facets, filterset) -> list[ActiveFilter]:
    """One removable chip per active filter value, named as a reader knows it."""
    names = None  # every choosable value's name: built only once a chip needs one
    chips = []
    for param in query:
        if param in {"page", "ordering"} or param.endswith("_match"):
            continue
        site_filter = filterset.filters.get(param)
        if site_filter is None:  # not a filter: ignored by the results, so no chip
            continue
        default_label = str(site_filter.label)
        for value in query.getlist(param):
            if value:
                names = _value_names(facets, filterset) if names is None else names
                label, name = names.get((param, value), (default_label, value))
                chips.append(ActiveFilter(label, name, query_without(query, param, value)))
    return chips


class PageProblem(Exception):
    """A page number that names no page of the results."""

    def __init__(self, message, last_page):
        super().__init__(message)
        self.last_page = last_page


class CountedPaginator(Paginator):
    """A paginator told the number of results (counted once per catalogue version)."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # fills the cached_property


def paginate(queryset, page_value, count=None):
    if count is None:
        paginator = Paginator(queryset, PAGE_SIZE)
    else:
        paginator = CountedPaginator(queryset, PAGE_SIZE, count)
    try:
        return paginator.page(page_value or 1)
    except PageNotAnInteger as error:
        message = f"“{str(page_value)[:30]}” is not a page number."
        raise PageProblem(message, paginator.num_pages) from error
    except EmptyPage as error:
        pages = paginator.num_pages
        noun = "page" if pages == 1 else "pages"
        message = f"There is no page {str(page_value)[:30]}: these results fill {pages} {noun}."
        raise PageProblem(message, pages) from error


def research_first(queryset):
    """The browse page's default order: research sites, then practitioners' submissions,
    then the framework's examples (often a single line each), each A to Z.

    The kinds' slugs sort in exactly that order backwards, so the order is a plain
    `-kind, name` that the index `site_status_kind_name` serves (tests pin the slugs)."""
    return queryset.order_by("-kind", "name", "pk")


SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


def selection(query: QueryDict, limit: int) -> list[str]:
    """The sites ticked for comparison so far (the `sites` parameter), in order, at most
    `limit`; anything that cannot be a slug is dropped."""
    slugs = dict.fromkeys(s.strip() for s in query.getlist("sites") if SLUG.fullmatch(s.strip()))
    return list(slugs)[:limit]
