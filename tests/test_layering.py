"""The layering holds at run time too: the headless parts import no Qt.

pytest-qt imports Qt into this process, so each check runs in a fresh interpreter.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

HEADLESS = [
    "bpstudio.engine",
    "bpstudio.engine.gradcheck",
    "bpstudio.engine.edit",
    "bpstudio.explain",
    "bpstudio.notation",
    "bpstudio.document",
    "bpstudio.document.fileformat",
    "bpstudio.cli",
]


@pytest.mark.parametrize("module", HEADLESS)
def test_module_imports_no_qt(module: str) -> None:
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')); "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} pulled in {out.stdout.strip()}"


# import-linter cannot forbid a submodule of an external package (PySide6.QtWidgets) while
# allowing another (PySide6.QtCore), so this part of the layering is checked on the source.
WIDGET_MODULES = ("PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtSvg", "pyqtgraph")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


@pytest.mark.parametrize("package", ["engine", "document", "controller", "explain"])
def test_no_widgets_below_the_ui(package: str) -> None:
    root = Path(__file__).resolve().parent.parent / "bpstudio" / package
    offenders = [
        f"{path.relative_to(root.parent)}: {name}"
        for path in sorted(root.rglob("*.py"))
        for name in _imports(path)
        if name.startswith(WIDGET_MODULES)
    ]
    assert not offenders, offenders
