"""A new learner's trial of the canvas (issue 7 follow-up): what goes into the activation under
batch normalisation, Fit to view on a deep network, and legible layer captions."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QAction, QFontMetricsF
from PySide6.QtWidgets import QApplication, QGraphicsItem, QLabel
from pytestqt.qtbot import QtBot

from bpstudio.assets import resource
from bpstudio.ui import i18n
from bpstudio.ui.canvas import NetworkCanvas
from bpstudio.ui.canvas.items import Fonts, LayerTitleItem
from bpstudio.ui.canvas.layout import TEXT_WIDTH
from bpstudio.ui.canvas.state import fmt
from tests.support.canvas_texts import z_text
from tests.support.windows import close_window, show_window


def test_a_batch_norm_neuron_shows_what_goes_into_its_activation(qtbot: QtBot, tmp_path: Path) -> None:
    """XOR with batch normalisation on the hidden layer: h₁ showed z = 0.0000 beside a = 0.8810
    in a tanh layer; the activation's argument is z̃ = γ·ẑ + β."""
    window = show_window(qtbot, tmp_path, resource("examples", "xor.json"))
    try:
        assert window.controller.set_batch_norm(1, True)
        next_phase = window.findChild(QAction, "action_next_phase")
        assert next_phase is not None and next_phase.shortcut().toString() == "Space"
        next_phase.trigger()  # Space
        QApplication.processEvents()
        trace = window.document.stepper.trace
        assert trace is not None and trace.layers[1].a is not None
        layer = trace.layers[1]
        assert layer.u is not None and layer.z is not None and layer.a is not None
        p = window.canvas.state.position
        activation = window.document.network.specs[1].activation
        for j in range(window.document.network.sizes[1]):
            item = window.canvas.neuron_item(1, j)
            u, z, a = float(layer.u[p, j]), float(layer.z[p, j]), float(layer.a[p, j])
            assert activation == "tanh" and math.isclose(math.tanh(u), a, rel_tol=1e-9, abs_tol=1e-12)
            assert item.value_text() == fmt(a)
            assert z_text(item) == f"z̃ = {fmt(u)} · z {fmt(z)}"  # XOR's numbers fit both on the line
            Fonts.ensure()  # ... inside the text block under the neuron
            assert QFontMetricsF(Fonts.detail).horizontalAdvance(z_text(item)) <= TEXT_WIDTH
            tip = window.canvas.neuron_tooltip(1, j)
            assert "tanh(z̃) = " in tip, tip
            assert "(u)" not in tip and "u =" not in tip
            assert "z̃ = γ·ẑ + β" in tip
        # a layer without batch normalisation keeps its plain z
        out = trace.layers[2]
        assert out.z is not None
        assert z_text(window.canvas.neuron_item(2, 0)) == f"z = {fmt(out.z[p, 0])}"
    finally:
        close_window(window)


def shown_rect(view: NetworkCanvas, item: QGraphicsItem) -> QRectF:
    return QRectF(view.mapFromScene(item.mapRectToScene(item.boundingRect())).boundingRect())


@pytest.mark.parametrize("size", [(1024, 700), (1920, 1080)])
def test_fit_to_view_shows_the_whole_deep_network(
    qtbot: QtBot, tmp_path: Path, size: tuple[int, int]
) -> None:
    """Ctrl+0 on the 10-layer sigmoid example changed nothing: a minimum scale kept the text
    legible and the output end, where the gradients vanish, stayed out of view."""
    window = show_window(qtbot, tmp_path, resource("examples", "deep_sigmoid_vanishing.json"), size)
    try:
        for _ in range(2):
            window.controller.next_phase()
        QApplication.processEvents()
        view = window.canvas
        # at open its layers do not fit across at the legible scale: it opens fitted whole (the
        # output layer on screen) and the note says how to read the numbers (second trial)
        assert view.transform().m11() * 11 < 9.0
        note = view.findChild(QLabel, "canvas_zoom_note")
        assert note is not None and note.isVisible()
        view.zoom_in()  # the learner zooms in: the text is legible and the scroll bar says the network goes on
        assert view.horizontalScrollBar().maximum() > view.horizontalScrollBar().minimum()
        fit = window.actions_by_key["fit"]
        assert fit.shortcut().toString() == "Ctrl+0"
        fit.trigger()
        QApplication.processEvents()
        viewport = QRectF(view.viewport().rect())
        for band in view.bands:
            assert viewport.contains(shown_rect(view, band)), (band.layer, shown_rect(view, band), viewport)
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            assert bar.maximum() == bar.minimum(), "the fitted canvas still scrolls"
        # the text is now smaller than legible: the canvas says how to read it again
        assert view.transform().m11() * 11 < 9.0
        assert note.isVisible() and note.text() == "Zoom in to see the values"
        # the fit stays while the learner steps on (no relayout per phase) and after a resize
        scale = view.transform().m11()
        window.controller.next_phase()
        assert view.transform().m11() == scale
        window.resize(size[0] - 40, size[1] - 30)
        QApplication.processEvents()
        for band in view.bands:
            assert QRectF(view.viewport().rect()).contains(shown_rect(view, band))
        assert note.isVisible()
        view.zoom_in()  # the learner zooms: the note has done its work (this network's text is always drawn)
        assert not note.isVisible()
    finally:
        close_window(window)


def test_the_article_fits_without_scroll_bars_after_ctrl_0(qtbot: QtBot, tmp_path: Path) -> None:
    window = show_window(qtbot, tmp_path, None, (1024, 700))
    try:
        for _ in range(3):
            window.controller.next_phase()
        window.actions_by_key["fit"].trigger()
        QApplication.processEvents()
        view = window.canvas
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            assert bar.maximum() == bar.minimum()
        for band in view.bands:
            assert QRectF(view.viewport().rect()).contains(shown_rect(view, band))
    finally:
        close_window(window)


def caption_px(view: NetworkCanvas, title: LayerTitleItem) -> float:
    """The on-screen height of a layer caption's smallest text (subtitle, mean |δ|)."""
    Fonts.ensure()
    height = min(Fonts.header_small.pixelSize(), Fonts.detail.pixelSize()) * title.band.title_scale
    return view.transform().mapRect(title.mapRectToScene(QRectF(0, 0, 1, height))).height()


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("example", ["spirals.json", "circles.json"])
def test_layer_captions_are_legible_at_the_default_view(
    qtbot: QtBot, tmp_path: Path, example: str, lang: str
) -> None:
    """Two spirals (2-16-16-1) at 1920×1080: "tanh · 16 neurons" and "mean |δ|" were 6–7 px tall
    (and in Vietnamese "trung bình |δ| = …" was cut at both ends)."""
    i18n.install(lang)
    window = show_window(qtbot, tmp_path, resource("examples", example), (1920, 1080))
    try:
        for _ in range(2):
            window.controller.next_phase()
        QApplication.processEvents()
        view = window.canvas
        titles = [item for item in view.scene().items() if isinstance(item, LayerTitleItem)]
        assert len(titles) == len(view.bands)
        viewport = QRectF(view.viewport().rect())
        for title in titles:
            assert caption_px(view, title) >= 9.0, f"{title.band.subtitle}: {caption_px(view, title):.1f} px"
            if view.verticalScrollBar().maximum() == view.verticalScrollBar().minimum():
                assert viewport.contains(shown_rect(view, title))
            # the caption is as wide as its text: nothing is cut off
            Fonts.ensure()
            width = title.band.header_rect().width() / title.band.title_scale
            lines = [(title.band.title, Fonts.header), (title.band.subtitle, Fonts.header_small)]
            summary = view.state.layer_summary(title.band.layer)
            if summary is not None:
                lines.append((summary.text, Fonts.detail))
            assert summary is not None or title.band.layer == 0
            for text, font in lines:
                assert QFontMetricsF(font).horizontalAdvance(text) + 8 <= width - 4, text
        # the captions' boxes never overlap a neighbouring layer's
        boxes = [title.band.header_rect() for title in titles]
        for a, b in itertools.combinations(boxes, 2):
            assert not a.intersects(b)
    finally:
        close_window(window)
