"""Slug parameters in the OpenAPI schema list the values the catalogue has now.

Filter values are rows of reference tables, so the code cannot list them; without a list,
a client or a schema-driven tester takes any slug-shaped string for valid and gets a 400.
This drf-spectacular hook, run each time the schema is generated, adds the current slugs
as an enum (one small query per table).
"""

from django_filters import filters

from .schema import SLUG_PATTERN


def _slugs_by_parameter() -> dict[str, list[str]]:
    from collaborations.filters import SiteFilterSet

    slugs = {}
    for name, field in SiteFilterSet.base_filters.items():
        if isinstance(field, filters.ModelMultipleChoiceFilter):
            model = field.queryset.model
            slugs[name] = list(model.objects.order_by("slug").values_list("slug", flat=True))
    return slugs


def slug_enums(result, generator, request, public, **kwargs):
    slugs = _slugs_by_parameter()
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                values = slugs.get(parameter.get("name"))
                items = parameter.get("schema", {}).get("items", {})
                if (
                    values
                    and parameter.get("in") == "query"
                    and items.get("pattern") == SLUG_PATTERN
                ):
                    items["enum"] = values
    return result
