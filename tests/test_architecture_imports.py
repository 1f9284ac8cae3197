"""collaborations never imports the apps built on it (docs/architecture.md)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ABOVE = ("accountability", "places", "following", "releases")


def imported_modules(path: Path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_collaborations_imports_no_app_above_it():
    """Above it: accountability, then the map, follows and releases on top."""
    offending = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / "collaborations").rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in ABOVE
    ]
    assert offending == []


@pytest.mark.django_db
def test_the_accountability_section_comes_through_the_hook():
    from collaborations.submissions.contributed import contributions
    from collaborations.submissions.forms import SiteFactsForm

    sections = {contribution.section for contribution in contributions()}
    assert "accountability" in sections
    assert {"accountability_lines", "indicators"} <= set(SiteFactsForm().fields)
