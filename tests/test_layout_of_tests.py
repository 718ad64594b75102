"""The tests are grouped by the layer they test, and helpers are imported one way.

tests/engine, notation, explain, document, controller, cli and ui hold the tests of that part of
`bpstudio`; plain helpers live in tests/support and are imported as `from tests.support.<module>
import name`; fixtures live in conftest.py files and are never imported.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
GROUPS = {"engine", "notation", "explain", "document", "controller", "cli", "ui", "support", "packaging"}


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return found


def test_helpers_are_imported_one_way() -> None:
    wrong = []
    for path in sorted(TESTS.rglob("*.py")):
        if "benchmarks" in path.parts:
            continue  # scripts run on their own, not by pytest
        for module in imported_modules(path):
            top = module.split(".")
            if top[0] in ("conftest", "ui_state", "engine_fixtures", "canvas_texts") or top[0].startswith(
                "test_"
            ):
                wrong.append(f"{path.relative_to(TESTS)}: {module}")
            elif top[0] == "tests" and top[1:2] != ["support"]:
                wrong.append(f"{path.relative_to(TESTS)}: {module}")
    assert not wrong, "import helpers from tests.support only:\n" + "\n".join(wrong)


def test_tests_sit_in_the_folder_of_the_layer_they_test() -> None:
    folders = {p.name for p in TESTS.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}
    assert folders - {"benchmarks"} <= GROUPS, folders - GROUPS
    loose = sorted(p.name for p in TESTS.glob("test_*.py"))
    # only the tests about the whole package stay at the top
    assert loose == ["test_examples.py", "test_layering.py", "test_layout_of_tests.py"], loose
    # no test module in support, no helpers beside the tests of a layer
    assert not list((TESTS / "support").glob("test_*.py"))
