"""Canvas helpers for window tests: documents of any shape, dragging, the weight labels."""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from bpstudio.controller import Controller
from bpstudio.document.document import NetworkDocument
from bpstudio.engine import (
    Dataset,
    InitConfig,
    LayerSpec,
    Network,
    OptimizerConfig,
    Stepper,
    TrainingConfig,
    initialize,
)
from bpstudio.ui.canvas import NetworkCanvas
from bpstudio.ui.canvas.items import EdgeLabelItem


def network_document(sizes: list[int], batch: int = 2, activation: str = "sigmoid") -> NetworkDocument:
    specs = [LayerSpec(sizes[0])] + [LayerSpec(n, activation) for n in sizes[1:]]
    net = Network(specs)
    initialize(net, InitConfig())
    rng = np.random.default_rng(1)
    data = Dataset(rng.random((4, sizes[0])), rng.random((4, sizes[-1])))
    stepper = Stepper(net, "half_sse", OptimizerConfig(), TrainingConfig(batch_size=batch), data)
    return NetworkDocument(stepper)


def drag(canvas: NetworkCanvas, start: QPoint, end: QPoint) -> None:
    viewport = canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    steps = 5
    for step in range(1, steps + 1):
        point = QPointF(start + (end - start) * step / steps)
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            point,
            QPointF(viewport.mapToGlobal(point.toPoint())),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, move)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def show_canvas(
    qtbot: QtBot, document: NetworkDocument, size: tuple[int, int] = (1000, 650)
) -> NetworkCanvas:
    view = NetworkCanvas(document, Controller(document))
    view.animations_enabled = False
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()  # scroll bars are laid out after the first show
    return view


def labels(view: NetworkCanvas) -> list[EdgeLabelItem]:
    return [item for item in view.scene().items() if isinstance(item, EdgeLabelItem)]


def zoom_note(view: NetworkCanvas) -> QLabel:
    note = view.findChild(QLabel, "canvas_zoom_note")
    assert note is not None
    return note


def assert_labels_readable(view: NetworkCanvas) -> None:
    """One label per weight, each visible, none covering another label or a neuron."""
    edges = [edge for grid in view.edges.values() for row in grid for edge in row]
    shown = labels(view)
    assert len(shown) == len(edges), "a weight has no label"
    assert all(edge.label is not None and edge.label.isVisible() for edge in edges)
    boxes = [label.mapRectToScene(label.box_rect()) for label in shown]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.intersects(b), f"labels overlap: {a} and {b}"
    for column in view.neurons:
        for neuron in column:
            area = neuron.mapRectToScene(neuron.shape().boundingRect())  # circle and text lines
            for box in boxes:
                assert not box.intersects(area), f"a label covers neuron {neuron.name}"
    for band in view.bands:
        for box in boxes:
            assert not box.intersects(band.header_rect()), f"a label covers the title of layer {band.layer}"
    assert not view.text_hidden()
