"""The wheel a learner installs with pip: built in one clean venv, installed in another, in Vietnamese.

A wheel used to ship bpstudio_vi.ts without the compiled .qm (only `make` compiled it), so the
installed `bpstudio --lang vi` showed English without a word. The build hook (hatch_build.py)
compiles every catalogue; this test checks the wheel's contents and runs the installed program.

Slow (two venvs, PySide6 installed from pip's cache or index), so it runs only under
`make package-test`, which sets BPSTUDIO_PACKAGE_TEST=1. It needs no root.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from pathlib import Path

import pytest

import bpstudio

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("BPSTUDIO_PACKAGE_TEST") != "1",
        reason="builds and installs a wheel in fresh venvs: run by `make package-test`",
    ),
    pytest.mark.timeout(1800),  # a first install may download PySide6
]

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = "bpstudio/resources/translations"


# A home of its own, so that nothing the tools write there (settings, caches) lands in the
# checkout or the user's home; pip keeps using the user's download cache.
HOME = Path(tempfile.mkdtemp(prefix="bpstudio-wheel-home-"))
PIP_CACHE = os.environ.get("PIP_CACHE_DIR") or str(Path.home() / ".cache" / "pip")


def sh(*args: str | Path, cwd: Path | None = None, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env.update(QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", HOME=str(HOME), PIP_CACHE_DIR=PIP_CACHE)
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout
    )


def venv(folder: Path) -> Path:
    """A new virtualenv with pip; returns its python."""
    result = sh(sys.executable, "-m", "venv", folder)
    assert result.returncode == 0, result.stderr
    return folder / ("Scripts" if os.name == "nt" else "bin") / "python"


def checkout(target: Path) -> Path:
    """The files git tracks, as they are in the worktree: no compiled .qm, no local leftovers."""
    listing = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "--cached", "-z"],
        capture_output=True,
        check=True,
    )
    for name in filter(None, listing.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    assert not list((target / "resources" / "translations").glob("*.qm"))
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pip wheel .` in a clean venv, from a clean copy of the sources (isolated build)."""
    base = tmp_path_factory.mktemp("build")
    source = checkout(base / "src")
    python = venv(base / "venv")
    result = sh(python, "-m", "pip", "wheel", "--no-deps", "-w", base / "dist", source, cwd=base)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (built,) = (base / "dist").glob("bpstudio-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel (with its dependencies) installed into another clean venv; returns its python."""
    base = tmp_path_factory.mktemp("install")
    python = venv(base / "venv")
    result = sh(python, "-m", "pip", "install", wheel, cwd=base)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return python


def test_the_wheel_carries_the_compiled_catalogues(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for stem in ("bpstudio_vi", "qt_vi"):
            assert f"{TRANSLATIONS}/{stem}.ts" in names
            assert f"{TRANSLATIONS}/{stem}.qm" in names, f"{stem}.qm is not in {wheel.name}"
            qm = archive.read(f"{TRANSLATIONS}/{stem}.qm")
            # A Qt .qm file starts with this magic number.
            assert qm[:16] == bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd"), stem
            assert len(qm) > 2000
    print(f"\n[package] wheel: {wheel.name}, {wheel.stat().st_size / 1e6:.2f} MB", flush=True)


def test_the_installed_program_starts_in_vietnamese(installed: Path, tmp_path: Path) -> None:
    """`bpstudio --lang vi` from the installed wheel: the window's texts, Qt's buttons included."""
    script = textwrap.dedent(
        """
        import json, sys
        from pathlib import Path
        import pyqtgraph  # noqa: F401
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication, QMessageBox
        import bpstudio
        from bpstudio.controller import Controller
        from bpstudio.document import fileformat as fmt
        from bpstudio.document.document import NetworkDocument, file_fields
        from bpstudio.ui import i18n
        from bpstudio.ui.main_window import MainWindow

        app = QApplication([])
        ok = i18n.install("vi")
        nf = fmt.default_network()
        document = NetworkDocument(nf.stepper, **file_fields(nf, None))
        window = MainWindow(document, Controller(document), settings=QSettings("w.ini", QSettings.Format.IniFormat))
        box = QMessageBox()
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard)
        print(json.dumps({
            "package": bpstudio.__file__,
            "installed": ok,
            "message": i18n.missing_message(),
            "next_phase": window.actions_by_key["next_phase"].text(),
            "buttons": sorted(b.text() for b in box.buttons()),
        }))
        """
    )
    result = sh(installed, "-c", script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert Path(seen["package"]).is_relative_to(installed.parents[1]), seen["package"]  # not the checkout
    assert seen["installed"] is True and seen["message"] == ""
    assert seen["next_phase"] == "Pha tiếp theo"
    assert seen["buttons"] == ["Không lưu", "Lưu"]

    program = installed.with_name("bpstudio.exe" if os.name == "nt" else "bpstudio")
    shot = tmp_path / "vi.png"
    result = sh(program, "--lang", "vi", "--phases", "3", "--screenshot", shot, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "not available" not in result.stderr and "missing" not in result.stderr, result.stderr
    assert shot.is_file() and shot.stat().st_size > 20_000
    version = sh(program, "--version", cwd=tmp_path)
    assert version.stdout.strip() == f"bpstudio {bpstudio.__version__}"


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-v", "-s"]))
