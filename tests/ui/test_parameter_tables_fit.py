"""The Parameters dock at 1024×700: every header and cell shows its whole text.

Found by a new learner: row names read "h¹" with the subscript cut off, a huge value read
"-6.137914e+2…" (as if e+2), the optimizer table was titled half in English, and refusing batch
normalisation showed its message while the check box behind it was ticked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QMessageBox,
    QStatusBar,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from bpstudio.ui.main_window import MainWindow
from bpstudio.ui.parameters import NumberDelegate, ParameterTable
from tests.support.windows import close_window, show_window

SMALL = (1024, 700)


@pytest.fixture
def small(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = show_window(qtbot, tmp_path, size=SMALL)
    yield win
    close_window(win)


def click(widget: Any) -> None:
    QTest.mouseClick(
        widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, widget.rect().center()
    )


def add_layer_after_a_hidden_neuron(window: MainWindow) -> None:
    """Right-click a hidden neuron → Add hidden layer after."""
    menu = window.canvas.context_menu(1, 0)
    action = menu.findChild(QAction, "add_layer_after")
    assert action is not None
    action.trigger()
    assert window.document.network.depth == 3


def header_clipped(header: QHeaderView) -> list[str]:
    """The texts of the sections too narrow for them (a vertical header: its width)."""
    model = header.model()
    metrics = QFontMetrics(header.font())
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    count = model.rowCount() if header.orientation() == Qt.Orientation.Vertical else model.columnCount()
    clipped = []
    for section in range(count):
        text = str(model.headerData(section, header.orientation()))
        room = (
            header.width() if header.orientation() == Qt.Orientation.Vertical else header.sectionSize(section)
        )
        if metrics.horizontalAdvance(text) + margin > room:
            clipped.append(f"{text!r}: {metrics.horizontalAdvance(text) + margin} > {room}")
    return clipped


def shown_text(table: ParameterTable, index: QModelIndex) -> tuple[str, int]:
    """The text a cell paints (as the delegate prepares it) and the width it has for it."""
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.font = table.font()
    option.fontMetrics = QFontMetrics(table.font())
    option.rect = table.visualRect(index)
    delegate = table.itemDelegate()
    assert isinstance(delegate, NumberDelegate)
    delegate.initStyleOption(option, index)
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    return option.text, option.rect.width() - margin


def clipped_headers(window: MainWindow) -> list[str]:
    """Every header of every layer's tables whose text is wider than its section."""
    panel = window.parameters
    clipped = []
    for layer in range(1, window.document.network.depth + 1):
        panel.select_layer(layer)
        QApplication.processEvents()
        for quantity, table in panel.tables.items():
            for header in (table.verticalHeader(), table.horizontalHeader()):
                clipped += [f"layer {layer} {quantity}: {c}" for c in header_clipped(header)]
    return clipped


def test_row_and_column_names_fit_with_two_hidden_layers(small: MainWindow) -> None:
    add_layer_after_a_hidden_neuron(small)
    assert not clipped_headers(small)
    panel = small.parameters
    panel.select_layer(1)
    assert panel.model("W").headerData(0, Qt.Orientation.Vertical) == "h¹₁"


def test_row_names_fit_when_a_scrolling_layer_gets_a_layer_number(small: MainWindow) -> None:
    """Eleven neurons (a table that scrolls): h₁₀ becomes h¹₁₀ when a hidden layer is added, and
    the row header kept the width of h₁₀."""
    for _ in range(9):
        assert small.controller.add_neuron(1)
    small.parameters.select_layer(1)
    QApplication.processEvents()
    add_layer_after_a_hidden_neuron(small)
    small.parameters.select_layer(1)
    QApplication.processEvents()
    assert small.parameters.model("W").headerData(10, Qt.Orientation.Vertical) == "h¹₁₁"
    assert not clipped_headers(small)


@pytest.mark.parametrize("value", [-6.137914e299, 6.137914e-300, -1.5e-300, 123456789.123456, -9.87e105])
def test_huge_and_tiny_values_keep_their_exponent(small: MainWindow, value: float) -> None:
    controller = small.controller
    assert controller.set_parameter(1, "W", 0, 0, value)
    assert controller.set_parameter(1, "b", 1, None, value)
    panel = small.parameters
    panel.select_layer(1)
    QApplication.processEvents()
    metrics = QFontMetrics(panel.tables["W"].font())
    for quantity, (row, col) in (("W", (0, 0)), ("b", (1, 0))):
        table = panel.tables[quantity]
        index = table.model().index(row, col)
        text, room = shown_text(table, index)
        assert metrics.horizontalAdvance(text) <= room, f"{text!r} is cut in {room} px"
        exponent = str(int(f"{value:e}".partition("e")[2])).replace("-", "−")  # as the table writes it
        if abs(value) >= 1e9 or abs(value) < 5e-7:
            assert text.endswith("e" + exponent), text  # the whole exponent
        else:
            assert text.startswith(f"{value:.0f}"), text  # every digit before the point
        shown = float(text.replace("−", "-"))
        assert abs(shown - value) <= abs(value) * 0.05  # the number shown is the value
        assert repr(value) in str(index.data(Qt.ItemDataRole.ToolTipRole))  # the full value


@pytest.mark.parametrize(
    ("language", "optimizer", "titles", "words"),
    [
        ("en", "momentum", ["v(W¹)", "v(b¹)"], "velocity"),
        ("vi", "momentum", ["v(W¹)", "v(b¹)"], "vận tốc"),
        ("en", "adam", ["m(W¹)", "m(b¹)", "v(W¹)", "v(b¹)"], "moment"),
        ("vi", "adam", ["m(W¹)", "m(b¹)", "v(W¹)", "v(b¹)"], "mômen"),
    ],
)
def test_optimizer_state_tables_are_titled_by_their_symbol(
    small: MainWindow, language: str, optimizer: str, titles: list[str], words: str
) -> None:
    small.set_language(language)
    assert small.controller.set_optimizer_option(name=optimizer)
    small.controller.step()
    panel = small.parameters
    panel.select_layer(1)
    groups = {group.title(): group for group, _ in panel._groups}
    for title in titles:
        assert title in groups, sorted(groups)
        tip = groups[title].toolTip()
        assert tip.startswith(title + " — ") and words in tip
    assert not [title for title in groups if "velocity" in title or "moment" in title]


@pytest.mark.parametrize("language", ["en", "vi"])
def test_refused_batch_norm_shows_the_box_unticked_and_a_whole_message(
    small: MainWindow, dialogs: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    small.set_language(language)
    panel = small.parameters
    panel.select_layer(1)
    assert small.document.stepper.training.batch_size == 1
    ticked_when_shown: list[bool] = []
    recorded = QMessageBox.critical

    def critical(parent: Any, title: str, text: str, *args: Any) -> Any:
        ticked_when_shown.append(panel.batch_norm_box.isChecked())
        return recorded(parent, title, text, *args)

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    click(panel.batch_norm_box)
    assert dialogs["critical"], "no message"
    assert ticked_when_shown == [False]
    assert not panel.batch_norm_box.isChecked()
    # the status bar shows the message in one line, left of its size grip and permanent label
    bar = small.statusBar()
    message = bar.currentMessage()
    assert message == dialogs["critical"][-1]
    assert QFontMetrics(bar.font()).horizontalAdvance(message) <= status_room(bar), message


def status_room(bar: QStatusBar) -> int:
    """The width QStatusBar gives a temporary message: from x = 6 to the first widget on its right
    (the size grip, a permanent label; the other widgets are hidden under the message)."""
    right = bar.width() - 12
    for child in bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.isVisible():
            right = min(right, child.x() - 1)
    return right - 6
