"""A network opens with all of it on screen (second new-user trial, items 2 and 3).

The rule: a network that fits the canvas at the legible scale (text at least 9 px) opens at that
scale; one whose layers do not all fit across at that scale opens fitted whole, and the note
"Zoom in to see the values" says how to read its numbers; one only too tall keeps the legible
scale (a small network never shows unreadable numbers) and scrolls along its columns. A canvas too
small to show a network usefully (under WHOLE_FIT_MIN_VIEWPORT) scrolls at the legible scale. A change of structure refits by
the same rule. The deep sigmoid example's output layer, where its gradients vanish, was
off-screen at open, as were h₁ and h₄ of XOR at 1024×700.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from bpstudio.assets import resource
from bpstudio.ui.canvas import NetworkCanvas
from bpstudio.ui.main_window import MainWindow
from tests.support.canvas import zoom_note
from tests.support.documents import make_document


def on_screen(view: NetworkCanvas, scene_rect: QRectF) -> bool:
    shown = view.mapFromScene(scene_rect).boundingRect()
    return view.viewport().rect().contains(shown)


def assert_whole_network_on_screen(view: NetworkCanvas) -> None:
    for column in view.neurons:
        for neuron in column:
            circle = neuron.mapRectToScene(neuron.shape().boundingRect())
            assert on_screen(view, circle), f"{neuron.name} of layer {neuron.layer} is off-screen"
    output = view.bands[-1]
    assert on_screen(view, output.mapRectToScene(output.boundingRect())), "the output layer is off-screen"


@pytest.mark.parametrize(
    ("example", "size"),
    [
        ("deep_sigmoid_vanishing", (1024, 700)),
        ("deep_sigmoid_vanishing", (1920, 1080)),
    ],
)
def test_an_example_opens_with_the_whole_network_on_screen(
    make_window: Callable[..., MainWindow],
    example: str,
    size: tuple[int, int],
) -> None:
    window = make_window(*size, make_document(resource("examples") / f"{example}.json"))
    QApplication.processEvents()
    view = window.canvas
    assert_whole_network_on_screen(view)
    # drawn smaller than legible: the canvas says how to read the numbers
    assert zoom_note(view).isVisible() and zoom_note(view).text() == "Zoom in to see the values"


@pytest.mark.parametrize(
    ("example", "size"), [("circles", (1920, 1080)), ("xor", (1024, 700)), ("xor", (1366, 768))]
)
def test_a_network_only_too_tall_scrolls_along_its_columns_with_every_layer_in_view(
    make_window: Callable[..., MainWindow],
    example: str,
    size: tuple[int, int],
) -> None:
    """Circles (2-8-1) at 1920×1080 and XOR (2-4-1) at laptop sizes are too tall for the legible
    scale: they keep it, every layer is in view across, and the vertical scroll bar says the
    columns go on."""
    window = make_window(*size, make_document(resource("examples") / f"{example}.json"))
    QApplication.processEvents()
    view = window.canvas
    assert view.transform().m11() * 11 >= 9.0
    bar = view.verticalScrollBar()
    assert bar.isVisible() and bar.maximum() > bar.minimum()
    viewport = view.viewport().rect()
    for column in view.neurons:
        for neuron in column:
            shown = view.mapFromScene(neuron.mapRectToScene(neuron.shape().boundingRect())).boundingRect()
            assert viewport.left() <= shown.left() and shown.right() <= viewport.right(), neuron.name
    assert not zoom_note(view).isVisible()


def test_adding_a_hidden_layer_refits_the_network(make_window: Callable[..., MainWindow]) -> None:
    window = make_window(1024, 700)
    QApplication.processEvents()
    view = window.canvas
    assert not zoom_note(view).isVisible()  # the article fits at the legible scale
    action = window.findChild(QAction, "action_add_layer")
    assert action is not None and action.text() == "Add a hidden layer"
    action.trigger()  # Edit › Add a hidden layer
    QApplication.processEvents()
    assert window.document.network.sizes == [2, 2, 2, 1]
    assert_whole_network_on_screen(view)
