"""ELU and the Huber loss chosen in the window as a learner would: the canvas's activation menu and
the Options combo; the layer title, the tooltips and the Explanation dock then show them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from bpstudio.assets import resource
from bpstudio.controller import Controller
from bpstudio.notation.numbers import TABLE, number
from bpstudio.ui.canvas import NetworkCanvas
from bpstudio.ui.main_window import MainWindow
from tests.support.documents import make_document


def test_elu_and_huber_can_be_chosen_and_the_window_shows_them(qtbot: QtBot, window: MainWindow) -> None:
    menu = window.canvas.context_menu(1)
    elu = menu.findChild(QAction, "activation_elu")
    assert elu is not None and elu.text() == "ELU"
    elu.trigger()
    assert window.document.network.specs[1].activation == "elu"
    assert window.canvas.layer_band(1).subtitle.startswith("ELU")

    combo = window.options_panel.loss
    index = combo.findData("huber")
    assert combo.itemText(index) == "Huber loss"
    combo.setCurrentIndex(index)
    assert window.document.stepper.loss == "huber"
    assert window.document.history.undo_text() == "Loss ½ sum of squares → Huber loss"

    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Space)  # feedforward
    text = window.explanation.text()
    assert "Layer 1 (hidden, 2 neurons, ELU)" in text
    assert "ELU(z) = z if z > 0" in text
    assert "The Huber loss is half the squared error" in text
    assert "a¹₁ = ELU(z) = " in window.canvas.neuron_tooltip(1, 0)

    qtbot.keyClick(window, Qt.Key.Key_Space)  # backward
    text = window.explanation.text()
    assert "clip(ŷ − y, −1, 1)" in text
    assert "g′(z) = 1 if z > 0" in text
    output = window.canvas.neuron_tooltip(2, 0)
    # ŷ = 0.546610 is within 1 of y = 1, so the slope is ŷ − y itself; σ′ = 0.546610 · 0.453390
    assert "δ²₁ = clip(ŷ − y, −1, 1)·σ′(z) = clip(0.546610 − 1.000000, −1, 1)·0.247827 = −0.112362" in output
    assert "·ELU′(z)" in window.canvas.neuron_tooltip(1, 0)


def test_tooltips_write_batch_norm_and_the_chain_rule_from_the_notation(qtbot: QtBot) -> None:
    document = make_document(resource("examples", "circles.json"))
    controller = Controller(document)
    view = NetworkCanvas(document, controller)
    qtbot.addWidget(view)
    controller.next_phase()
    controller.next_phase()
    trace = document.stepper.trace
    slope = 1 - trace.layers[1].a[0, 0] ** 2
    # the chain rule, symbols then numbers: (Σ w·δ)·tanh′(z) = (…)·slope
    tip = view.neuron_tooltip(1, 0)
    assert "δ¹₁ = (W²₁₁·δ²₁)·tanh′(z)\n    = (" in tip
    assert f")·{number(slope, TABLE)} = {number(trace.layers[1].delta[0, 0], TABLE)}" in tip
    assert controller.set_batch_norm(1, True)
    controller.next_phase()
    tip = view.neuron_tooltip(1, 0)
    z_hat = document.stepper.trace.layers[1].z_hat[0, 0]
    assert f"batch norm: ẑ = (z − μ)/√(σ² + ε) = {number(z_hat, TABLE)}; z̃ = γ·ẑ + β = " in tip
    assert "a¹₁ = tanh(z̃) = " in tip
