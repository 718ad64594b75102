"""Fixtures for every test: reproducible property tests, Qt offscreen, temporary settings,
message boxes recorded instead of shown, the article's network as a document.

Fixtures live in conftest.py files; plain helpers live in `tests/support/` and are imported one
way, `from tests.support.<module> import name` (never from conftest or from another test)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from bpstudio.assets import resource
from bpstudio.controller import Controller
from bpstudio.document.document import NetworkDocument
from tests.support.documents import make_document

# `make test` draws the same examples every run, so a red build is reproducible and a clean
# clone on CI meets no example nobody has seen; `HYPOTHESIS_FRESH=1 make test` draws fresh ones
# (run it when you change the engine or the file format).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
# `make fuzz`: fresh examples, many of them (BPSTUDIO_FUZZ_EXAMPLES), and no explicit examples
# first (the fuzz tests keep their known cases as parametrized tests, which `make test` runs).
settings.register_profile(
    "fuzz", deadline=None, print_blob=True, phases=[Phase.generate, Phase.target, Phase.shrink]
)
if os.environ.get("BPSTUDIO_FUZZ_EXAMPLES"):
    settings.load_profile("fuzz")
else:
    settings.load_profile("dev" if os.environ.get("HYPOTHESIS_FRESH") else "ci")


def _lrelease() -> str | None:
    candidate = Path(sys.executable).with_name("pyside6-lrelease")
    return str(candidate) if candidate.exists() else shutil.which("pyside6-lrelease")


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """`make pytest` builds the .qm catalogues; running pytest directly builds missing ones here."""
    tool = _lrelease()
    for ts in resource("translations").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if tool and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture(autouse=True)
def temporary_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every QSettings() of a test lives in a fresh temporary folder, never in the real home (and
    not in the test's tmp_path, whose contents some tests list)."""
    folder = tmp_path_factory.mktemp("settings")
    QCoreApplication.setOrganizationName("BP Studio")
    QCoreApplication.setApplicationName("bpstudio")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    from bpstudio.ui import i18n

    if QCoreApplication.instance() is not None and i18n.current_choice() != "en":
        i18n.install("en")


@pytest.fixture(autouse=True)
def temporary_data_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """QStandardPaths' data and state folders (recovery files, the error log) in a fresh temporary
    folder, never in the real home."""
    folder = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(folder / "state"))
    return folder


@pytest.fixture
def document() -> NetworkDocument:
    return make_document()


@pytest.fixture
def controller(document: NetworkDocument) -> Controller:
    return Controller(document)


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """Record every message box instead of showing it (a modal box would hang the test).

    `answers` drives the Save/Discard/Cancel prompt; without one it answers Cancel.
    """
    seen: dict[str, list[Any]] = {"critical": [], "warning": [], "answers": []}

    def critical(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        seen["critical"].append(text)
        return QMessageBox.StandardButton.Ok

    def warning(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        seen["warning"].append(text)
        return seen["answers"].pop(0) if seen["answers"] else QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return seen
