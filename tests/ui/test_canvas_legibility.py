"""Every number on the canvas can be read: weight labels never cover each other or a neuron,
and at school-laptop window sizes the text is at least 9 px tall on screen (issue 7)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QGraphicsItem
from pytestqt.qtbot import QtBot

from bpstudio.controller import Controller
from bpstudio.ui import i18n
from bpstudio.ui.canvas import NetworkCanvas
from bpstudio.ui.canvas.items import EdgeLabelItem, NeuronItem
from bpstudio.ui.canvas.state import fmt
from bpstudio.ui.main_window import MainWindow
from tests.support.canvas import (
    assert_labels_readable,
    drag,
    labels,
    network_document,
    show_canvas,
    zoom_note,
)
from tests.support.documents import make_document


def on_screen(view: NetworkCanvas, item: QGraphicsItem, rect: QRectF) -> QRectF:
    """An item's rectangle as it appears in the canvas viewport, in pixels."""
    return QRectF(view.mapFromScene(item.mapToScene(rect)).boundingRect())


def text_px(view: NetworkCanvas, item: NeuronItem | EdgeLabelItem) -> float:
    """The on-screen height of an item's smallest text (its font size, mapped through the view)."""
    return view.transform().mapRect(item.mapRectToScene(QRectF(0, 0, 1, item.text_height()))).height()


def ink(image: QImage, rect: QRectF, inset: int = 3, darker_than: int = 140) -> int:
    """Dark pixels (text) inside rect, a few pixels in from its frame."""
    inner = rect.toAlignedRect().adjusted(inset, inset, -inset, -inset)
    count = 0
    for x in range(max(inner.left(), 0), min(inner.right(), image.width() - 1) + 1):
        for y in range(max(inner.top(), 0), min(inner.bottom(), image.height() - 1) + 1):
            if image.pixelColor(x, y).lightness() < darker_than:
                count += 1
    return count


def menu_action(view: NetworkCanvas, layer: int, name: str) -> None:
    """Trigger an entry of a layer's context menu, as the learner would."""
    next(a for a in view.context_menu(layer).actions() if a.objectName() == name).trigger()


def test_the_articles_network_with_another_hidden_layer_shows_every_weight(qtbot: QtBot) -> None:
    """Issue 7, bug 2: between two hidden layers only 3 of 4 labels, then 4 of 6, were shown."""
    document = make_document()
    view = show_canvas(qtbot, document)
    menu_action(view, 1, "add_layer_after")
    assert document.network.sizes == [2, 2, 2, 1]
    assert len([label for label in labels(view) if label.edge.layer == 2]) == 4
    assert_labels_readable(view)
    menu_action(view, 2, "add_neuron")
    assert document.network.sizes == [2, 2, 3, 1]
    assert len([label for label in labels(view) if label.edge.layer == 2]) == 6
    assert_labels_readable(view)
    # what every label says is the weight it stands on (crossing edges do not share a spot)
    for label in labels(view):
        edge = label.edge
        assert label.scenePos() == edge.line.pointAt(label.t)
        assert edge.label_text().split("\n")[0] == fmt(document.network.W(edge.layer)[edge.row, edge.col])


@pytest.mark.parametrize("k", range(1, 9))
def test_every_weight_label_is_readable_up_to_8_neurons_per_layer(qtbot: QtBot, k: int) -> None:
    document = network_document([2, k, k, 1])
    controller = Controller(document)
    view = show_canvas(qtbot, document)
    assert_labels_readable(view)
    for _ in range(3):  # two-line labels: w and ∂J/∂w, then old → new
        controller.next_phase()
    view.viewport().repaint()
    assert_labels_readable(view)
    assert all("→" in label.edge.label_text() for label in labels(view))


@pytest.mark.parametrize("sizes", [[8, 8, 8, 8], [3, 8, 2], [8, 1, 8], [5, 7, 6, 4]])
def test_labels_fit_other_shapes_of_up_to_8_neurons(qtbot: QtBot, sizes: list[int]) -> None:
    assert_labels_readable(show_canvas(qtbot, network_document(sizes)))


def test_a_long_number_stays_inside_its_label(qtbot: QtBot) -> None:
    document = network_document([2, 2, 1])
    controller = Controller(document)
    view = show_canvas(qtbot, document)
    assert controller.set_parameter(1, "W", 0, 0, -1.234567e-12)
    edge = view.edge_item(1, 0, 0)
    label = edge.label if edge is not None else None
    assert label is not None and label.box_rect().width() <= label.text_rect().width()
    assert_labels_readable(view)


def test_neurons_dragged_close_together_keep_every_label(qtbot: QtBot) -> None:
    """No room left on an edge: its label is set beside it, joined by a leader line, not hidden."""
    document = network_document([2, 3, 3, 1])
    view = show_canvas(qtbot, document)
    item = view.neuron_item(2, 1)
    start = view.mapFromScene(item.scenePos())
    drag(view, start, start - QPoint(60, 0))
    assert document.history.undo_text() == "Move a neuron"
    assert document.positions is not None and document.positions[2][1] == (item.x(), item.y())
    assert_labels_readable(view)
    aside = [label for label in labels(view) if not label.offset.isNull()]
    assert aside, "this drag leaves no room on some edges"
    for label in aside:
        assert label.anchor() == label.edge.line.pointAt(label.t)
        assert label.scenePos() == label.anchor() + label.offset


# -- legible at school-laptop size ----------------------------------------------------------------


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768)])
def test_the_articles_numbers_are_legible_at_school_laptop_sizes(
    make_window: Callable[..., MainWindow], size: tuple[int, int]
) -> None:
    window = make_window(*size)
    for _ in range(3):  # feedforward, error terms, update: every kind of number is on the canvas
        window.controller.next_phase()
    view = window.canvas
    view.viewport().repaint()
    QApplication.processEvents()
    items: list[NeuronItem | EdgeLabelItem] = [n for column in view.neurons for n in column]
    items += labels(view)
    assert len(labels(view)) == 6
    for item in items:
        assert text_px(view, item) >= 9.0, f"text {text_px(view, item):.1f} px tall at {size}"
    # the labels on screen draw their numbers (nothing is left out because the canvas is small)
    image = view.viewport().grab().toImage()
    visible = [
        label
        for label in labels(view)
        if image.rect().contains(on_screen(view, label, label.box_rect()).toAlignedRect())
    ]
    assert visible, "no weight label is in view"
    for label in visible:
        assert ink(image, on_screen(view, label, label.box_rect())) > 20
    assert not zoom_note(view).isVisible()


def test_a_small_network_never_drops_its_numbers(qtbot: QtBot) -> None:
    view = show_canvas(qtbot, make_document(), (320, 200))
    assert text_px(view, view.neuron_item(1, 0)) >= 9.0  # fitted: it scrolls rather than shrink
    assert view.horizontalScrollBar().isVisible() or view.verticalScrollBar().isVisible()
    view.zoom_by(0.3)  # the learner zooms far out: the numbers are small, but still drawn
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    edge = view.edge_item(1, 0, 0)
    label = edge.label if edge is not None else None
    assert label is not None
    assert ink(image, on_screen(view, label, label.box_rect()), inset=2, darker_than=225) > 0
    assert not zoom_note(view).isVisible()


def test_a_large_network_drawn_small_says_to_zoom_in(qtbot: QtBot) -> None:
    view = show_canvas(qtbot, network_document([64] * 6), (700, 450))
    note = zoom_note(view)
    assert view.text_hidden() and note.isVisible() and note.text() == "Zoom in to see the values"
    for _ in range(12):
        view.zoom_in()
    assert not view.text_hidden() and not note.isVisible()


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("size", [(1024, 700), (1366, 768)])
def test_the_articles_network_fits_the_canvas_without_scrolling(
    qtbot: QtBot, make_window: Callable[..., MainWindow], size: tuple[int, int], lang: str
) -> None:
    """At 1024×700 the output layer was cut off by a few pixels and the canvas scrolled."""
    i18n.install(lang)
    window = make_window(*size)
    for _ in range(3):
        window.controller.next_phase()
    QApplication.processEvents()
    view = window.canvas
    for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
        assert bar.maximum() == bar.minimum(), "the canvas scrolls"
        qtbot.waitUntil(lambda bar=bar: not bar.isVisible(), timeout=1000)  # shown while the docks settle
    network = QRectF()
    for band in view.bands:
        network = network.united(band.mapRectToScene(band.boundingRect()))
    for item in view.scene().items():
        if item.isVisible():
            network = network.united(item.mapRectToScene(item.boundingRect()))
    shown = view.mapFromScene(network).boundingRect()
    assert view.viewport().rect().contains(shown), (shown, view.viewport().rect())
    for item in [n for column in view.neurons for n in column] + labels(view):
        assert text_px(view, item) >= 9.0, f"text {text_px(view, item):.1f} px tall at {size}"
