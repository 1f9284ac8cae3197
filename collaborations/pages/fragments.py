"""HTML that shows only the catalogue, rendered once per catalogue version.

A fragment is kept under the version (see versions.py) and whatever else it depends on,
so any write to the catalogue makes the next request render it afresh."""

from django.template.loader import render_to_string

from collaborations.versions import cached_aggregate


def cached_fragment(name: str, version: str, template: str, build_context, *parts) -> str:
    """`template` rendered with build_context(), which runs only when nothing is cached."""
    return cached_aggregate(
        name, version, lambda: render_to_string(template, build_context()), *parts
    )
