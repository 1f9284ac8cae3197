"""The sites endpoints filter through SiteFilterSet, the browse page's own FilterSet.

An invalid value is a 400 that names the parameter and what it accepts; so is a parameter
the endpoint does not know (a misspelt filter must not silently return the whole catalogue).
"""

from django import forms
from django_filters import filters
from django_filters.rest_framework import DjangoFilterBackend

from collaborations.filters import SiteFilterSet

from .exceptions import InvalidParameters, ParameterError


class SiteFilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        empty = empty_typed_parameters(request, filterset)
        if empty:
            raise InvalidParameters(empty)
        if not filterset.is_valid():
            raise InvalidParameters(filter_errors(filterset))
        return filterset.qs


def check_known_parameters(request, known: list[str]) -> None:
    unknown = sorted(set(request.query_params) - set(known))
    if unknown:
        raise InvalidParameters(
            [
                ParameterError(
                    parameter=name,
                    message=f"{name} is not a parameter of this endpoint.",
                    expected="one of the parameters listed in allowed_values",
                    allowed_values=list(known),
                )
                for name in unknown
            ]
        )


def empty_typed_parameters(request, filterset) -> list[ParameterError]:
    """An empty value where the schema promises a date, a number or one of a list is an
    error, not "no filter": a client that sends `updated_since=` meant to send a date."""
    errors = []
    for name, values in request.query_params.lists():
        if name not in filterset.filters or "" not in values:
            continue
        if isinstance(filterset.filters[name], filters.CharFilter | filters.OrderingFilter):
            continue  # free text or a comma-separated list: empty means none given
        errors.append(
            ParameterError(
                parameter=name,
                message=f"{name} is empty: give a value or leave the parameter out.",
                expected=expected_value(filterset.filters[name], filterset.form.fields[name]),
                allowed_values=allowed_values(filterset.form.fields[name]),
            )
        )
    return errors


def site_filter_parameters() -> list[str]:
    return list(SiteFilterSet.base_filters)


def filter_errors(filterset) -> list[ParameterError]:
    return [
        ParameterError(
            parameter=name,
            message=" ".join(str(message) for message in messages),
            expected=expected_value(filterset.filters[name], filterset.form.fields[name]),
            allowed_values=allowed_values(filterset.form.fields[name]),
        )
        for name, messages in filterset.errors.items()
    ]


def allowed_values(form_field) -> list[str]:
    """Every value a parameter accepts, where they can be listed (reference slugs, enums)."""
    if isinstance(form_field, forms.ModelMultipleChoiceField):
        return list(form_field.queryset.values_list(form_field.to_field_name, flat=True))
    if isinstance(form_field, forms.ChoiceField):
        return [str(value) for value, _label in form_field.choices if value != ""]
    return []


def expected_value(filter_field, form_field) -> str:
    """What a parameter takes, in words (the OpenAPI schema says the same)."""
    if isinstance(filter_field, filters.OrderingFilter):
        return "a field to sort by, '-' before it for descending; comma-separate several"
    if isinstance(filter_field, filters.ModelMultipleChoiceFilter):
        return "reference slugs; repeat the parameter for several values"
    if isinstance(filter_field, filters.MultipleChoiceFilter):
        return "one of allowed_values; repeat the parameter for several values"
    if isinstance(filter_field, filters.ChoiceFilter):
        return "one of allowed_values"
    if isinstance(filter_field, filters.IsoDateTimeFilter):
        return "an ISO 8601 date or date-time, e.g. 2024-01-31 or 2024-01-31T09:00:00Z"
    if isinstance(filter_field, filters.NumberFilter):
        low, high = getattr(form_field, "min_value", None), getattr(form_field, "max_value", None)
        return f"a number from {low} to {high}" if None not in (low, high) else "a number"
    return "text"
