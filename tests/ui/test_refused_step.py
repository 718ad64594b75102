"""After a refused step every view shows the document's one state (issue 7, bug 5)."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bpstudio.document.document import Change
from bpstudio.ui.main_window import MainWindow

QUANTITIES = ("W", "b", "grad_w", "grad_b")


def shown(window: MainWindow) -> dict[str, Any]:
    """Every number the window shows: tables of every layer, canvas, explanation, header, plot."""
    doc = window.document
    seen: dict[str, Any] = {}
    panel = window.parameters
    for layer in range(1, doc.network.depth + 1):
        panel.select_layer(layer)
        for quantity in QUANTITIES:
            model = panel.model(quantity)
            seen[f"{quantity}{layer}"] = [
                [model.data(model.index(r, c)) for c in range(model.columnCount())]
                for r in range(model.rowCount())
            ]
    canvas = window.canvas
    seen["neurons"] = [
        [canvas.neuron_item(layer, i).value_text() for i in range(size)]
        for layer, size in enumerate(doc.network.sizes)
    ]
    seen["edges"] = [
        edge.label_text() if edge is not None else None
        for layer in range(1, doc.network.depth + 1)
        for row in range(doc.network.sizes[layer])
        for col in range(doc.network.sizes[layer - 1])
        for edge in [canvas.edge_item(layer, row, col)]
    ]
    window.explanation.refresh()
    seen["explanation"] = window.explanation.text()
    seen["header"] = window.counters.text()
    seen["plot"] = window.loss_plot.step_data()[1].tolist()
    return seen


def redrawn(window: MainWindow) -> dict[str, Any]:
    """What the same window shows once every view has read the document afresh."""
    window.document.notify(Change.EVERYTHING)
    return shown(window)


def test_diverging_run_leaves_no_number_of_the_refused_step(
    qtbot: QtBot, window: MainWindow, dialogs: dict[str, list[Any]]
) -> None:
    c = window.controller
    c.set_activation(1, "linear")
    c.set_activation(2, "linear")  # a linear 2-2-1 network
    assert c.set_optimizer_option(learning_rate=50.0)
    for _ in range(2):
        window.canvas.setFocus()
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Step
    window.actions_by_key["run"].trigger()  # maximum speed: several steps per tick
    qtbot.waitUntil(lambda: not window.running, timeout=5000)
    qtbot.waitUntil(lambda: len(dialogs["critical"]) == 1, timeout=2000)
    message = dialogs["critical"][0]
    assert "step 6" in message and "not a finite number" in message

    doc = window.document
    # training keeps the five steps that worked and stops before the refused one
    assert doc.stepper.steps_done == 5 and len(doc.stepper.cost_history) == 5
    assert "Steps done <b>5</b>" in window.counters.text()
    trace = doc.trace
    assert trace is not None and trace.complete and trace.grad is not None
    assert np.isfinite(trace.grad).all() and np.isfinite(doc.network.theta).all()

    before = shown(window)
    window.parameters.select_layer(1)
    model = window.parameters.model("grad_w")
    grad = doc.network.view(trace.grad, 1, "W")
    assert float(model.data(model.index(0, 0), Qt.ItemDataRole.EditRole)) == grad[0, 0]
    assert before == redrawn(window)
