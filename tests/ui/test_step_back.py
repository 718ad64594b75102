"""Step back always goes back exactly one phase, also after Step, Epoch and Run (issue 7, bug 8).

Undo still takes back a whole Run session as one entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from bpstudio.controller import Controller
from bpstudio.document import fileformat as fmt
from bpstudio.engine import Phase
from bpstudio.ui.main_window import MainWindow
from tests.support.documents import make_document
from tests.support.ui_state import full_state
from tests.support.windows import close_window, show_window


def example(name: str) -> Path:
    return next(path for _title, path in fmt.example_files() if path.name == name)


def open_window(qtbot: QtBot, tmp_path: Path, path: Path | None) -> MainWindow:
    win = show_window(qtbot, tmp_path, path)
    win.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(win.isActiveWindow)
    return win


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, tmp_path, None)
    yield win
    close_window(win)


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    window.canvas.setFocus()
    qtbot.keyClick(window, key, modifier)


def press_step_back(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ShiftModifier)


def phase_states(path: Path | None, first_steps: int, phases: int) -> list[Any]:
    """Reference: a fresh document trained `first_steps` steps, then one phase at a time."""
    doc = make_document(path)
    c = Controller(doc)
    if first_steps:
        assert c.run_steps(first_steps)
    states = [full_state(doc)]
    for _ in range(phases):
        assert c.next_phase()
        states.append(full_state(doc))
    return states


@pytest.mark.parametrize("name", ["article.json", "xor.json", "circles.json"])
def test_step_back_after_run_goes_back_one_phase_bit_for_bit(qtbot: QtBot, tmp_path: Path, name: str) -> None:
    path = example(name)
    window = open_window(qtbot, tmp_path, path)
    try:
        doc = window.document
        initial = full_state(doc)
        window.actions_by_key["run"].trigger()  # Run at maximum speed: many ticks, one entry
        qtbot.waitUntil(lambda: doc.stepper.steps_done >= 600, timeout=20_000)
        window.actions_by_key["run"].trigger()
        n = doc.stepper.steps_done
        assert doc.history.count() == 1
        # N-2 steps, then the six phases of steps N-1 and N
        expected = phase_states(path, n - 2, 6)
        assert full_state(doc) == expected[-1]
        for back in range(1, 7):
            assert window.actions_by_key["step_back"].isEnabled()
            press_step_back(qtbot, window)
            assert full_state(doc) == expected[-1 - back], back
        assert doc.stepper.steps_done == n - 2
        assert len(window.loss_plot.step_data()[1]) == n - 2
        assert f"Steps done <b>{n - 2:,}</b>" in window.counters.text()  # 1,327: thousands grouped
        # Undo takes back the whole run; Redo brings back the run and every phase stepped back
        window.actions_by_key["undo"].trigger()
        assert full_state(doc) == initial
        for state in expected:
            window.actions_by_key["redo"].trigger()
            assert full_state(doc) == state
    finally:
        close_window(window)


def test_first_step_back_after_run_matches_n_minus_1_steps_and_two_phases(
    qtbot: QtBot, window: MainWindow
) -> None:
    doc = window.document
    window.actions_by_key["run"].trigger()
    qtbot.waitUntil(lambda: doc.stepper.steps_done >= 300, timeout=20_000)
    window.actions_by_key["run"].trigger()
    n = doc.stepper.steps_done
    press_step_back(qtbot, window)
    assert doc.stepper.steps_done == n - 1 and doc.phase is Phase.UPDATE
    assert full_state(doc) == phase_states(None, n - 1, 2)[-1]
    # the tables show the gradients of step N, the step the learner is now inside
    trace = doc.trace
    assert trace is not None and trace.grad is not None and trace.step == n - 1
    window.parameters.select_layer(2)
    model = window.parameters.model("grad_w")
    assert float(model.data(model.index(0, 0), Qt.ItemDataRole.EditRole)) == trace.layers[2].grad_w[0, 0]


def test_step_back_after_step_and_epoch_goes_back_one_phase(qtbot: QtBot, tmp_path: Path) -> None:
    path = example("sine_regression.json")  # 40 samples in batches of 10: 4 steps an epoch
    window = open_window(qtbot, tmp_path, path)
    try:
        doc = window.document
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Step
        press_step_back(qtbot, window)
        assert full_state(doc) == phase_states(path, 0, 2)[-1]
        window.actions_by_key["redo"].trigger()
        window.actions_by_key["epoch"].trigger()  # the rest of epoch 1: three more steps
        assert doc.stepper.steps_done == 4
        expected = phase_states(path, 3, 3)
        press_step_back(qtbot, window)
        assert full_state(doc) == expected[2]
        press_step_back(qtbot, window)
        assert full_state(doc) == expected[1]
        window.actions_by_key["undo"].trigger()  # Undo: the whole Epoch entry
        assert doc.stepper.steps_done == 1 and doc.phase is Phase.FEEDFORWARD
    finally:
        close_window(window)


def test_long_replay_shows_progress_and_cancel_keeps_everything(qtbot: QtBot, window: MainWindow) -> None:
    doc = window.document
    assert window.controller.run_steps(25_000)  # one entry without intermediate states
    n = doc.stepper.steps_done
    before = full_state(doc)
    count, index = doc.history.count(), doc.history.index()
    seen: list[str] = []

    def cancel() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        dialogs += window.findChildren(QProgressDialog)
        shown = [d for d in dialogs if d.isVisible()]
        if not shown:
            QTimer.singleShot(50, cancel)
            return
        seen.append(shown[0].labelText())
        qtbot.mouseClick(
            shown[0].findChildren(type(window.loss_plot.auto_button))[0], Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(50, cancel)
    press_step_back(qtbot, window)
    assert seen, "no progress dialog during a long replay"
    assert full_state(doc) == before
    assert (doc.history.count(), doc.history.index()) == (count, index)
    assert len(window.loss_plot.step_data()[1]) == n
    window.actions_by_key["step_back"].trigger()  # the toolbar button; not cancelled this time
    assert doc.stepper.steps_done == n - 1 and doc.phase is Phase.UPDATE
    assert np.isfinite(doc.network.theta).all()
