"""How many published sites use a reference row: one annotation on the reference query.

The counts read the same facts as the filters (a typology counts current codings only),
so a row's `site_count` is the `count` its filter returns on /api/v1/sites/.
"""

from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import Count, F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from collaborations.models import Site
from collaborations.models.site import FACT_RELATIONS


def published_sites_through(path: str, **conditions) -> Count:
    """Distinct published sites reached from the row along `path` (ending at a Site)."""
    published = Q(**{f"{path}__status": Site.Status.PUBLISHED}, **conditions)
    return Count(path, filter=published, distinct=True)


def published_sites_citing() -> Coalesce:
    """For a Source: distinct published sites with at least one fact citing it."""
    fact_models = [apps.get_model(label) for label, _joins in FACT_RELATIONS.values()]
    citing = reduce(
        or_,
        (
            Q(pk__in=model.objects.filter(source=OuterRef(OuterRef("pk"))).values("site_id"))
            for model in fact_models
        ),
    )
    sites = (
        Site.objects.published()
        .filter(citing)
        .order_by()
        .annotate(total=Func(F("pk"), function="COUNT"))
        .values("total")
    )
    return Coalesce(Subquery(sites), 0)
