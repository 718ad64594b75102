"""The view of the network canvas: zoom, fit, export and what the mouse points at.

The scene (scene.py) holds the items and the display state; this QGraphicsView only decides
how much of it is on screen, writes it to PNG or SVG, and answers tooltips. It says
`about_to_move` before the picture moves under an open in-place editor (editing.py closes it).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QWheelEvent
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QLabel, QToolTip, QWidget

from bpstudio.ui.canvas import tooltips
from bpstudio.ui.canvas.items import (
    BACKGROUND,
    MIN_LEGIBLE_PX,
    BatchedEdgesItem,
    EdgeItem,
    EdgeLabelItem,
    LayerBandItem,
    NeuronItem,
)
from bpstudio.ui.canvas.layout import MIN_TEXT_PX, SMALLEST_FONT_PX
from bpstudio.ui.canvas.scene import NetworkScene

MAX_EXPORT_PIXELS = 8000  # longest side of an exported PNG
MIN_SCALE, MAX_SCALE, MAX_FIT_SCALE = 0.02, 12.0, 1.6
# Fit to view never makes a small network's text smaller than MIN_TEXT_PX: the view scrolls instead.
# (rounded up to a hundredth, so the smallest text is 9 px whatever the floating-point rounding)
LEGIBLE_SCALE = math.ceil(MIN_TEXT_PX / SMALLEST_FONT_PX * 100) / 100
# A network that does not fit at LEGIBLE_SCALE opens fitted whole (its layers, output included,
# on screen, and the zoom note says how to read the numbers), unless the canvas is smaller than
# this: a thumbnail of the network there shows nothing, so it scrolls at the legible scale.
WHOLE_FIT_MIN_VIEWPORT = (480, 320)


class CanvasView(QGraphicsView):
    """Shows a NetworkScene: fit (legible by default, whole on request), zoom, export, tooltips."""

    about_to_move = Signal()  # the zoom or the scroll position is about to change

    def __init__(self, scene: NetworkScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network_scene = scene
        self.setScene(scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setBackgroundBrush(BACKGROUND)
        self.setMinimumSize(240, 180)
        # Panning is by dragging the background; scroll bars appear only when the network does
        # not fit (a small canvas keeps the text legible and scrolls), to say there is more.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._zoom_note = QLabel(self.viewport())
        self._zoom_note.setObjectName("canvas_zoom_note")
        self._zoom_note.setStyleSheet(
            "QLabel { background: rgba(255, 255, 255, 225); color: #333; border: 1px solid #bbb;"
            " border-radius: 3px; padding: 2px 6px; }"
        )
        self._zoom_note.hide()
        self._auto_fit = True  # the view follows the canvas size (until the learner zooms)
        self._fit_whole = False  # ... showing the whole network (Fit to view), not the legible default
        scene.rebuilt.connect(self._on_rebuilt)
        self._on_rebuilt()

    def _on_rebuilt(self) -> None:
        self._auto_fit = True
        self._fit(whole=self._fit_whole)

    # ------------------------------------------------------------------ fit and zoom
    def fit_to_view(self) -> None:
        """The whole network in view (Ctrl+0, View › Fit): its text may then be small, and a
        large network whose text is left out says "Zoom in to see the values". Resizing the
        canvas keeps this fit until the learner zooms."""
        self._fit(whole=True)

    def fit_default(self) -> None:
        """The view at open, after a change of structure and on resize: a network that fits at
        the legible scale (text at least MIN_TEXT_PX) is shown at that scale or larger; one that
        does not is mostly fitted whole (see _opens_whole), so every layer is on screen, and the
        zoom note says "Zoom in to see the values". Otherwise the view keeps the legible scale
        and scrolls (the scroll bars say there is more), starting from the input layer on the
        left and the middle of the columns."""
        self._fit(whole=False)

    def _fit(self, whole: bool) -> None:
        self.about_to_move.emit()
        rect = self.network_scene.content_rect()
        if rect.isEmpty():
            return
        room = self.maximumViewportSize()  # without scroll bars, so showing them changes nothing here
        width, height = room.width() - 2, room.height() - 2  # (rounding must not call for scroll bars)
        scale = fit = min(width / rect.width(), height / rect.height(), MAX_FIT_SCALE)
        if not self.network_scene.simplified and not whole and not self._opens_whole(fit, rect, width):
            scale = max(scale, LEGIBLE_SCALE)
        # Fitted, the network is all in view: scroll bars left over from a smaller canvas would
        # take room from it and stay (it no longer fits beside them). They come back on zoom.
        self._set_scroll_bars(scale == fit)
        self.resetTransform()
        self.scale(scale, scale)
        half_w = room.width() / scale / 2
        x = rect.center().x() if rect.width() <= 2 * half_w else rect.left() + half_w
        y = rect.center().y()
        self.centerOn(QPointF(x, y))
        self._auto_fit = True
        self._fit_whole = whole
        self._update_zoom_note()

    def _opens_whole(self, fit: float, rect: QRectF, width: float) -> bool:
        """The default fit's rule for a network that does not fit at LEGIBLE_SCALE: fitted whole
        when some layers would be out of view (the output layer, where gradients vanish, must
        be on screen); a network that is only too tall keeps its numbers legible and scrolls
        along its columns instead (XOR at 1024×700). A canvas smaller than
        WHOLE_FIT_MIN_VIEWPORT always scrolls."""
        if fit >= LEGIBLE_SCALE:
            return True
        room = self.maximumViewportSize()
        if room.width() < WHOLE_FIT_MIN_VIEWPORT[0] or room.height() < WHOLE_FIT_MIN_VIEWPORT[1]:
            return False
        return rect.width() * LEGIBLE_SCALE > width  # some layers would be out of view

    def _set_scroll_bars(self, fitted: bool) -> None:
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fitted else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def _smallest_text_px(self) -> float:
        """The pixel size on screen of the smallest text of the network."""
        smallest = min(geometry.k for geometry in self.network_scene.geometries)
        return self.transform().m11() * smallest * SMALLEST_FONT_PX

    def text_hidden(self) -> bool:
        """True when the zoom is too small for some of a large network's text, which is then left out."""
        if not self.network_scene.simplified or not self.network_scene.geometries:
            return False
        return self._smallest_text_px() < MIN_LEGIBLE_PX

    def _text_small(self) -> bool:
        """True when the smallest text is under MIN_TEXT_PX on screen."""
        return bool(self.network_scene.geometries) and self._smallest_text_px() < MIN_TEXT_PX

    def _update_zoom_note(self) -> None:
        """A large network drawn too small for its numbers says so, in the corner of the canvas;
        so does any network that a fit (at open or Fit to view) made smaller than legible (the
        learner did not choose that size, and may not know that zooming in brings the numbers back)."""
        note = self._zoom_note
        if not self.text_hidden() and not (self._auto_fit and self._text_small()):
            note.hide()
            return
        note.setText(self.tr("Zoom in to see the values"))
        note.adjustSize()
        note.move(8, self.viewport().height() - note.height() - 8)
        note.show()

    def zoom_by(self, factor: float) -> None:
        self.about_to_move.emit()
        current = self.transform().m11()
        target = min(max(current * factor, MIN_SCALE), MAX_SCALE)
        self._set_scroll_bars(False)
        if current > 0 and target != current:
            self.scale(target / current, target / current)
        self._auto_fit = False
        self._update_zoom_note()

    def zoom_in(self) -> None:
        self._zoom_about_centre(1.25)

    def zoom_out(self) -> None:
        self._zoom_about_centre(0.8)

    def _zoom_about_centre(self, factor: float) -> None:
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom_by(factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    # ------------------------------------------------------------------ export
    def export_png(self, path: str | Path, scale: float = 2.0) -> None:
        """The whole network as a PNG at `scale` × screen size; raises OSError naming the file."""
        source = self.network_scene.content_rect()
        scale = min(scale, MAX_EXPORT_PIXELS / max(source.width(), source.height(), 1.0))
        size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self._render(painter, QRectF(0, 0, size.width(), size.height()), source)
        painter.end()
        if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
            raise OSError(self.tr("Could not write the PNG file {path}.").format(path=path))

    def export_svg(self, path: str | Path) -> None:
        """The whole network as an SVG drawing; raises OSError naming the file."""
        source = self.network_scene.content_rect()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        size = QSize(max(1, round(source.width())), max(1, round(source.height())))
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(self.tr("BP Studio network"))
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(self.tr("Could not write the SVG file {path}.").format(path=path))
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("white"))
        self._render(painter, QRectF(0, 0, size.width(), size.height()), source)
        painter.end()
        written = Path(path)
        if not written.exists() or written.stat().st_size == 0:
            raise OSError(self.tr("Could not write the SVG file {path}.").format(path=path))

    def _render(self, painter: QPainter, target: QRectF, source: QRectF) -> None:
        scene = self.network_scene
        selected = scene.selectedItems()
        for item in selected:
            item.setSelected(False)
        scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        for item in selected:
            item.setSelected(True)

    # ------------------------------------------------------------------ what is under the mouse
    def target_at(self, pos: QPoint) -> QGraphicsItem | None:
        """The item a click or tooltip at `pos` is about: a neuron or weight, else a batch, else a band."""
        band = None
        for item in self.items(pos):
            if isinstance(item, NeuronItem | EdgeLabelItem | EdgeItem):
                return item
            if isinstance(item, LayerBandItem) and band is None:
                band = item
        for item in self.items(pos):
            if isinstance(item, BatchedEdgesItem):
                return item
        return band

    def neuron_tooltip(self, layer: int, neuron: int) -> str:
        return tooltips.neuron_tooltip(self.network_scene.state, layer, neuron)

    def edge_tooltip(self, layer: int, row: int, col: int) -> str:
        return tooltips.edge_tooltip(self.network_scene.state, layer, row, col)

    def tooltip_at(self, pos: QPoint) -> str:
        target = self.target_at(pos)
        if isinstance(target, NeuronItem):
            return self.neuron_tooltip(target.layer, target.neuron)
        if isinstance(target, EdgeLabelItem | EdgeItem):
            edge = target.edge if isinstance(target, EdgeLabelItem) else target
            return self.edge_tooltip(edge.layer, edge.row, edge.col)
        if isinstance(target, BatchedEdgesItem):
            return tooltips.batched_tooltip(self.network_scene.state, target.layer, target.drawn)
        return ""

    # ------------------------------------------------------------------ events
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            text = self.tooltip_at(pos)
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta == 0:
            super().wheelEvent(event)
            return
        self.zoom_by(1.0015**delta)
        event.accept()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self._fit(whole=self._fit_whole)
        else:
            self._update_zoom_note()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._auto_fit:
            self._fit(whole=self._fit_whole)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.about_to_move.emit()
