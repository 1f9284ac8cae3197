"""/map/: published sites on a map of the UK, with the browse page's filters."""

from django.shortcuts import render
from django.views.generic import View

from collaborations.filters import SiteFilterSet
from collaborations.models import Site
from collaborations.pages import browse
from collaborations.versions import cached_aggregate, catalogue_version

from .outline import FRAME, boundary_paths, outline_paths
from .site_map import site_map


class SiteMapView(View):
    template_name = "places/site_map.html"

    def get(self, request):
        filterset = SiteFilterSet(request.GET, queryset=Site.public.all())
        context = {
            "frame": FRAME,
            "outline": outline_paths(),
            "boundaries": boundary_paths(),
            "active_filters": browse.active_filters(request.GET, [], filterset),
            "browse_query": browse.query_without(request.GET, "page"),
        }
        if not filterset.is_valid():
            context["filter_errors"] = [
                {"label": filterset.filters[name].label, "messages": messages}
                for name, messages in filterset.errors.items()
                if name in filterset.filters
            ]
            return render(request, self.template_name, context, status=400)
        # The counts read every matching site: kept per version of the catalogue and filters.
        query = sorted((name, tuple(values)) for name, values in request.GET.lists())
        context["map"] = cached_aggregate(
            "site-map", catalogue_version(), lambda: site_map(filterset.qs, request.GET), query
        )
        return render(request, self.template_name, context)
