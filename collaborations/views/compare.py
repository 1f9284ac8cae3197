"""/compare/?sites=a&sites=b: two to six published sites side by side."""

import re

from django.core.cache import cache
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.generic import View

from collaborations.models import Site
from collaborations.pages.compare import (
    MAX_SITES,
    MIN_SITES,
    compare_rows,
    group_summary,
    grouped_rows,
)
from collaborations.versions import AGGREGATE_SECONDS, aggregate_key, catalogue_version

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")
# Parameters of this page; anything else (say, the browse filters a selection form
# carried along) is dropped with one redirect, so a comparison has one clean address.
PARAMS = {"sites", "differences", "rows"}
BODY_TEMPLATE = "collaborations/includes/compare_body.html"


class CompareView(View):
    """/compare/: the page around a comparison rendered once per catalogue version."""

    template_name = "collaborations/site_compare.html"
    problem_template_name = "collaborations/compare_problem.html"

    def get(self, request):
        if set(request.GET) - PARAMS:
            clean = QueryDict(mutable=True)
            for name in PARAMS & set(request.GET):
                clean.setlist(name, request.GET.getlist(name))
            return redirect(f"{request.path}?{clean.urlencode()}")
        slugs = list(dict.fromkeys(s.strip() for s in request.GET.getlist("sites") if s.strip()))
        if not slugs:  # the navigation's way in: how to choose, not an error
            return self.problem(request, status=200, chosen=0)
        if not MIN_SITES <= len(slugs) <= MAX_SITES:
            return self.problem(request, status=400, chosen=len(slugs))
        # A comparison shows only the catalogue, so it is rendered once per version and
        # query; one found under this version was of sites published in it.
        key = aggregate_key("compare-page", catalogue_version(), request.GET.urlencode())
        body = cache.get(key)
        if body is None:
            valid = [slug for slug in slugs if SLUG.fullmatch(slug)]  # never query with junk
            found = {site.slug: site for site in Site.public.for_detail().filter(slug__in=valid)}
            unknown = [slug for slug in slugs if slug not in found]
            if unknown:
                return self.problem(request, status=404, chosen=len(slugs), unknown=unknown)
            sites = [found[slug] for slug in slugs]
            body = render_to_string(
                BODY_TEMPLATE, self.comparison(request, sites, slugs), request=request
            )
            cache.set(key, body, AGGREGATE_SECONDS)
        context = {"compare_body": body, "site_count": len(slugs)}
        return render(request, self.template_name, context)

    def comparison(self, request, sites, slugs) -> dict:
        rows = compare_rows(sites)
        only_differences = request.GET.get("differences") == "only"
        all_rows = request.GET.get("rows") == "all"
        shown = [
            row
            for row in rows
            if not (only_differences and row.same) and (all_rows or not row.hidden_by_default)
        ]
        # The lead counts the rows a reader can see, with or without "only what differs".
        counted = [row for row in rows if all_rows or not row.hidden_by_default]
        counts = {
            group: sum(row.group == group for row in counted) for group in ("same", "some", "each")
        }
        return {
            "sites": sites,
            "rows": shown,
            "groups": grouped_rows(shown),
            "counts": counts,
            "group_summary": group_summary(counts),
            "hidden_count": sum(row.hidden_by_default for row in rows),
            "row_count": len(counted),
            "only_differences": only_differences,
            "all_rows": all_rows,
            "columns": list(zip(sites, self.removal_queries(request, slugs), strict=True)),
        }

    def problem(self, request, *, status, chosen, unknown=()):
        context = {
            "chosen": chosen,
            "unknown": unknown,
            "min_sites": MIN_SITES,
            "max_sites": MAX_SITES,
        }
        return render(request, self.problem_template_name, context, status=status)

    @staticmethod
    def removal_queries(request, slugs):
        """For each site in turn, the compare query without it ("" when too few would remain)."""
        queries = []
        for slug in slugs:
            query = request.GET.copy()
            query.setlist("sites", [s for s in slugs if s != slug])
            queries.append(query.urlencode() if len(slugs) > MIN_SITES else "")
        return queries
