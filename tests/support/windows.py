"""The studio window for tests: shown on a document with its own settings, closed cleanly."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings

from bpstudio.controller import Controller
from tests.support.documents import make_document

if TYPE_CHECKING:
    from bpstudio.ui.main_window import MainWindow


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
