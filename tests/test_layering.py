"""The layering holds at run time too: the headless parts import no Qt.

pytest-qt imports Qt into this process, so each check runs in a fresh interpreter.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEADLESS = [
    "bpstudio.engine",
    "bpstudio.engine.gradcheck",
    "bpstudio.engine.edit",
    "bpstudio.explain",
    "bpstudio.document",
    "bpstudio.document.format",
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
