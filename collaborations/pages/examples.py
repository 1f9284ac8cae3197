"""Sites that illustrate a reference value (an approach, a theme, a type...), a few per
value, for the overview pages: one windowed query however large the catalogue grows."""

from collections import defaultdict

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from collaborations.models import Site
from collaborations.versions import cached_aggregate, catalogue_version

EXAMPLES_PER_VALUE = 12


def examples_by_value(fact_model, value_field, *, limit=EXAMPLES_PER_VALUE, **conditions):
    """{value id: [fact, ...]}: up to `limit` facts of published sites per value, by site
    name, each with its site and source loaded; cached under the catalogue's version (the
    window runs over every fact of the kind)."""
    return cached_aggregate(
        f"examples-{fact_model._meta.label}-{value_field}",
        catalogue_version(),
        lambda: _examples_by_value(fact_model, value_field, limit, conditions),
        limit,
        sorted(conditions.items()),
    )


def _examples_by_value(fact_model, value_field, limit, conditions):
    value_column = f"{value_field}_id"
    facts = (
        fact_model.objects.filter(site__in=Site.public.values("pk"), **conditions)
        .select_related("site", "source")
        .annotate(
            row_number=Window(
                RowNumber(), partition_by=[F(value_column)], order_by=[F("site__name").asc()]
            )
        )
        .filter(row_number__lte=limit)
        .order_by(value_column, "site__name")
    )
    grouped = defaultdict(list)
    for fact in facts:
        grouped[getattr(fact, value_column)].append(fact)
    return dict(grouped)


def attach_examples(values, examples):
    """Set `.examples` on each reference row from examples_by_value()'s result."""
    for value in values:
        value.examples = examples.get(value.pk, [])
    return values
