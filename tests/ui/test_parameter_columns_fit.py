"""A matrix whose columns fit the Parameters dock shows all of them, without a scroll bar.

Found by a new learner: XOR's output layer W² (1 × 4) needed horizontal scrolling at 1920×1080
while the dock had empty space beside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bpstudio.assets import resource
from bpstudio.ui.main_window import MainWindow
from tests.support.windows import close_window, show_window


@pytest.fixture
def xor_large(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = show_window(qtbot, tmp_path, resource("examples", "xor.json"), size=(1920, 1080))
    yield win
    close_window(win)


def room_for_w_alone(panel: object) -> int:
    """A dock width where W² fits whole, but not beside b²."""
    table, bias = panel.tables["W"], panel.tables["b"]  # type: ignore[attr-defined]
    return table.maximumWidth() + bias.width() // 2 + 60


def test_the_output_layers_1x4_weights_show_whole_when_they_fit_the_dock(
    qtbot: QtBot, xor_large: MainWindow
) -> None:
    window = xor_large
    dock = window.docks["parameters"]
    dock.raise_()
    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Space)  # feedforward: the dock follows to the output layer
    panel = window.parameters
    assert panel.layer == window.document.network.depth
    table = panel.tables["W"]
    assert table.model().columnCount() == 4
    window.resizeDocks([dock], [room_for_w_alone(panel)], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    QApplication.processEvents()
    room = panel.scroll_area.viewport().width()
    assert table.maximumWidth() < room, "the dock is too narrow for W² anyway"
    assert table.horizontalScrollBar().maximum() == 0, (table.width(), table.maximumWidth(), room)
    assert table.viewport().width() >= sum(table.columnWidth(c) for c in range(4))
