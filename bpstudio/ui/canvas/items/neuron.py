"""The neuron item: a circle with its name and value, its b / z / δ lines underneath."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from bpstudio.ui.canvas.items.style import (
    CIRCLE_RECT,
    INK,
    INPUT_BRUSH,
    LINE_HEIGHT,
    MIN_LEGIBLE_PX,
    NAME_RECT,
    NEURON_BRUSH,
    ORIGIN,
    SMALL_NEURON_K,
    TEXT_COLOURS,
    VALUE_RECT,
    Z_NEURON,
    Fonts,
    Look,
    fitted_lines,
    lod_of,
    selected_pen,
)
from bpstudio.ui.canvas.layout import RADIUS, TEXT_WIDTH, LayerGeometry
from bpstudio.ui.canvas.state import DisplayState, TextLine

if TYPE_CHECKING:
    from bpstudio.ui.canvas.items.edges import EdgeItem


class NeuronItem(QGraphicsObject):
    """A neuron: circle with its name and value inside, b / z / δ lines underneath."""

    moved = Signal(object)  # this item, while it is dragged (its weights and band follow)

    def __init__(
        self, state: DisplayState, look: Look, layer: int, neuron: int, geometry: LayerGeometry
    ) -> None:
        super().__init__()
        self.state = state
        self.look = look
        self.layer = layer
        self.neuron = neuron
        self.geometry = geometry
        self.edges: list[EdgeItem] = []
        k = geometry.k
        half = max(RADIUS, TEXT_WIDTH / 2.0) * k
        self._rect = QRectF(-half, -RADIUS * k - 2 * k, 2 * half, (2 * RADIUS + 4 + 3 * LINE_HEIGHT + 6) * k)
        self.setZValue(Z_NEURON)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setAcceptHoverEvents(False)
        if geometry.k < SMALL_NEURON_K:
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    # -- API for views and tests -------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.state.names[self.layer][self.neuron]

    def value_text(self) -> str:
        """The value in the circle: x for inputs, a (after feedforward) otherwise; sample 1."""
        return self.state.value_text(self.layer, self.neuron)

    def detail_texts(self) -> list[str]:
        return [line.text for line in self.detail_lines()]

    def detail_lines(self) -> list[TextLine]:
        """The b / z / δ lines as drawn: numbers shortened until each line fits the text block."""
        if self.layer == 0:
            return []
        Fonts.ensure()
        return fitted_lines(
            lambda level: self.state.detail_lines(self.layer, self.neuron, level),
            Fonts.detail_metrics,
            TEXT_WIDTH - 4,
        )

    def text_height(self) -> float:
        """The height of the neuron's smallest text (its font's pixel size), item coordinates."""
        Fonts.ensure()
        font = Fonts.value if self.layer == 0 else Fonts.detail
        return font.pixelSize() * self.geometry.k

    # -- QGraphicsItem -----------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = self.geometry.radius
        path.addEllipse(QPointF(0, 0), r, r)
        lines = self.detail_lines()
        if lines:
            k = self.geometry.k
            path.addRect(QRectF(-TEXT_WIDTH / 2 * k, r, TEXT_WIDTH * k, (4 + LINE_HEIGHT * len(lines)) * k))
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # Hot path (hundreds of neurons per repaint): cached pens, no painter state saved
        # unless there is text to draw.
        k = self.geometry.k
        r = RADIUS * k
        painter.setPen(selected_pen(k) if self.isSelected() else self.look.ring_pens[self.layer])
        painter.setBrush(INPUT_BRUSH if self.layer == 0 else NEURON_BRUSH)
        painter.drawEllipse(ORIGIN, r, r)
        if self.look.simplified and lod_of(painter) * k * 12 < MIN_LEGIBLE_PX:
            return
        Fonts.ensure()
        painter.save()
        painter.scale(k, k)
        value = self.value_text()
        painter.setPen(INK)
        painter.setFont(Fonts.name)
        if value:
            painter.drawText(
                NAME_RECT, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.name
            )
            painter.setFont(Fonts.value)
            painter.drawText(VALUE_RECT, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, value)
        else:
            painter.drawText(CIRCLE_RECT, Qt.AlignmentFlag.AlignCenter, self.name)
        lines = self.detail_lines()
        if lines:
            self._paint_lines(painter, lines)
        painter.restore()

    def _paint_lines(self, painter: QPainter, lines: list[TextLine]) -> None:
        painter.setFont(Fonts.detail)
        top = RADIUS + 4
        box = QRectF(-TEXT_WIDTH / 2, top, TEXT_WIDTH, LINE_HEIGHT * len(lines))
        text_width = max(painter.fontMetrics().horizontalAdvance(line.text) for line in lines)
        metrics_width = min(text_width + 8, TEXT_WIDTH)  # the block labels keep clear of
        backdrop = QRectF(-metrics_width / 2, top - 1, metrics_width, box.height() + 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 215))
        painter.drawRoundedRect(backdrop, 3, 3)
        for index, line in enumerate(lines):
            painter.setPen(TEXT_COLOURS[line.role])
            painter.drawText(
                QRectF(-TEXT_WIDTH / 2, top + index * LINE_HEIGHT, TEXT_WIDTH, LINE_HEIGHT),
                Qt.AlignmentFlag.AlignCenter,
                line.text,
            )

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.moved.emit(self)
        return super().itemChange(change, value)
