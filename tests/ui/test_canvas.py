"""The network canvas: the article's figures after each phase, editing through the controller
(and undo), the context menu, dragging, export, and large networks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QImage, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from bpstudio.assets import resource
from bpstudio.controller import Controller
from bpstudio.document.document import NetworkDocument
from bpstudio.engine import (
    Phase,
)
from bpstudio.notation.names import neuron_name
from bpstudio.notation.numbers import TABLE, derivation, number
from bpstudio.ui.canvas import NetworkCanvas
from bpstudio.ui.canvas.items import PHASE_COLOURS, BatchedEdgesItem, EdgeLabelItem
from bpstudio.ui.canvas.layout import neuron_box
from bpstudio.ui.canvas.state import fmt
from bpstudio.ui.explanation_panel import ExplanationPanel
from bpstudio.ui.fields import RefusedError, read_number
from tests.support.canvas import drag, network_document
from tests.support.canvas_texts import bias_text, delta_text, z_text
from tests.support.documents import make_document


@pytest.fixture
def canvas(qtbot, document: NetworkDocument, controller: Controller) -> NetworkCanvas:
    view = NetworkCanvas(document, controller)
    view.animations_enabled = False
    qtbot.addWidget(view)
    view.resize(1000, 650)
    view.show()
    qtbot.waitExposed(view)
    return view


def action(menu: QMenu, name: str) -> QAction:
    found = menu.findChild(QAction, name)
    assert found is not None, f"no action {name!r} in the menu"
    return found


# -- the article, phase by phase ----------------------------------------------------------------


def test_article_network_before_any_phase(canvas: NetworkCanvas) -> None:
    assert [item.name for item in canvas.neurons[0]] == ["x₁", "x₂"]
    assert [item.name for item in canvas.neurons[1]] == ["h₁", "h₂"]
    assert canvas.neuron_item(2, 0).name == "ŷ"
    assert canvas.neuron_item(0, 0).value_text() == "0.2000"
    assert canvas.neuron_item(0, 1).value_text() == "0.4000"
    assert canvas.neuron_item(1, 0).value_text() == ""  # not computed yet
    assert bias_text(canvas.neuron_item(1, 1)) == "b = −0.0200"
    assert canvas.edge_item(1, 0, 1).label_text() == "−0.2000"
    assert canvas.edge_item(2, 0, 1).label_text() == "0.9000"
    # every weight of the article's network has a visible label
    assert all(
        canvas.edge_item(layer, j, i).label is not None
        for layer, j, i in [(1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1), (2, 0, 0), (2, 0, 1)]
    )
    assert canvas.layer_band(1).is_next and not canvas.layer_band(2).is_next


def test_article_figures_after_each_phase(canvas: NetworkCanvas, controller: Controller) -> None:
    assert controller.next_phase()  # feedforward
    assert canvas.neuron_item(1, 0).value_text() == "0.4875"
    assert canvas.neuron_item(1, 1).value_text() == "0.5349"
    assert canvas.neuron_item(2, 0).value_text() == "0.7254"
    assert z_text(canvas.neuron_item(1, 0)) == "z = −0.0500"
    assert z_text(canvas.neuron_item(1, 1)) == "z = 0.1400"
    assert z_text(canvas.neuron_item(2, 0)) == "z = 0.9715"
    assert canvas.layer_band(1).colour == PHASE_COLOURS[Phase.FEEDFORWARD]
    assert canvas.layer_band(2).colour == PHASE_COLOURS[Phase.FEEDFORWARD]
    assert canvas.layer_band(2).is_next and not canvas.layer_band(1).is_next  # δ starts at the output
    tip = canvas.neuron_tooltip(1, 0)
    assert "0.100000·0.200000 + (−0.200000)·0.400000 + 0.010000 = −0.050000" in tip
    assert "σ(z) = 0.487503" in tip
    assert "0.4875026035" in tip  # full precision
    assert "L = 0.037700" in canvas.neuron_tooltip(2, 0)

    assert controller.next_phase()  # error terms and gradients
    assert delta_text(canvas.neuron_item(2, 0)) == "δ = −0.0547"
    assert delta_text(canvas.neuron_item(1, 0)) == "δ = −0.0109"
    assert delta_text(canvas.neuron_item(1, 1)) == "δ = −0.0122"
    assert canvas.edge_item(2, 0, 0).label_text() == "0.8000\n∂ −0.0267"
    assert canvas.edge_item(2, 0, 1).label_text() == "0.9000\n∂ −0.0293"
    assert canvas.edge_item(1, 0, 0).label_text() == "0.1000\n∂ −0.0022"
    assert canvas.edge_item(1, 1, 1).label_text() == "0.2500\n∂ −0.0049"
    assert canvas.layer_band(1).colour == PHASE_COLOURS[Phase.BACKWARD]
    assert "(0.725409 − 1.000000)·0.199191 = −0.054696" in canvas.neuron_tooltip(2, 0)
    assert "(0.800000·(−0.054696))·0.249844 = −0.010932" in canvas.neuron_tooltip(1, 0)
    assert "= (−0.054696)·0.487503 = −0.026665" in canvas.edge_tooltip(2, 0, 0)
    assert "= (−0.012247)·0.400000 = −0.004899" in canvas.edge_tooltip(1, 1, 1)

    assert controller.next_phase()  # update
    assert canvas.edge_item(2, 0, 0).label_text() == "0.8000\n→ 0.8027"
    assert canvas.edge_item(2, 0, 1).label_text() == "0.9000\n→ 0.9029"
    assert canvas.edge_item(1, 0, 0).label_text() == "0.1000\n→ 0.1002"
    assert canvas.edge_item(1, 0, 1).label_text() == "−0.2000\n→ −0.1996"
    assert canvas.edge_item(1, 1, 1).label_text() == "0.2500\n→ 0.2505"
    assert bias_text(canvas.neuron_item(2, 0)) == "b 0.1000 → 0.1055"
    assert bias_text(canvas.neuron_item(1, 1)) == "b −0.0200 → −0.0188"
    assert "0.800000 − 0.1·(−0.026665) = 0.802666" in canvas.edge_tooltip(2, 0, 0)
    assert "−0.200000 − 0.1·(−0.004373) = −0.199563" in canvas.edge_tooltip(1, 0, 1)
    assert "0.011093" in canvas.neuron_tooltip(1, 0)
    assert all(canvas.layer_band(layer).is_next for layer in (1,)) and not canvas.layer_band(2).is_next


def test_step_back_clears_what_the_phase_showed(canvas: NetworkCanvas, controller: Controller) -> None:
    controller.next_phase()
    assert canvas.neuron_item(1, 0).value_text() == "0.4875"
    assert controller.step_back()
    assert canvas.neuron_item(1, 0).value_text() == ""
    assert canvas.layer_band(1).colour is None
    assert canvas.layer_band(1).is_next


def test_next_layer_lights_one_layer_at_a_time(canvas: NetworkCanvas, controller: Controller) -> None:
    controller.next_layer()
    assert canvas.layer_band(1).colour == PHASE_COLOURS[Phase.FEEDFORWARD]
    assert canvas.layer_band(2).colour is None and canvas.layer_band(2).is_next
    assert canvas.neuron_item(1, 0).value_text() == "0.4875"
    assert canvas.neuron_item(2, 0).value_text() == ""


def test_animation_runs_without_blocking(qtbot, document: NetworkDocument, controller: Controller) -> None:
    view = NetworkCanvas(document, controller)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    controller.next_phase()
    # the numbers are there at once; the light arrives within the animation
    assert view.neuron_item(2, 0).value_text() == "0.7254"
    qtbot.waitUntil(lambda: view.layer_band(2).progress == 1.0, timeout=2000)
    assert view.lit_colour(2) == PHASE_COLOURS[Phase.FEEDFORWARD]
    # phases in quick succession (Run mode) are shown at once, without animating each one
    view.rapid_events_s = 60.0  # whatever the speed of this machine, the next phase counts as quick
    controller.next_phase()
    assert view.layer_band(1).progress == 1.0
    assert view.lit_colour(1) == PHASE_COLOURS[Phase.BACKWARD]


# -- editing -------------------------------------------------------------------------------------


def test_edit_weight_on_the_canvas_then_undo_and_redo(
    canvas: NetworkCanvas, document: NetworkDocument
) -> None:
    editor = canvas.edit_weight(2, 0, 1)
    assert canvas.editor is editor and editor.isVisible()
    assert read_number(editor.text()) == 0.9
    editor.setText("0,5")  # a decimal comma is accepted
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert canvas.editor is None
    assert document.network.W(2)[0, 1] == 0.5
    assert canvas.edge_item(2, 0, 1).label_text() == "0.5000"
    assert document.modified
    document.history.undo()
    assert document.network.W(2)[0, 1] == 0.9
    assert canvas.edge_item(2, 0, 1).label_text() == "0.9000"
    document.history.redo()
    assert canvas.edge_item(2, 0, 1).label_text() == "0.5000"


def test_a_value_that_is_not_a_number_keeps_the_editor_open(
    canvas: NetworkCanvas, document: NetworkDocument
) -> None:
    editor = canvas.edit_bias(1, 0)
    editor.setText("abc")
    assert not canvas.commit_editor()
    assert canvas.editor is editor
    assert "not a number" in editor.toolTip()
    assert not document.history.can_undo()
    editor.setText("−0.25")
    assert canvas.commit_editor()
    assert document.network.b(1)[0] == -0.25
    assert bias_text(canvas.neuron_item(1, 0)) == "b = −0.2500"


def test_escape_cancels_the_edit(canvas: NetworkCanvas, document: NetworkDocument) -> None:
    editor = canvas.edit_weight(1, 0, 0)
    editor.setText("3")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert not canvas.commit_editor()
    assert document.network.W(1)[0, 0] == 0.1
    assert not document.history.can_undo()


def test_double_click_on_a_weight_label_opens_its_editor(canvas: NetworkCanvas) -> None:
    label = canvas.edge_item(2, 0, 0).label
    assert label is not None
    where = canvas.mapFromScene(label.scenePos())
    QTest.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    editor = canvas.editor
    assert editor is not None and (editor.kind, editor.layer, editor.row, editor.col) == ("W", 2, 0, 0)


def test_double_click_on_a_neuron_opens_its_bias_editor(canvas: NetworkCanvas) -> None:
    where = canvas.mapFromScene(canvas.neuron_item(1, 1).scenePos())
    QTest.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    editor = canvas.editor
    assert editor is not None and (editor.kind, editor.layer, editor.row, editor.col) == ("b", 1, 1, None)


def test_context_menu_neuron_and_layer_edits_are_undoable(
    canvas: NetworkCanvas, document: NetworkDocument
) -> None:
    theta = document.network.theta.copy()
    action(canvas.context_menu(1, 0), "add_neuron").trigger()
    assert document.network.sizes == [2, 3, 1]
    assert [len(column) for column in canvas.neurons] == [2, 3, 1]
    assert canvas.neuron_item(1, 2).name == "h₃"

    action(canvas.context_menu(1, 2), "remove_neuron").trigger()
    assert document.network.sizes == [2, 2, 1]

    action(canvas.context_menu(1), "add_layer_after").trigger()
    assert document.network.sizes == [2, 2, 2, 1]
    assert canvas.neuron_item(2, 0).name == "h²₁"
    assert canvas.layer_band(2).title == "Hidden layer 2"

    action(canvas.context_menu(2), "remove_layer").trigger()
    assert document.network.sizes == [2, 2, 1]

    hidden = canvas.context_menu(1, 0)
    assert hidden.findChild(QAction, "activation_softmax") is None  # softmax only on the output layer
    assert action(hidden, "activation_sigmoid").isChecked()
    action(hidden, "activation_tanh").trigger()
    assert document.network.specs[1].activation == "tanh"
    assert "tanh" in canvas.layer_band(1).subtitle
    assert canvas.context_menu(2).findChild(QAction, "activation_softmax") is not None

    while document.history.can_undo():
        document.history.undo()
    assert document.network.sizes == [2, 2, 1]
    assert document.network.specs[1].activation == "sigmoid"
    np.testing.assert_array_equal(document.network.theta, theta)
    assert [len(column) for column in canvas.neurons] == [2, 2, 1]


def test_context_menu_offers_only_what_applies(canvas: NetworkCanvas) -> None:
    inputs = canvas.context_menu(0, 0)
    assert inputs.findChild(QAction, "add_layer_before") is None
    assert inputs.findChild(QAction, "remove_layer") is None
    assert inputs.findChild(QAction, "add_layer_after") is not None
    output = canvas.context_menu(2, 0)
    assert output.findChild(QAction, "remove_layer") is None  # the output layer stays
    assert output.findChild(QAction, "add_layer_after") is None
    assert not action(output, "remove_neuron").isEnabled()  # its only neuron
    background = canvas.context_menu(None)
    assert background.findChild(QAction, "add_hidden_layer") is not None
    assert background.findChild(QAction, "fit_to_view") is not None
    weight = canvas.context_menu(2, None, (0, 1))
    action(weight, "edit_weight").trigger()
    assert canvas.editor is not None and canvas.editor.kind == "W"


def test_background_add_hidden_layer(canvas: NetworkCanvas, document: NetworkDocument) -> None:
    action(canvas.context_menu(None), "add_hidden_layer").trigger()
    assert document.network.sizes == [2, 2, 2, 1]
    assert document.network.specs[2].activation == "sigmoid"


def test_dragging_a_neuron_is_one_undo_entry(canvas: NetworkCanvas, document: NetworkDocument) -> None:
    item = canvas.neuron_item(1, 0)
    before = QPointF(item.pos())
    start = canvas.mapFromScene(item.scenePos())
    drag(canvas, start, start + QPoint(60, 25))
    assert document.history.count() == 1
    assert document.positions is not None
    x, y = document.positions[1][0]
    assert x > before.x() + 10 and y > before.y() + 5
    assert item.pos() == QPointF(x, y)
    # the edges follow the neuron
    line = canvas.edge_item(1, 0, 0).line
    assert abs(line.p2().x() - (x - item.geometry.radius * (line.dx() / line.length()))) < 1e-6
    document.history.undo()
    assert document.positions is None
    assert item.pos() == before


def test_dragging_the_background_pans_and_changes_nothing(
    canvas: NetworkCanvas, document: NetworkDocument
) -> None:
    canvas.zoom_by(3.0)
    centre = canvas.mapToScene(canvas.viewport().rect().center())
    drag(canvas, QPoint(5, 5), QPoint(105, 65))
    assert canvas.mapToScene(canvas.viewport().rect().center()) != centre
    assert not document.history.can_undo()


def test_hover_shows_the_formula_of_what_is_under_the_mouse(
    canvas: NetworkCanvas, controller: Controller
) -> None:
    controller.next_phase()
    on_neuron = canvas.mapFromScene(canvas.neuron_item(2, 0).scenePos())
    assert "= 0.971451" in canvas.tooltip_at(on_neuron)
    label = canvas.edge_item(1, 1, 0).label
    assert label is not None
    assert "weight from x₁ to h₂" in canvas.tooltip_at(canvas.mapFromScene(label.scenePos()))
    assert canvas.tooltip_at(QPoint(2, 2)) == ""
    QTest.mouseMove(canvas.viewport(), on_neuron)
    assert canvas.hovered is canvas.neuron_item(2, 0)
    assert canvas.edge_item(2, 0, 1) in canvas.hovered.edges
    QTest.mouseMove(canvas.viewport(), QPoint(2, 2))
    assert canvas.hovered is None


def test_wheel_zooms_and_fit_restores(canvas: NetworkCanvas) -> None:
    fitted = canvas.transform().m11()
    centre = QPointF(canvas.viewport().rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(canvas.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas.viewport(), wheel)
    assert canvas.transform().m11() > fitted * 1.3
    canvas.fit_to_view()
    canvas.zoom_in()
    assert canvas.transform().m11() == pytest.approx(fitted * 1.25)
    for _ in range(60):
        canvas.zoom_in()
    assert canvas.transform().m11() <= 12.0
    canvas.fit_to_view()
    assert canvas.transform().m11() == pytest.approx(fitted)


# -- export ------------------------------------------------------------------------------------------


def test_export_png_and_svg(canvas: NetworkCanvas, controller: Controller, tmp_path: Path) -> None:
    controller.next_phase()
    png = tmp_path / "network.png"
    canvas.export_png(png)
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 400 and image.height() > 200
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 10  # not blank

    svg = tmp_path / "network.svg"
    canvas.export_svg(svg)
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = svg.read_text(encoding="utf-8")
    assert "0.4875" in text and "0.7254" in text


def test_export_to_a_missing_folder_names_the_file(canvas: NetworkCanvas, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "network.png"
    with pytest.raises(OSError, match=r"network\.png"):
        canvas.export_png(target)
    with pytest.raises(OSError, match=r"network\.svg"):
        canvas.export_svg(tmp_path / "missing" / "network.svg")


# -- other networks ---------------------------------------------------------------------------------


def test_batch_of_several_samples_says_which_sample_is_shown(qtbot) -> None:
    document = make_document(resource("examples", "xor.json"))
    view = NetworkCanvas(document, Controller(document))
    qtbot.addWidget(view)
    assert document.stepper.training.batch_size == 4
    Controller(document).next_phase()
    assert "sample 1 of the 4" in view.neuron_tooltip(1, 0)
    assert "means over the 4 samples" in view.edge_tooltip(1, 0, 0)
    x = document.dataset.inputs[0]
    assert view.neuron_item(0, 1).value_text() == fmt(x[1])


def test_names_with_several_hidden_layers_and_outputs() -> None:
    sizes = [3, 4, 4, 2]
    assert neuron_name(sizes, 0, 2) == "x₃"
    assert neuron_name(sizes, 1, 0) == "h¹₁"
    assert neuron_name(sizes, 2, 3) == "h²₄"
    assert neuron_name(sizes, 3, 1) == "ŷ₂"
    assert fmt(-0.0546961) == "−0.0547"
    assert fmt(-1e-7) == "−1.000e−7"
    assert number(-0.00001, TABLE) == "−0.000010"
    assert read_number("−1,5") == -1.5
    for refused in ("nan", "x"):
        with pytest.raises(RefusedError):
            read_number(refused)


def test_weight_labels_never_overlap(qtbot) -> None:
    document = network_document([4, 5, 3, 2])
    view = NetworkCanvas(document, Controller(document))
    qtbot.addWidget(view)
    labels = [item for item in view.scene().items() if isinstance(item, EdgeLabelItem)]
    assert len(labels) > 20
    rects = [label.mapRectToScene(label.text_rect()) for label in labels]
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b)
    for layer, column in enumerate(view.neurons):
        for item in column:
            x0, y0, x1, y1 = neuron_box(item.x(), item.y(), item.geometry, 3 if layer else 0)
            for rect in rects:
                assert not (rect.left() < x1 and x0 < rect.right() and rect.top() < y1 and y0 < rect.bottom())


def test_six_layers_of_64_build_and_step(qtbot, tmp_path: Path) -> None:
    document = network_document([64] * 6)
    controller = Controller(document)
    view = NetworkCanvas(document, controller)
    view.animations_enabled = False
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    assert sum(len(column) for column in view.neurons) == 384
    assert view.edge_item(1, 0, 0) is None  # 4096 weights: drawn as one batched item
    batched = [item for item in view.scene().items() if isinstance(item, BatchedEdgesItem)]
    assert len(batched) == 5 and all(0 < item.drawn <= 300 for item in batched)
    for _ in range(3):
        controller.next_phase()
        view.viewport().repaint()
    assert view.neuron_item(5, 0).value_text() != ""
    between = (view.neuron_item(0, 0).x() + view.neuron_item(1, 0).x()) / 2  # edges only, no neuron
    assert "4096 weights from layer 0 to layer 1" in view.tooltip_at(view.mapFromScene(QPointF(between, 0)))
    view.export_png(tmp_path / "big.png", scale=1.0)
    assert QImage(str(tmp_path / "big.png")).width() > 100


def test_a_mnist_sized_network_builds(qtbot) -> None:
    document = network_document([784, 128, 64, 10], activation="relu")
    view = NetworkCanvas(document, Controller(document))
    qtbot.addWidget(view)
    assert len(view.neurons[0]) == 784
    assert view.edge_item(3, 0, 0) is not None  # 640 weights still have their own items
    assert view.edge_item(3, 0, 0).label is None  # ...but too many for readable labels
    assert view.edge_item(1, 0, 0) is None
    assert view.neuron_item(3, 9).name == "ŷ₁₀"


PHASE_TITLES = (
    "Phase 1: feedforward",
    "Phase 2: error terms δ and gradients (backward pass)",
    "Phase 3: parameter update",
)


@pytest.mark.parametrize("example", sorted(p.name for p in resource("examples").glob("*.json")))
def test_every_example_draws_and_explains_each_phase(qtbot, example: str) -> None:
    document = make_document(resource("examples", example))
    controller = Controller(document)
    view = NetworkCanvas(document, controller)
    view.animations_enabled = False
    qtbot.addWidget(view)
    panel = ExplanationPanel(document, controller)  # the Explanation dock, as the window has it
    qtbot.addWidget(panel)
    panel.show()
    sizes = document.network.sizes
    for phase in range(4):
        for layer, size in enumerate(sizes):
            for j in range(size):
                assert view.neuron_tooltip(layer, j).startswith(view.neuron_item(layer, j).name)
        for layer in view.edges:
            assert view.edge_tooltip(layer, 0, 0)
        if phase >= 1:  # feedforward has run: every layer shows its value for sample 1
            a = document.stepper.trace.layers[-1].a
            assert view.neuron_item(len(sizes) - 1, 0).value_text() == fmt(a[0, 0])
        controller.next_phase()
        # the dock explains the phase just done (it shows an error instead if writing fails)
        text = panel.text()
        assert PHASE_TITLES[phase % 3] in text
        assert "could not be written" not in text
        if phase % 3 == 0:  # feedforward: the cost of the batch, as the dock writes it
            cost = document.stepper.trace.cost
            assert re.sub(r"</?sup>", "", derivation(cost, "html")).replace("\u00a0", " ") in text
    assert not view.batched  # every example is small enough for one item per weight


def test_network_without_hidden_layer(
    canvas: NetworkCanvas, document: NetworkDocument, controller: Controller
) -> None:
    action(canvas.context_menu(1), "remove_layer").trigger()
    assert document.network.sizes == [2, 1]
    for _ in range(3):
        controller.next_phase()
        assert canvas.neuron_tooltip(1, 0).startswith("ŷ")
        assert canvas.edge_tooltip(1, 0, 1).startswith("W¹₁₂ — weight from x₂ to ŷ")
    assert canvas.edge_item(1, 0, 0).label_text().count("\n") == 1  # old → new
    action(canvas.context_menu(0), "add_layer_after").trigger()
    assert document.network.sizes == [2, 2, 1]


def test_layer_titles_show_mean_delta_so_vanishing_gradients_are_visible(qtbot) -> None:
    document = make_document(resource("examples", "deep_sigmoid_vanishing.json"))
    controller = Controller(document)
    view = NetworkCanvas(document, controller)
    qtbot.addWidget(view)
    assert view.state.layer_summary(1) is None
    controller.next_phase()
    controller.next_phase()
    deltas = [abs(document.stepper.trace.layers[layer].delta).mean() for layer in range(1, 10)]
    summaries = [view.state.layer_summary(layer) for layer in range(1, 10)]
    assert [s.text for s in summaries] == [f"mean |δ| = {fmt(d)}" for d in deltas]
    assert deltas[0] < deltas[-2] / 100  # the example's point: δ shrinks towards the input
    bands = [view.layer_band(layer).boundingRect() for layer in range(10)]
    for left, right in itertools.pairwise(bands):
        assert left.right() <= right.left() + 4  # neighbouring bands do not overlap (beyond their pens)


def test_dataset_edit_shows_the_new_input(canvas: NetworkCanvas, controller: Controller) -> None:
    controller.next_phase()
    assert controller.set_sample_value(0, 1, 0.5)
    assert canvas.neuron_item(0, 1).value_text() == "0.5000"
    assert canvas.neuron_item(1, 0).value_text() == ""  # the step restarted: z and a are stale
    controller.next_phase()
    assert "0.100000·0.200000 + (−0.200000)·0.500000" in canvas.neuron_tooltip(1, 0)


def test_dragging_one_neuron_says_one_neuron_in_the_history(qtbot) -> None:
    """Issue 7, bug 9: one neuron dragged with the mouse was recorded as "Move 7 neurons"."""
    document = network_document([2, 2, 2, 1], batch=1)
    controller = Controller(document)
    view = NetworkCanvas(document, controller)
    view.animations_enabled = False
    qtbot.addWidget(view)
    view.resize(1000, 650)
    view.show()
    qtbot.waitExposed(view)
    for layer, neuron in ((2, 1), (1, 0)):
        item = view.neuron_item(layer, neuron)
        start = view.mapFromScene(item.scenePos())
        drag(view, start, start + QPoint(40, 30))
        assert document.history.undo_text() == "Move a neuron"
    assert document.history.count() == 2  # one drag, one undo entry
    document.history.undo()
    assert document.positions is not None and document.history.undo_text() == "Move a neuron"
    document.history.undo()
    assert document.positions is None
