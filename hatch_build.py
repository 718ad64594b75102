"""Build hook: compile the translation catalogues (resources/translations/*.ts) into .qm files.

Only compiled catalogues can be loaded by Qt, and `make` is not how a learner installs: without
this hook a wheel built by `pip wheel .` shipped the .ts sources alone and `bpstudio --lang vi`
showed English. The wheel therefore gets a freshly compiled `bpstudio/resources/translations/
<name>.qm` for every .ts. The compiler is Qt's lrelease from PySide6, which pyproject.toml lists
in the build requirements, so it is present in pip's isolated build environment; it is run
through the build's own Python so that no console script needs to be on PATH.

An editable install (`pip install -e .`) reads resources/ from the source tree, so there the
catalogues are compiled in place (as `make translations` does) when missing or older than the .ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LRELEASE = (
    "import sys; from PySide6.scripts.pyside_tool import lrelease; sys.argv[0] = 'lrelease'; lrelease()"
)


def compile_catalogue(ts: Path, qm: Path) -> None:
    """Run lrelease on one catalogue; fail the build loudly rather than ship English only."""
    try:
        import PySide6  # noqa: F401
    except ImportError as error:
        raise RuntimeError(
            "compiling the translations needs PySide6 (lrelease) in the build environment: "
            "install PySide6-Essentials or build with pip's default build isolation"
        ) from error
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", LRELEASE, "-silent", str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not qm.is_file() or qm.stat().st_size == 0:
        raise RuntimeError(f"lrelease could not compile {ts}:\n{result.stdout}{result.stderr}")


class TranslationsBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        sources = sorted((Path(self.root) / "resources" / "translations").glob("*.ts"))
        if version == "editable":
            for ts in sources:
                qm = ts.with_suffix(".qm")
                if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
                    compile_catalogue(ts, qm)
            return
        self._out = Path(tempfile.mkdtemp(prefix="bpstudio-qm-"))
        for ts in sources:
            qm = self._out / ts.with_suffix(".qm").name
            compile_catalogue(ts, qm)
            # The hook's entry wins over a .qm that `make` left in resources/ (tested): the wheel
            # always carries the catalogue compiled from the .ts it ships.
            build_data["force_include"][str(qm)] = f"bpstudio/resources/translations/{qm.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        out = getattr(self, "_out", None)
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)
