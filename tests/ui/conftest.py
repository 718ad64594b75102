"""Fixtures for the window tests (the test-wide ones are in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from bpstudio.controller import Controller
from bpstudio.document.document import NetworkDocument
from bpstudio.ui.main_window import MainWindow
from tests.support.documents import make_document
from tests.support.windows import close_window, show_window


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    """The article's network in a shown window (the window's own size)."""
    win = show_window(qtbot, tmp_path)
    yield win
    close_window(win)


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(width: int, height: int, document: NetworkDocument | None = None) -> MainWindow:
        document = document or make_document()
        settings = QSettings(str(tmp_path / f"w{len(windows)}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(document, Controller(document), settings=settings, restore_layout=False)
        window.persist_settings = False
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.document.history.set_clean()
        window.close()
        window.deleteLater()
