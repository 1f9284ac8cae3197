"""The floor the API is measured against: the same 50 sites of one type, from a single
.values() query, as JSON, with nothing else (no facts, no validators, no throttling)."""

from django.http import JsonResponse

from collaborations.models import Site, TypologyCoding

FIELDS = ("slug", "name", "kind", "fact_count", "summary", "locality", "start_year")


def minimal_sites(request):
    coded = TypologyCoding.objects.filter(
        rank="preferred", typology__slug=request.GET.get("typology", "")
    ).values("site_id")
    sites = Site.public.filter(pk__in=coded).order_by("name", "slug").values(*FIELDS)[:50]
    return JsonResponse({"results": list(sites)})
