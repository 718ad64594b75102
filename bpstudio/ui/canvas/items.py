"""The graphics items of the network canvas. They hold indices, not numbers: they paint from
the scene's DisplayState and Look (passed in when they are made), so a phase changes text
without rebuilding anything. An item never calls the view or the scene: a dragged neuron
says so by its `moved` signal.

Every layer is drawn at its own scale k (see layout.py): items scale the painter by k and
then draw as if the layer were full size, so text stays in proportion with its neuron.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from bpstudio.engine import Phase
from bpstudio.ui.canvas.layout import (
    BAND_HEADER,
    LABEL_SIZE,
    RADIUS,
    TEXT_WIDTH,
    LayerGeometry,
)
from bpstudio.ui.canvas.state import DisplayState, TextLine

# Okabe–Ito colours: distinguishable with the common forms of colour blindness.
POSITIVE = QColor("#0072B2")
NEGATIVE = QColor("#D55E00")
PHASE_COLOURS = {
    Phase.FEEDFORWARD: QColor("#009E73"),
    Phase.BACKWARD: QColor("#CC79A7"),
    Phase.UPDATE: QColor("#E69F00"),
}
TEXT_COLOURS = {
    "plain": QColor("#1a1a1a"),
    "muted": QColor("#555555"),
    "forward": QColor("#00684b"),
    "delta": QColor("#8a2d66"),
    "update": QColor("#8f5300"),
}
INK = QColor("#1a1a1a")
NEURON_FILL = QColor("#ffffff")
INPUT_FILL = QColor("#eef2f6")
SELECTED = QColor("#0072B2")
BACKGROUND = QColor("#fbfbf8")

BAND_FILL = QColor("#f3f3f0")


def blend(colour: QColor, base: QColor, alpha: float) -> QColor:
    """`colour` at opacity `alpha` over `base`, as an opaque colour."""
    a = min(max(alpha, 0.0), 1.0)
    return QColor.fromRgbF(
        colour.redF() * a + base.redF() * (1 - a),
        colour.greenF() * a + base.greenF() * (1 - a),
        colour.blueF() * a + base.blueF() * (1 - a),
    )


LINE_HEIGHT = 14.0
ORIGIN = QPointF(0, 0)
NAME_RECT = QRectF(-RADIUS, -RADIUS + 5, 2 * RADIUS, RADIUS - 3)
VALUE_RECT = QRectF(-RADIUS, 2, 2 * RADIUS, 16)
CIRCLE_RECT = QRectF(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
INPUT_BRUSH = QBrush(INPUT_FILL)
NEURON_BRUSH = QBrush(NEURON_FILL)
_PENS: dict[tuple[int, float], QPen] = {}


def ring_pen(colour: QColor, width: float) -> QPen:
    """A cached pen (neurons repaint by the hundred: do not build pens in paint())."""
    key = (colour.rgba(), round(width, 4))
    pen = _PENS.get(key)
    if pen is None:
        pen = _PENS[key] = QPen(colour, width)
    return pen


def selected_pen(k: float) -> QPen:
    return ring_pen(SELECTED, 3.0 * k)


MIN_LEGIBLE_PX = 5.5  # a large network's text smaller than this on screen is skipped (level of detail)
SMALL_NEURON_K = 0.5  # neurons drawn smaller than half size are cached as pixmaps

Z_BAND, Z_EDGE, Z_TITLE, Z_LABEL, Z_NEURON = -10.0, 0.0, 0.5, 1.0, 2.0


def _font(pixels: int, bold: bool = False, mono: bool = False) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont) if mono else QFont()
    if mono:
        font.setFamilies(["DejaVu Sans Mono", font.family()])
        font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


class Fonts:
    """Created once the QApplication exists (fonts need it)."""

    name: QFont
    value: QFont
    detail: QFont
    label: QFont
    label_metrics: QFontMetricsF
    header: QFont
    header_small: QFont
    ready = False

    @classmethod
    def ensure(cls) -> None:
        if cls.ready:
            return
        cls.name = _font(15, bold=True)
        cls.value = _font(12, mono=True)
        cls.detail = _font(11, mono=True)
        cls.label = _font(11, mono=True)
        cls.label_metrics = QFontMetricsF(cls.label)
        cls.header = _font(13, bold=True)
        cls.header_small = _font(11)
        cls.ready = True


@dataclass
class Look:
    """What the items paint with besides the numbers, owned and updated by the scene: the
    neurons' outline per layer (the phase colour once lit), whether a large network leaves
    illegible text out, and the neuron under the mouse (its weights stand out)."""

    ring_pens: list[QPen] = field(default_factory=list)
    simplified: bool = False
    hovered: NeuronItem | None = None


def lod_of(painter: QPainter) -> float:
    return QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())


_WEIGHT_PENS: dict[tuple[bool, int, float], QPen] = {}
WEIGHT_LEVELS = 32


def weight_pen(value: float, scale: float, k: float) -> QPen:
    """Colour for sign, width and depth of colour for magnitude (relative to the largest weight).

    Opaque colours (blended with the background) draw several times faster than translucent
    ones; pens are cached in 32 magnitude steps.
    """
    level = round(min(abs(value) / scale, 1.0) * WEIGHT_LEVELS)
    key = (value < 0, level, k)
    pen = _WEIGHT_PENS.get(key)
    if pen is None:
        ratio = level / WEIGHT_LEVELS
        colour = blend(NEGATIVE if value < 0 else POSITIVE, BACKGROUND, 0.35 + 0.55 * ratio)
        pen = QPen(colour, (0.8 + 4.2 * ratio) * max(k, 0.15))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        _WEIGHT_PENS[key] = pen
    return pen


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
        return [line.text for line in self.state.detail_lines(self.layer, self.neuron)]

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
        lines = self.state.detail_lines(self.layer, self.neuron) if self.layer else []
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
        lines = self.state.detail_lines(self.layer, self.neuron)
        if lines:
            self._paint_lines(painter, lines)
        painter.restore()

    def _paint_lines(self, painter: QPainter, lines: list[TextLine]) -> None:
        painter.setFont(Fonts.detail)
        top = RADIUS + 4
        box = QRectF(-TEXT_WIDTH / 2, top, TEXT_WIDTH, LINE_HEIGHT * len(lines))
        metrics_width = max(painter.fontMetrics().horizontalAdvance(line.text) for line in lines) + 8
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
        return "\n".join(line.text for line in self.state.edge_lines(self.layer, self.row, self.col))

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
    reserved for it (LABEL_SIZE): a longer number is condensed to that width, never wider.
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
        edge = self.edge
        return edge.state.edge_lines(edge.layer, edge.row, edge.col)

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
        if natural > width:  # an unusually long number: condensed into the reserved place
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


class LayerBandItem(QGraphicsItem):
    """The column behind a layer: the phase light, a dashed frame when it is next, and its
    titles (written by a LayerTitleItem above the weights)."""

    def __init__(self, state: DisplayState, look: Look, layer: int) -> None:
        super().__init__()
        self.state = state
        self.look = look
        self.layer = layer
        self.title = ""
        self.subtitle = ""
        self.colour: QColor | None = None
        self.progress = 1.0
        self.is_next = False
        self.title_scale = 1.0  # big networks get bigger titles, legible when the whole net is in view
        self.title_item: LayerTitleItem | None = None
        self._rect = QRectF()
        self.setZValue(Z_BAND)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        if self.title_item is not None:
            self.title_item.prepareGeometryChange()
        self._rect = rect

    def set_titles(self, title: str, subtitle: str) -> None:
        self.title, self.subtitle = title, subtitle
        self.refresh()

    def refresh(self) -> None:
        """Repaint the band and its titles (the phase light changed)."""
        self.update()
        if self.title_item is not None:
            self.title_item.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def header_rect(self) -> QRectF:
        """Where the title, subtitle and mean |δ| are written (scene coordinates)."""
        rect = self._rect
        return QRectF(rect.left(), rect.top(), rect.width(), BAND_HEADER * self.title_scale)

    def fill(self) -> QColor:
        """The colour inside the band now (titles are written on a backdrop of it)."""
        if self.colour is not None and self.progress > 0:
            # opaque blends: much cheaper to fill than translucent colours
            return blend(self.colour, BAND_FILL, 0.16 * self.progress)
        return BACKGROUND if self.is_next else BAND_FILL

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = self._rect
        if self.colour is not None and self.progress > 0:
            painter.setPen(QPen(blend(self.colour, BAND_FILL, 0.85 * self.progress), 2.0))
            painter.setBrush(self.fill())
            painter.drawRoundedRect(rect, 12, 12)
        elif self.is_next:
            painter.setPen(QPen(QColor("#8a8a8a"), 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 12, 12)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(BAND_FILL)
            painter.drawRoundedRect(rect, 12, 12)


class LayerTitleItem(QGraphicsItem):
    """A layer's title, subtitle and mean |δ|, drawn above the weights (on a backdrop of the
    band's colour) so that edges running past a layer never cross its title."""

    def __init__(self, band: LayerBandItem) -> None:
        super().__init__()
        self.band = band
        band.title_item = self
        self.setZValue(Z_TITLE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self.band.header_rect()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        band = self.band
        s = band.title_scale
        if band.look.simplified and lod_of(painter) * s * 11 < MIN_LEGIBLE_PX:
            return
        Fonts.ensure()
        rect = band.header_rect()
        lines = [
            (band.title, Fonts.header, INK, 6.0, 18.0),
            (band.subtitle, Fonts.header_small, TEXT_COLOURS["muted"], 24.0, 16.0),
        ]
        summary = band.state.layer_summary(band.layer)
        if summary is not None:
            lines.append((summary.text, Fonts.detail, TEXT_COLOURS[summary.role], 40.0, 16.0))
        backdrop = QColor(band.fill())
        backdrop.setAlpha(225)
        painter.save()
        painter.translate(rect.center().x(), rect.top())
        painter.scale(s, s)
        width = rect.width() / s
        for text, font, colour, top, height in lines:
            painter.setFont(font)
            advance = min(painter.fontMetrics().horizontalAdvance(text) + 8, width - 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(backdrop)
            painter.drawRoundedRect(QRectF(-advance / 2, top, advance, height), 3, 3)
            painter.setPen(colour)
            painter.drawText(QRectF(-width / 2, top, width, height), Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
