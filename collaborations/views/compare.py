"""/compare/?sites=a&sites=b: two to six published sites side by side."""

import re

from django.shortcuts import render
from django.views.generic import View

from collaborations.models import Site
from collaborations.pages.compare import MAX_SITES, MIN_SITES, compare_rows

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


class CompareView(View):
    template_name = "collaborations/site_compare.html"
    problem_template_name = "collaborations/compare_problem.html"

    def get(self, request):
        slugs = list(dict.fromkeys(s.strip() for s in request.GET.getlist("sites") if s.strip()))
        if not slugs:  # the navigation's way in: how to choose, not an error
            return self.problem(request, status=200, chosen=0)
        if not MIN_SITES <= len(slugs) <= MAX_SITES:
            return self.problem(request, status=400, chosen=len(slugs))
        valid = [slug for slug in slugs if SLUG.fullmatch(slug)]  # never query with junk
        found = {site.slug: site for site in Site.public.for_detail().filter(slug__in=valid)}
        unknown = [slug for slug in slugs if slug not in found]
        if unknown:
            return self.problem(request, status=404, chosen=len(slugs), unknown=unknown)
        sites = [found[slug] for slug in slugs]
        rows = compare_rows(sites)
        only_differences = request.GET.get("differences") == "only"
        context = {
            "sites": sites,
            "rows": [row for row in rows if not (only_differences and row.same)],
            "shared_count": sum(row.same for row in rows),
            "row_count": len(rows),
            "only_differences": only_differences,
            "columns": list(zip(sites, self.removal_queries(request, slugs), strict=True)),
        }
        return render(request, self.template_name, context)

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
