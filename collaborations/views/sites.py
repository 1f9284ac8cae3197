"""Browse (with facets, search, sorting, pagination) and the case page."""

from django.shortcuts import get_object_or_404, render
from django.views.generic import View

from collaborations import search
from collaborations.filters import SiteFilterSet
from collaborations.models import Site
from collaborations.pages import browse, case_page, result_cards
from collaborations.pages.compare import MAX_SITES
from collaborations.pages.facets import build_facets, filters_of
from collaborations.pages.fragments import cached_fragment
from collaborations.versions import cached_aggregate, catalogue_version

FACETS_TEMPLATE = "collaborations/includes/facet_list.html"


class SiteListView(View):
    """/sites/: every filter state is a GET URL; bad parameters explain themselves."""

    template_name = "collaborations/site_list.html"

    def get(self, request):
        filterset = SiteFilterSet(request.GET, queryset=Site.public.all())
        valid = filterset.is_valid()
        version = catalogue_version()
        facets = build_facets(filterset, request.GET, version)
        context = {
            "filterset": filterset,
            "facets": [facet for facet in facets if facet.offers_a_choice],
            "facets_not_offered": [facet.label for facet in facets if not facet.offers_a_choice],
            "sort_options": browse.sort_options(request.GET.get("q", "")),
            "ordering": request.GET.get("ordering", ""),
            "q": request.GET.get("q", ""),
            "active_filters": browse.active_filters(request.GET, facets, filterset),
            "total": published_total(version),
            "max_compare": MAX_SITES,
        }
        context.update(self.compare_selection(request))
        # The facets' checkboxes and counts change only with the catalogue and the filters.
        context["facet_list"] = cached_fragment(
            "facet-list",
            version,
            FACETS_TEMPLATE,
            lambda: {"facets": context["facets"]},
            browse.query_without(request.GET, "sites"),
        )
        if not valid:
            context["filter_errors"] = self.filter_errors(filterset, request.GET)
            return render(request, self.template_name, context, status=400)
        results, filters = filterset.qs, filters_of(request.GET)
        if not request.GET.get("ordering"):
            results = browse.research_first(results)
        count = (
            cached_aggregate("results-count", version, results.count, filters)
            if filters
            else context["total"]
        )
        q = filterset.form.cleaned_data.get("q")
        # The page's rows carry only what varies by request; their cards come from the cache.
        rows = results.only("pk", "slug", "name", "kind")
        if q:
            rows = rows.prefetch_related("aliases")
        try:
            context["page_obj"] = browse.paginate(rows, request.GET.get("page"), count)
            context["page_slugs"] = {site.slug for site in context["page_obj"]}
        except browse.PageProblem as problem:
            context["page_problem"] = problem
            return render(request, self.template_name, context, status=404)
        result_cards.attach_cards(context["page_obj"], version)
        if q:
            for site in context["page_obj"]:
                site.also_known_as = search.also_known_as(site, q)
        return render(request, self.template_name, context)

    @staticmethod
    def compare_selection(request) -> dict:
        """The sites ticked so far, kept in the address (`sites`) across pages and filters,
        so a selection survives paging without JavaScript."""
        slugs = browse.selection(request.GET, MAX_SITES)
        names = (
            dict(Site.public.filter(slug__in=slugs).values_list("slug", "name")) if slugs else {}
        )
        without_sites = request.GET.copy()
        without_sites.pop("sites", None)
        without_sites.pop("page", None)
        return {
            "selected": [(slug, names[slug]) for slug in slugs if slug in names],
            "selected_slugs": [slug for slug in slugs if slug in names],
            "export_query": browse.query_without(without_sites, "sites"),
            "filter_params": [
                (name, value) for name in without_sites for value in without_sites.getlist(name)
            ],
            "too_many_selected": len(request.GET.getlist("sites")) > MAX_SITES,
        }

    @staticmethod
    def filter_errors(filterset, query):
        return [
            {
                "label": filterset.filters[name].label if name in filterset.filters else name,
                "messages": messages,
                "remove_query": browse.query_without(query, name),
            }
            for name, messages in filterset.errors.items()
        ]


def published_total(version: str) -> int:
    return cached_aggregate("published-total", version, Site.public.count)


class SiteDetailView(View):
    """/sites/<slug>/: every fact, grouped, each with its citation."""

    template_name = "collaborations/site_detail.html"

    def get(self, request, slug):
        # The facts are read only to render the cached parts; the row itself serves the
        # parts rendered per request (the title, following, citing, the practitioner's panel).
        site = get_object_or_404(Site.public.defer("search_document", "search_vector"), slug=slug)
        context = {"site": site, "case": case_page.case_parts(site.pk, catalogue_version())}
        return render(request, self.template_name, context)
