"""How the canvas items look: colours (Okabe–Ito), pens, fonts, the level of detail and the
Look the scene shares with its items (what they paint with besides the numbers)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from bpstudio.engine import Phase
from bpstudio.notation.numbers import CANVAS, fit
from bpstudio.ui.canvas.layout import RADIUS

if TYPE_CHECKING:
    from bpstudio.ui.canvas.items.neuron import NeuronItem
    from bpstudio.ui.canvas.state import TextLine

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
    detail_metrics: QFontMetricsF
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
        cls.detail_metrics = QFontMetricsF(cls.detail)
        cls.header = _font(13, bold=True)
        cls.header_small = _font(11)
        cls.ready = True


def fitted_lines(
    make: Callable[[int], list[TextLine]], metrics: QFontMetricsF, width: float
) -> list[TextLine]:
    """The longest lines `make(level)` writes that fit `width` (level 0: numbers at full length).

    A number that does not fit is written shorter (−4.47e−16, then −4.5e−16, −4e−16), never
    cut or squeezed: a clipped "−4.473e−1" reads as −0.4473. The same routine as a table cell's
    (`notation.numbers.fit`), measured with the canvas's font."""

    def fits(lines: list[TextLine]) -> bool:
        return not lines or max(metrics.horizontalAdvance(line.text) for line in lines) <= width

    return fit(make, fits, CANVAS.levels)


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
