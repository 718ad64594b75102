"""The weights: one item per weight with its label, or one batched item for a large layer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from bpstudio.ui.canvas.items.style import (
    BACKGROUND,
    LINE_HEIGHT,
    MIN_LEGIBLE_PX,
    NEGATIVE,
    POSITIVE,
    TEXT_COLOURS,
    Z_EDGE,
    Z_LABEL,
    Fonts,
    Look,
    blend,
    fitted_lines,
    lod_of,
    weight_pen,
)
from bpstudio.ui.canvas.layout import LABEL_SIZE
from bpstudio.ui.canvas.state import DisplayState, TextLine


class EdgeItem(QGraphicsItem):
    """A weight: a line from source to target neuron, coloured by sign, as wide as it is large."""

    def __init__(self, state: DisplayState, look: Look, layer: int, row: int, col: int, k: float) -> None:
        super().__init__()
        self.state = state
        self.look = look
        self.layer, self.row, self.col = layer, row, col
        self.k = k
        self.line = QLineF()
        self.label: EdgeLabelItem | None = None
        self._rect = QRectF()
        self._shape: QPainterPath | None = None
        self.setZValue(Z_EDGE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def label_text(self) -> str:
        """What the weight label says (lines joined by newlines), whether or not it is shown."""
        return "\n".join(line.text for line in self.lines())

    def lines(self) -> list[TextLine]:
        """The label's lines as drawn: numbers shortened until each fits the label's place."""
        Fonts.ensure()
        return fitted_lines(
            lambda level: self.state.edge_lines(self.layer, self.row, self.col, level),
            Fonts.label_metrics,
            LABEL_SIZE[0] - 8,
        )

    def set_line(self, line: QLineF) -> None:
        self.prepareGeometryChange()
        self.line = line
        pad = 6.0 * max(self.k, 0.15)
        self._rect = QRectF(line.p1(), line.p2()).normalized().adjusted(-pad, -pad, pad, pad)
        self._shape = None
        if self.label is not None:
            self.label.follow()

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        if self._shape is None:
            path = QPainterPath(self.line.p1())
            path.lineTo(self.line.p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(8.0 * max(self.k, 0.3))
            self._shape = stroker.createStroke(path)
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        weight = self.state.weight(self.layer, self.row, self.col)
        hover = self.look.hovered
        if hover is not None and self in hover.edges:
            # the weights into and out of the neuron under the mouse stand out
            pen = QPen(POSITIVE if weight >= 0 else NEGATIVE, max(2.5, 6.0 * self.k))
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
        else:
            painter.setPen(weight_pen(weight, self.state.weight_scale, self.k))
        painter.drawLine(self.line)


class EdgeLabelItem(QGraphicsItem):
    """A weight's label, at fraction t of its own edge, in the place layout.place_edge_labels
    reserved for it (LABEL_SIZE): a longer number is written with fewer decimals to fit it.
    A label set beside its edge (`offset`, when neurons were dragged close together) is
    joined to its point on the edge by a thin leader line."""

    def __init__(self, edge: EdgeItem, t: float, offset: QPointF | None = None) -> None:
        super().__init__()
        self.edge = edge
        self.t = t
        self.offset = QPointF(offset) if offset is not None else QPointF()
        k = max(edge.k, 0.05)
        self.k = k
        anchor = -self.offset  # the point on the edge, in item coordinates
        self._rect = (
            self.text_rect().adjusted(-1, -1, 1, 1).united(QRectF(anchor, anchor).adjusted(-2, -2, 2, 2))
        )
        self.setZValue(Z_LABEL)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        edge.label = self
        self.follow()

    def follow(self) -> None:
        self.setPos(self.edge.line.pointAt(self.t) + self.offset)

    def anchor(self) -> QPointF:
        """The point of the edge this label names (scene coordinates)."""
        return self.edge.line.pointAt(self.t)

    def text_rect(self) -> QRectF:
        """The box the label's text is drawn in (the space its placement reserved), item coordinates."""
        w, h = LABEL_SIZE
        return QRectF(-w / 2 * self.k, -h / 2 * self.k, w * self.k, h * self.k)

    def box_rect(self) -> QRectF:
        """The framed box as painted now (item coordinates): as wide as the text, at most text_rect."""
        Fonts.ensure()
        lines = self._lines()
        width = min(
            max(Fonts.label_metrics.horizontalAdvance(line.text) for line in lines) + 8, LABEL_SIZE[0]
        )
        height = LINE_HEIGHT * len(lines) + 2
        return QRectF(-width / 2 * self.k, -height / 2 * self.k, width * self.k, height * self.k)

    def text_height(self) -> float:
        """The height of the label's text (the font's pixel size), in item coordinates."""
        Fonts.ensure()
        return Fonts.label.pixelSize() * self.k

    def _lines(self) -> list[TextLine]:
        return self.edge.lines()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.edge.look.simplified and lod_of(painter) * self.k * 11 < MIN_LEGIBLE_PX:
            return
        Fonts.ensure()
        edge = self.edge
        lines = self._lines()
        painter.save()
        painter.scale(self.k, self.k)
        painter.setFont(Fonts.label)
        natural = max(Fonts.label_metrics.horizontalAdvance(line.text) for line in lines) + 8
        width = min(natural, LABEL_SIZE[0])
        height = LINE_HEIGHT * len(lines) + 2
        box = QRectF(-width / 2, -height / 2, width, height)
        weight = edge.state.weight(edge.layer, edge.row, edge.col)
        border = QColor(POSITIVE if weight >= 0 else NEGATIVE)
        if not self.offset.isNull():  # set beside its edge: a leader line to it, ending in a dot
            anchor = QPointF(-self.offset.x() / self.k, -self.offset.y() / self.k)
            painter.setPen(QPen(border, 1.0, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(0, 0), anchor)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(border)
            painter.drawEllipse(anchor, 2.5, 2.5)
        painter.setPen(QPen(border, 1.0))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(box, 3, 3)
        if natural > width:  # (not reached: fitted_lines shortens numbers to fit) never spill out
            painter.scale(width / natural, 1.0)
            box = QRectF(-natural / 2, -height / 2, natural, height)
        for index, line in enumerate(lines):
            painter.setPen(TEXT_COLOURS[line.role])
            painter.drawText(
                QRectF(box.left(), box.top() + 1 + index * LINE_HEIGHT, box.width(), LINE_HEIGHT),
                Qt.AlignmentFlag.AlignCenter,
                line.text,
            )
        painter.restore()


class BatchedEdgesItem(QGraphicsItem):
    """The weights of a layer too large for one item per edge.

    Thousands of one-pixel lines only make a solid block, and drawing them costs tens of
    milliseconds, so this draws the strongest `max_drawn` weights (sign and magnitude still
    visible), batched by pen, and keeps them as a cached pixmap until the picture changes.
    """

    BUCKETS = 4

    def __init__(self, state: DisplayState, layer: int, max_drawn: int = 600) -> None:
        super().__init__()
        self.max_drawn = max_drawn
        self.state = state
        self.layer = layer
        self.sources: list[QPointF] = []
        self.targets: list[QPointF] = []
        self.batches: list[tuple[QPen, list[QLineF]]] = []
        self.drawn = 0
        self._rect = QRectF()
        self._keys: tuple[Any, Any] | None = None
        self.setZValue(Z_EDGE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    @property
    def total(self) -> int:
        return len(self.sources) * len(self.targets)

    def set_ends(self, sources: list[QPointF], targets: list[QPointF]) -> None:
        """Neuron centres of the layer before and of this layer (lines run between them)."""
        self.prepareGeometryChange()
        self.sources, self.targets = sources, targets
        points = sources + targets
        xs = [p.x() for p in points]
        ys = [p.y() for p in points]
        self._rect = QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys))).adjusted(-2, -2, 2, 2)
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        """Choose the strongest weights and sort them into sign × magnitude batches (one pen each)."""
        import numpy as np

        net = self.state.network
        if net is None or not self.sources or not self.targets:
            self.batches = []
            return
        w = net.W(self.layer).reshape(-1)
        if w.size > self.max_drawn:
            chosen = np.sort(np.argpartition(-np.abs(w), self.max_drawn)[: self.max_drawn])
        else:
            chosen = np.arange(w.size)
        values = w[chosen]
        magnitude = np.minimum(np.abs(values) / self.state.weight_scale, 1.0)
        bucket = np.minimum((magnitude * self.BUCKETS).astype(np.int64), self.BUCKETS - 1)
        key = bucket + self.BUCKETS * (values < 0)
        if (
            not force
            and self._keys is not None
            and np.array_equal(chosen, self._keys[0])
            and np.array_equal(key, self._keys[1])
        ):
            return  # the same lines with the same pens: the picture has not changed
        self._keys = (chosen, key)
        n_in = len(self.sources)
        batches: list[tuple[QPen, list[QLineF]]] = []
        # weakest first, so the strongest lines of either sign end up on top
        for index in sorted(range(2 * self.BUCKETS), key=lambda b: (b % self.BUCKETS, b)):
            members = chosen[key == index].tolist()
            if not members:
                continue
            level = (index % self.BUCKETS + 0.5) / self.BUCKETS
            base = NEGATIVE if index >= self.BUCKETS else POSITIVE
            pen = QPen(blend(base, BACKGROUND, 0.12 + 0.5 * level), 0.0)
            pen.setCosmetic(True)  # one pixel whatever the zoom
            lines = [QLineF(self.sources[e % n_in], self.targets[e // n_in]) for e in members]
            batches.append((pen, lines))
        self.batches = batches
        self.drawn = int(chosen.size)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for pen, lines in self.batches:
            painter.setPen(pen)
            painter.drawLines(lines)
