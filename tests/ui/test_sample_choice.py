"""Which sample the canvas shows, and what the dataset table shows after feedforward.

A learner clicks a row of the dataset table: the canvas's numbers and its tooltips become that
sample's. After feedforward the table shows each batch sample's output ŷ and loss L.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from bpstudio.assets import resource
from bpstudio.notation.numbers import TABLE, number
from bpstudio.ui.canvas.state import fmt
from bpstudio.ui.main_window import MainWindow
from tests.support.canvas_texts import delta_text, z_text
from tests.support.windows import close_window, show_window


@pytest.fixture
def xor_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = show_window(qtbot, tmp_path, resource("examples", "xor.json"))
    yield win
    close_window(win)


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key = Qt.Key.Key_Space, shift: bool = False) -> None:
    window.canvas.setFocus()
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(window, key, modifier)


def click_row(window: MainWindow, row: int, column: int = 0) -> None:
    table = window.dataset_panel.table
    index = table.model().index(row, column)
    table.scrollTo(index)
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        table.visualRect(index).center(),
    )


def cell(window: MainWindow, row: int, column: int) -> str:
    model = window.dataset_panel.table.model()
    return str(model.data(model.index(row, column)))


def header(window: MainWindow, column: int) -> str:
    model = window.dataset_panel.table.model()
    return str(model.headerData(column, Qt.Orientation.Horizontal))


def test_clicking_a_dataset_row_shows_that_sample_on_the_canvas(qtbot: QtBot, xor_window: MainWindow) -> None:
    window = xor_window
    doc = window.document
    canvas = window.canvas
    output = canvas.neuron_item(2, 0)
    assert doc.stepper.training.batch_size == 4 and doc.dataset.size == 4

    press(qtbot, window)  # feedforward
    trace = doc.trace
    assert trace is not None and trace.layers[2].a is not None
    a = trace.layers[2].a
    assert fmt(a[0, 0]) != fmt(a[2, 0])  # the test tells the samples apart
    assert output.value_text() == fmt(a[0, 0])  # sample 1 by default
    assert canvas.layer_band(0).subtitle == "2 neurons · sample 1"

    click_row(window, 2)
    assert doc.shown_sample == 2
    assert output.value_text() == fmt(a[2, 0])
    assert canvas.neuron_item(0, 0).value_text() == fmt(doc.dataset.inputs[2, 0])
    assert canvas.neuron_item(0, 1).value_text() == fmt(doc.dataset.inputs[2, 1])
    z = trace.layers[1].z
    assert z is not None
    assert z_text(canvas.neuron_item(1, 0)) == f"z = {fmt(z[2, 0])}"
    assert canvas.layer_band(0).subtitle == "2 neurons · sample 3"  # said on the canvas too
    tooltip = canvas.neuron_tooltip(2, 0)
    assert "sample 3 of the 4" in tooltip
    assert f"{float(a[2, 0]):.6f}" in tooltip
    assert "sample 3 (3 of 4 in the batch)" in window.dataset_panel.info.text()
    vertical = window.dataset_panel.table.model().headerData(2, Qt.Orientation.Vertical)
    assert "▸" in str(vertical)

    # δ of the chosen sample after the error-terms phase
    press(qtbot, window)
    delta = doc.trace.layers[2].delta if doc.trace is not None else None
    assert delta is not None
    assert delta_text(output) == f"δ = {fmt(delta[2, 0])}"

    # the choice is view state: no undo entry, and the file does not change
    assert doc.history.count() == 2


def test_a_chosen_sample_outside_the_batch_says_so(qtbot: QtBot, xor_window: MainWindow) -> None:
    window = xor_window
    doc = window.document
    assert window.controller.set_training_option(batch_size=2)
    click_row(window, 3)
    assert doc.shown_sample == 3
    press(qtbot, window)  # feedforward of the first batch: samples 1 and 2
    trace = doc.trace
    assert trace is not None and list(trace.batch) == [0, 1]
    a = trace.layers[2].a
    assert a is not None
    assert window.canvas.neuron_item(2, 0).value_text() == fmt(a[0, 0])
    info = window.dataset_panel.info.text()
    assert "sample 1 (1 of 2 in the batch)" in info and "Sample 4 is not in this batch" in info
    # the next batch holds sample 4: it shows again
    press(qtbot, window)
    press(qtbot, window)  # update: the step is done
    press(qtbot, window)  # feedforward of samples 3 and 4
    trace = doc.trace
    assert trace is not None and list(trace.batch) == [2, 3]
    a = trace.layers[2].a
    assert a is not None
    assert window.canvas.neuron_item(2, 0).value_text() == fmt(a[1, 0])


def test_dataset_table_shows_y_hat_and_loss_after_feedforward(qtbot: QtBot, xor_window: MainWindow) -> None:
    window = xor_window
    doc = window.document
    assert [header(window, c) for c in range(5)] == ["x₁", "x₂", "y (x1 XOR x2)", "ŷ", "L"]
    assert [cell(window, r, 3) for r in range(4)] == ["—"] * 4
    assert [cell(window, r, 4) for r in range(4)] == ["—"] * 4

    press(qtbot, window)  # feedforward
    trace = doc.trace
    assert trace is not None and trace.losses is not None and trace.layers[2].a is not None
    expected_y = [number(float(trace.layers[2].a[k, 0]), TABLE) for k in range(4)]
    expected_loss = [number(float(trace.losses[k]), TABLE) for k in range(4)]
    assert [cell(window, r, 3) for r in range(4)] == expected_y
    assert [cell(window, r, 4) for r in range(4)] == expected_loss
    model = window.dataset_panel.table.model()
    tip = str(model.data(model.index(2, 3), Qt.ItemDataRole.ToolTipRole))
    assert repr(float(trace.layers[2].a[2, 0])) in tip and "feedforward of step 1" in tip
    assert not model.flags(model.index(0, 3)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable

    # back one phase: not computed any more
    window.actions_by_key["step_back"].trigger()
    assert [cell(window, r, 3) for r in range(4)] == ["—"] * 4
    window.actions_by_key["redo"].trigger()
    assert [cell(window, r, 4) for r in range(4)] == expected_loss


def test_only_the_samples_of_the_batch_get_y_hat(qtbot: QtBot, xor_window: MainWindow) -> None:
    window = xor_window
    assert window.controller.set_training_option(batch_size=2)
    press(qtbot, window)
    trace = window.document.trace
    assert trace is not None and trace.losses is not None
    assert [cell(window, r, 4) for r in range(4)] == [
        number(float(trace.losses[0]), TABLE),
        number(float(trace.losses[1]), TABLE),
        "—",
        "—",
    ]
