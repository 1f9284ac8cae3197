"""Slugs in the OpenAPI schema list the values the catalogue has now.

Filter values, submission fields and reference rows are rows of reference tables, so the
code cannot list them; without a list, a client or a schema-driven tester takes any
slug-shaped string for valid and gets a 400 or a 404. This drf-spectacular hook, run each
time the schema is generated, adds the current slugs as enums (one small query per table).
"""

import re

from django.db import DatabaseError
from django_filters import filters

from .schema import SLUG_PATTERN


def _slugs(queryset) -> list[str]:
    return list(queryset.order_by("slug").values_list("slug", flat=True))


def _query_slugs() -> dict[str, list[str]]:
    """Site filters: parameter name to the slugs it accepts."""
    from collaborations.filters import SiteFilterSet

    return {
        name: _slugs(field.queryset)
        for name, field in SiteFilterSet.base_filters.items()
        if isinstance(field, filters.ModelMultipleChoiceFilter)
    }


def _body_slugs() -> dict[str, list[str]]:
    """Submission fields: property name to the slugs the form accepts."""
    from collaborations.submissions.forms import SiteFactsForm

    form = SiteFactsForm()  # with the fields the apps above this one contribute
    slugs = {
        name: _slugs(field.queryset)
        for name, field in form.fields.items()
        if hasattr(field, "queryset") and getattr(field, "to_field_name", None) == "slug"
    }
    # A line of accountability's type (a nested object of the submissions API).
    if "accountability_lines" in slugs:
        slugs["line_type"] = slugs["accountability_lines"]
    return slugs


def _path_slugs() -> dict[str, list[str]]:
    """Reference endpoints: /api/v1/<prefix>/{slug}/ to the slugs of its table."""
    from .reference_views import REFERENCE_VIEWSETS

    paths = {}
    for prefix, viewset in REFERENCE_VIEWSETS.items():
        if prefix in {"organisations", "sources"}:  # only their public rows answer
            continue
        key = viewset.lookup_field
        rows = viewset.model.objects.order_by(key).values_list(key, flat=True)
        paths[f"/api/v1/{prefix}/{{{key}}}/"] = list(rows)
    return paths


def _register_values() -> dict[str, dict]:
    """Council codes as an enum; identifiers as the forms of the registers loaded."""
    from collaborations.models import LocalAuthority, Register

    registers = [r for r in Register.objects.all() if re.fullmatch(r"[A-Z]+(-[A-Z]+)*", r.code)]
    forms = [f"{register.code}-(?:{register.pattern})" for register in registers]
    values = {"council": {"enum": list(LocalAuthority.objects.values_list("code", flat=True))}}
    if forms:
        values["identifier"] = {"pattern": f"^(?:{'|'.join(forms)})$"}
    return {name: schema for name, schema in values.items() if schema.get("enum", True)}


def _enum_parameters(result) -> None:
    query, paths = _query_slugs(), _path_slugs()
    registers = _register_values()
    for path, path_item in result.get("paths", {}).items():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                items = schema.get("items", {})
                if parameter.get("in") == "path" and parameter.get("name") in ("slug", "code"):
                    if paths.get(path):
                        schema["enum"] = paths[path]
                elif query.get(parameter.get("name")) and items.get("pattern") == SLUG_PATTERN:
                    items["enum"] = query[parameter["name"]]
                elif parameter.get("in") == "query" and parameter.get("name") in registers:
                    items.update(registers[parameter["name"]])


def _enum_bodies(result) -> None:
    body = _body_slugs()
    for component in result.get("components", {}).get("schemas", {}).values():
        for name, prop in component.get("properties", {}).items():
            values = body.get(name)
            if not values or prop.get("readOnly"):
                continue
            if prop.get("type") == "array" and "pattern" in prop.get("items", {}):
                prop["items"]["enum"] = values
            elif "pattern" in prop:
                blank = [""] if prop.get("minLength", 0) == 0 else []
                null = [None] if prop.get("nullable") else []
                prop["enum"] = [*values, *blank, *null]


def slug_enums(result, generator, request, public, **kwargs):
    try:
        _enum_parameters(result)
        _enum_bodies(result)
    except DatabaseError:  # `manage.py spectacular` with no database: the schema without them
        pass
    return result
