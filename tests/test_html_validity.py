"""Every public page is valid HTML by the Nu HTML Checker (vnu.jar, run with Debian's java).

`make quality-deps` (part of `make test`) installs the checker into tools/quality/ with npm
and Debian's java if either is missing; without them this test fails saying so, since both
install from the ordinary package registries."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_browser_pages import PAGES, build_catalogue

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "tools" / "quality" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def checker() -> list[str]:
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail(
            "The Nu HTML Checker needs Debian's java and tools/quality/node_modules: "
            "run `make quality-deps` (apt-get install default-jre-headless; npm ci)."
        )
    return [java, "-Xss8m", "-jar", str(VNU), "--errors-only", "--format", "json"]


def test_every_public_page_is_valid_html(client, tmp_path):
    command = checker()
    build_catalogue()
    files = {}
    for name, path in PAGES.items():
        response = client.get(path)
        assert response.status_code in (200, 400, 404), (path, response.status_code)
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files[name] = path
    assert validate(command, tmp_path, files) == []


def validate(command, folder, pages) -> list[str]:
    """The checker's errors for every .html file in `folder`, each named by its page."""
    result = subprocess.run(
        [*command, *map(str, sorted(folder.glob("*.html")))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{pages[Path(m['url'].split(':', 1)[1]).stem]} line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]


def test_the_checker_reports_a_block_inside_a_paragraph(tmp_path):
    command = checker()
    (tmp_path / "bad.html").write_text(
        "<!doctype html><html lang=en><title>x</title><p><span><details>"
        "<summary>a</summary></details></span></p>"
    )
    errors = validate(command, tmp_path, {"bad": "/bad/"})
    assert errors and all(error.startswith("/bad/ line 1: ") for error in errors)
