"""Every text on the canvas fits its box: a number is never cut (second new-user trial, item 1).

With batch normalisation a hidden bias is not trained and stays at a tiny value such as
−4.473e−16; its "b old → new" line was wider than the text block under the neuron, so its
"b " and the last digit of the exponent were cut off and a learner read −0.4473.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bpstudio.assets import resource
from bpstudio.controller import Controller
from bpstudio.ui.canvas.items import NeuronItem
from bpstudio.ui.canvas.items.style import Fonts
from bpstudio.ui.canvas.layout import TEXT_WIDTH
from bpstudio.ui.fields import read_number
from tests.support.canvas import assert_labels_readable, labels, show_canvas
from tests.support.documents import make_document

TINY = -4.473e-16


def neuron_text_box(neuron: NeuronItem) -> QRectF:
    """The block the neuron's b / z / δ lines are drawn in and reserved for (scene coordinates)."""
    k = neuron.geometry.k
    return neuron.mapRectToScene(QRectF(-TEXT_WIDTH / 2 * k, 0, TEXT_WIDTH * k, 1))


def assert_every_text_fits(view: object) -> None:
    Fonts.ensure()
    detail = QFontMetricsF(Fonts.detail)
    label_font = QFontMetricsF(Fonts.label)
    for column in view.neurons:  # type: ignore[attr-defined]
        for neuron in column:
            for text in neuron.detail_texts():
                width = detail.horizontalAdvance(text) * neuron.geometry.k
                assert width <= neuron_text_box(neuron).width() - 4, f"{text!r} is cut under {neuron.name}"
    for label in labels(view):  # type: ignore[arg-type]
        box = label.box_rect()
        for text in label.edge.label_text().split("\n"):
            width = label_font.horizontalAdvance(text) * label.k
            assert width <= box.width(), f"{text!r} is wider than its label box {box.width()}"
    assert_labels_readable(view)  # type: ignore[arg-type]


def test_a_tiny_untrained_bias_is_shown_whole(qtbot: QtBot) -> None:
    document = make_document(resource("examples") / "xor.json")
    controller = Controller(document)
    view = show_canvas(qtbot, document, (1600, 900))
    assert controller.set_batch_norm(1, True)
    for row in range(document.network.sizes[1]):
        assert controller.set_parameter(1, "b", row, None, TINY)
    assert controller.set_parameter(2, "W", 0, 2, -3.3083)
    assert controller.set_parameter(1, "W", 0, 0, -1.234567e-12)
    for _ in range(3):  # feedforward, error terms, update: "b old → new" and "old → new" weights
        controller.next_phase()
    view.viewport().repaint()
    QApplication.processEvents()
    lines = view.neuron_item(1, 0).detail_texts()
    assert lines[0].startswith("b ") and "→" in lines[0]
    # what the learner reads is the value (shortened, never cut): the same order of magnitude
    old, _new = lines[0][2:].split(" → ")
    value = read_number(old)
    assert abs(value - TINY) <= 0.05 * abs(TINY)
    assert_every_text_fits(view)


@pytest.mark.parametrize("value", [-4.473e-16, -1.234567e-120, -99999.9876, 12345.678, -0.00012345])
def test_long_weights_fit_their_labels(qtbot: QtBot, value: float) -> None:
    document = make_document()
    controller = Controller(document)
    view = show_canvas(qtbot, document, (1600, 900))
    for layer, row, col in itertools.product((1, 2), (0,), (0, 1)):
        assert controller.set_parameter(layer, "W", row, col, value)
    for row in range(document.network.sizes[1]):
        assert controller.set_parameter(1, "b", row, None, value)
    assert_every_text_fits(view)
    for _ in range(3):
        controller.next_phase()
        assert_every_text_fits(view)
