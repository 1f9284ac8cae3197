"""/api/docs/: the API reference as a page of the site, drawn on the server from the same
OpenAPI schema that /api/schema/ serves (so it cannot drift from the API), readable
without JavaScript and inside the site's layout."""

from dataclasses import dataclass, field
from functools import lru_cache

from django.views.generic import TemplateView
from drf_spectacular.generators import SchemaGenerator

HTTP_METHODS = ("get", "post", "put", "patch", "delete")
# Sections of the page, in order: (id, heading, does this path belong here).
SECTIONS = [
    ("sites", "Sites", lambda path: path.startswith("/api/v1/sites/")),
    ("submissions", "Your submissions", lambda path: path.startswith("/api/v1/submissions/")),
    ("reference", "Reference data and sources", lambda path: True),
]


@dataclass
class Parameter:
    name: str
    location: str
    type: str
    required: bool
    description: str


@dataclass
class Operation:
    anchor: str
    method: str
    path: str
    summary: str
    description: str
    parameters: list[Parameter]
    request_schema: str
    responses: list[tuple[str, str, str]]  # (status, description, schema name)


@dataclass
class SchemaField:
    name: str
    type: str
    schema_name: str
    required: bool
    read_only: bool
    description: str


@dataclass
class Component:
    name: str
    description: str
    fields: list[SchemaField] = field(default_factory=list)
    values: list[str] = field(default_factory=list)


def _ref_name(node: dict) -> str:
    """The component a schema node points at, through allOf/oneOf wrappers and arrays."""
    if "$ref" in node:
        return node["$ref"].rsplit("/", 1)[-1]
    for key in ("allOf", "oneOf", "anyOf"):
        for option in node.get(key, []):
            name = _ref_name(option)
            if name and name != "NullEnum":
                return name
    if node.get("type") == "array":
        return _ref_name(node.get("items", {}))
    return ""


def _type_of(node: dict) -> str:
    name = _ref_name(node)
    kind = node.get("type", "object" if name else "")
    if kind == "array":
        kind = f"list of {name or _type_of(node.get('items', {}))}"
    elif name:
        kind = name
    elif "enum" in node:
        kind = "one of " + ", ".join(str(value) for value in node["enum"])
    if node.get("format"):
        kind += f" ({node['format']})"
    return kind + (", or null" if node.get("nullable") else "")


def _parameters(operation: dict) -> list[Parameter]:
    return [
        Parameter(
            name=param["name"],
            location=param["in"],
            type=_type_of(param.get("schema", {})),
            required=param.get("required", False),
            description=param.get("description", ""),
        )
        for param in operation.get("parameters", [])
    ]


def _responses(operation: dict) -> list[tuple[str, str, str]]:
    rows = []
    for status, response in operation.get("responses", {}).items():
        content = response.get("content", {})
        json_schema = content.get("application/json", {}).get("schema", {})
        rows.append((status, response.get("description", ""), _ref_name(json_schema)))
    return rows


def _operation(path: str, method: str, operation: dict) -> Operation:
    body = operation.get("requestBody", {}).get("content", {})
    return Operation(
        anchor=operation.get("operationId", f"{method}-{path}"),
        method=method.upper(),
        path=path,
        summary=operation.get("summary", ""),
        description=operation.get("description", ""),
        parameters=_parameters(operation),
        request_schema=_ref_name(body.get("application/json", {}).get("schema", {})),
        responses=_responses(operation),
    )


def _component(name: str, schema: dict) -> Component:
    component = Component(name, schema.get("description", ""))
    component.values = [str(value) for value in schema.get("enum", []) if value is not None]
    required = set(schema.get("required", []))
    for field_name, node in schema.get("properties", {}).items():
        component.fields.append(
            SchemaField(
                name=field_name,
                type=_type_of(node),
                schema_name=_ref_name(node),
                required=field_name in required,
                read_only=node.get("readOnly", False),
                description=node.get("description", ""),
            )
        )
    return component


@lru_cache(maxsize=1)
def api_reference() -> dict:
    """The schema arranged for reading; built once per process (the API is code, not data)."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    sections = [{"id": sid, "title": title, "operations": []} for sid, title, _ in SECTIONS]
    for path, operations in schema["paths"].items():
        section = next(
            s for s, (_, _, belongs) in zip(sections, SECTIONS, strict=True) if belongs(path)
        )
        for method in HTTP_METHODS:
            if method in operations:
                section["operations"].append(_operation(path, method, operations[method]))
    components = [
        _component(name, node) for name, node in schema.get("components", {})["schemas"].items()
    ]
    return {"sections": sections, "components": components, "version": schema["info"]["version"]}


class ApiReferenceView(TemplateView):
    template_name = "api/reference.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**api_reference(), **kwargs)
