"""Fixtures for the window tests: offscreen Qt, temporary settings, the article's network."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from bpstudio.assets import resource
from bpstudio.controller import Controller
from bpstudio.document import fileformat as fmt
from bpstudio.document.document import NetworkDocument, file_fields

if TYPE_CHECKING:
    from bpstudio.ui.main_window import MainWindow


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
def temporary_settings(tmp_path: Path) -> Iterator[Path]:
    """Every QSettings() of a test lives under tmp_path, never in the real home."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QCoreApplication.setOrganizationName("BP Studio")
    QCoreApplication.setApplicationName("bpstudio")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    from bpstudio.ui import i18n

    if QCoreApplication.instance() is not None and i18n.current_choice() != "en":
        i18n.install("en")


def make_document(path: Path | None = None) -> NetworkDocument:
    nf = fmt.load_file(path) if path is not None else fmt.default_network()
    return NetworkDocument(nf.stepper, **file_fields(nf, path))


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


def show_window(
    qtbot: Any, tmp_path: Path, path: Path | None = None, size: tuple[int, int] | None = None
) -> MainWindow:
    """The studio window on `path` (default: the article's network), shown, with its own settings."""
    from bpstudio.ui.main_window import MainWindow

    document = make_document(path)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(document, Controller(document), settings=settings)
    if size is not None:
        win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win


def close_window(win: MainWindow) -> None:
    """Closed by the test rather than by qtbot.addWidget, which would close it before this cleanup:
    a run is paused and nothing prompts for unsaved changes."""
    if win.running:
        win.pause()
    win.document.history.set_clean()
    win.close()
    win.deleteLater()


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    """The article's network in a shown window (the window's own size)."""
    win = show_window(qtbot, tmp_path)
    yield win
    close_window(win)
