"""The Parameters dock: it follows the layer being computed, and switches batch normalisation.

Batch normalisation is switched per hidden layer from the window (a checkbox next to the layer
combo, a checkable entry in the canvas's context menu): one undoable change that keeps every
weight and bias, refused with a reason where it cannot apply.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from bpstudio.assets import resource
from bpstudio.controller import Controller
from bpstudio.ui.labels import layer_title
from bpstudio.ui.main_window import MainWindow
from tests.support.documents import make_document
from tests.support.ui_state import file_text, full_state


def open_window(qtbot: QtBot, tmp_path: Path, example: str | None) -> MainWindow:
    document = make_document(resource("examples", example) if example else None)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(document, Controller(document), settings=settings)
    win.show()
    qtbot.waitExposed(win)
    return win


def close_window(win: MainWindow) -> None:
    win.document.history.set_clean()
    win.close()
    win.deleteLater()


@pytest.fixture
def article(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, tmp_path, None)
    yield win
    close_window(win)


@pytest.fixture
def xor(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, tmp_path, "xor.json")
    yield win
    close_window(win)


def press(qtbot: QtBot, window: MainWindow, shift: bool = False) -> None:
    window.canvas.setFocus()
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(window, Qt.Key.Key_Space, modifier)


def shown_layer(window: MainWindow) -> str:
    return window.parameters.layer_combo.currentText()


def title(window: MainWindow, layer: int) -> str:
    return layer_title(window.document.network, layer)


def action(menu: QMenu, name: str) -> QAction:
    found = menu.findChild(QAction, name)
    assert found is not None, f"no action {name!r} in the menu"
    return found


def history_texts(window: MainWindow) -> list[str]:
    model = window.history_panel.model
    return [str(model.data(model.index(row, 0))) for row in range(model.rowCount())]


def click(widget: Any) -> None:
    QTest.mouseClick(
        widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, widget.rect().center()
    )


# -- following the computation --------------------------------------------------------------------
def test_parameters_dock_follows_the_layer_being_computed(qtbot: QtBot, article: MainWindow) -> None:
    window = article
    combo = window.parameters.layer_combo
    assert shown_layer(window) == title(window, 1)
    press(qtbot, window)  # feedforward ends at the output layer
    assert shown_layer(window) == title(window, 2)
    press(qtbot, window)  # the error terms end at layer 1
    assert shown_layer(window) == title(window, 1)
    press(qtbot, window)  # update: every layer; the one on screen stays
    assert shown_layer(window) == title(window, 1)

    press(qtbot, window, shift=True)  # next layer: feedforward, layer 1
    assert shown_layer(window) == title(window, 1)
    press(qtbot, window, shift=True)  # feedforward, layer 2
    assert shown_layer(window) == title(window, 2)
    assert "∂J/∂W" in window.parameters.model("grad_w").cell_name(0, 0)

    # the learner picks layer 1 with the keyboard: it stays while the step goes on
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert shown_layer(window) == title(window, 1)
    press(qtbot, window, shift=True)  # δ of layer 2
    assert shown_layer(window) == title(window, 1)
    press(qtbot, window, shift=True)  # δ of layer 1
    press(qtbot, window)  # update: the step is done, following again
    assert window.document.stepper.steps_done == 2
    press(qtbot, window, shift=True)
    press(qtbot, window, shift=True)  # feedforward, layer 2 of the new step
    assert shown_layer(window) == title(window, 2)


# -- switching batch normalisation ----------------------------------------------------------------
def test_batch_norm_checkbox_adds_gamma_and_beta_and_undo_removes_them(qtbot: QtBot, xor: MainWindow) -> None:
    window = xor
    panel = window.parameters
    doc = window.document
    box = panel.batch_norm_box
    panel.select_layer(1)
    w_before = doc.network.W(1).copy()
    b_before = doc.network.b(1).copy()
    w2_before = doc.network.W(2).copy()
    assert box.isEnabled() and not box.isChecked()
    assert "gamma" not in panel.models

    click(box)
    assert doc.network.specs[1].batch_norm
    assert box.isChecked()
    assert {"gamma", "beta", "grad_gamma", "grad_beta"} <= set(panel.models)
    gamma, beta = panel.model("gamma"), panel.model("beta")
    assert [gamma.data(gamma.index(r, 0)) for r in range(4)] == ["1.000000"] * 4
    assert [beta.data(beta.index(r, 0)) for r in range(4)] == ["0.000000"] * 4
    np.testing.assert_array_equal(doc.network.W(1), w_before)  # the weights stay
    np.testing.assert_array_equal(doc.network.b(1), b_before)
    np.testing.assert_array_equal(doc.network.W(2), w2_before)
    assert history_texts(window)[-1] == "Switch on batch normalisation in layer 1"
    assert "BN" in window.canvas.layer_band(1).subtitle

    press(qtbot, window)  # feedforward goes through the normalisation
    lt = doc.trace.layers[1] if doc.trace is not None else None
    assert lt is not None and lt.z_hat is not None

    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo feedforward
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the switch
    assert not doc.network.specs[1].batch_norm
    assert not box.isChecked()
    assert "gamma" not in panel.models and "beta" not in panel.models
    np.testing.assert_array_equal(doc.network.W(1), w_before)


def test_batch_norm_from_the_canvas_context_menu(xor: MainWindow) -> None:
    window = xor
    doc = window.document
    canvas = window.canvas
    entry = action(canvas.context_menu(1, 2), "batch_norm")
    assert entry.isCheckable() and not entry.isChecked()
    entry.trigger()
    assert doc.network.specs[1].batch_norm
    assert history_texts(window)[-1] == "Switch on batch normalisation in layer 1"
    entry = action(canvas.context_menu(1), "batch_norm")
    assert entry.isChecked()
    entry.trigger()
    assert not doc.network.specs[1].batch_norm
    assert history_texts(window)[-1] == "Switch off batch normalisation in layer 1"
    # inputs and outputs have no such entry
    assert canvas.context_menu(2, 0).findChild(QAction, "batch_norm") is None
    assert canvas.context_menu(0, 0).findChild(QAction, "batch_norm") is None


def test_batch_norm_is_refused_with_a_reason_for_batch_size_one(
    article: MainWindow, dialogs: dict[str, list[Any]]
) -> None:
    window = article
    doc = window.document
    panel = window.parameters
    panel.select_layer(1)
    assert doc.stepper.training.batch_size == 1
    click(panel.batch_norm_box)
    assert not doc.network.specs[1].batch_norm
    assert not panel.batch_norm_box.isChecked()
    assert doc.history.count() == 0
    assert dialogs["critical"] and "batch size is 1" in dialogs["critical"][-1]
    assert "batch normalisation" in dialogs["critical"][-1]


def test_batch_norm_checkbox_is_off_for_the_output_layer(xor: MainWindow) -> None:
    panel = xor.parameters
    panel.select_layer(2)
    assert not panel.batch_norm_box.isEnabled()
    assert "hidden layers only" in panel.batch_norm_box.toolTip()


def test_set_batch_norm_keeps_every_parameter_and_undoes_bit_for_bit() -> None:
    document = make_document(resource("examples", "xor.json"))
    controller = Controller(document)
    errors: list[str] = []
    document.error_occurred.connect(errors.append)
    assert controller.add_layer(2, 3, "tanh")  # two hidden layers: 1 (4 neurons) and 2 (3 neurons)
    assert controller.set_batch_norm(1, True)
    assert controller.set_parameter(1, "gamma", 2, None, 1.5)
    assert controller.run_steps(3)  # running statistics move away from 0 and 1
    net = document.network
    kept = {
        "theta_w": [net.W(layer).copy() for layer in (1, 2, 3)],
        "b": [net.b(layer).copy() for layer in (1, 2, 3)],
        "gamma1": net.gamma(1).copy(),
        "beta1": net.beta(1).copy(),
        "mean1": np.array(net.running_mean[1]),
    }
    before = full_state(document)
    assert controller.set_batch_norm(2, True)
    net = document.network
    assert net.specs[2].batch_norm and net.specs[1].batch_norm
    for layer, w in zip((1, 2, 3), kept["theta_w"], strict=True):
        np.testing.assert_array_equal(net.W(layer), w)
    for layer, b in zip((1, 2, 3), kept["b"], strict=True):
        np.testing.assert_array_equal(net.b(layer), b)
    np.testing.assert_array_equal(net.gamma(1), kept["gamma1"])
    np.testing.assert_array_equal(net.beta(1), kept["beta1"])
    np.testing.assert_array_equal(net.running_mean[1], kept["mean1"])
    np.testing.assert_array_equal(net.gamma(2), np.ones(3))
    np.testing.assert_array_equal(net.beta(2), np.zeros(3))
    after = full_state(document)
    controller.undo()
    assert full_state(document) == before
    controller.redo()
    assert full_state(document) == after
    # nothing to do, or nowhere to do it
    assert controller.set_batch_norm(2, True)
    assert document.history.index() == document.history.count()
    count = document.history.count()
    assert not controller.set_batch_norm(3, True)
    assert "hidden layers only" in errors[-1]
    assert not controller.set_batch_norm(0, True)
    assert document.history.count() == count


def test_the_shown_sample_is_view_state_only() -> None:
    document = make_document(resource("examples", "xor.json"))
    controller = Controller(document)
    text = file_text(document)
    seen: list[bool] = []
    document.shown_sample_changed.connect(lambda: seen.append(True))
    assert controller.show_sample(3)
    assert document.shown_sample == 3 and document.displayed_sample() == (3, 3)
    assert seen and document.history.count() == 0 and not document.modified
    assert file_text(document) == text
    assert not controller.show_sample(4)  # no such sample
    assert document.shown_sample == 3
    assert controller.set_training_option(batch_size=2)
    assert document.displayed_sample() == (0, 0)  # sample 4 is not in the first batch
    assert document.shown_sample == 3  # ... but stays chosen for when it is
    assert controller.remove_samples([3])  # the chosen sample is gone: back to the first
    assert document.shown_sample is None and document.displayed_sample() == (0, 0)
