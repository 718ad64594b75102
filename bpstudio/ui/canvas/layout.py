"""Where things go on the canvas: neuron centres, per-layer scale, and weight-label placement.

Pure Python (no Qt), so it is cheap to test and to reason about. Scene units are pixels at
zoom 1. A layer of up to 12 neurons is drawn at full size; larger layers shrink (k < 1) so a
784-neuron input column stays about as tall as 12 full-size neurons.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

LAYER_DX = 270.0  # horizontal distance between layers
NEURON_DY = 140.0  # vertical distance between neurons of a small layer
RADIUS = 30.0  # neuron radius of a small layer
COLUMN_HEIGHT = NEURON_DY * 12  # a layer never grows taller than this (except for a minimum spacing)
MIN_DY = 2.5
TALL_COLUMN = 1200.0  # columns taller than this spread the layers further apart
TEXT_WIDTH = 150.0  # width of the text block under a neuron (b, z, δ lines)
# A weight label of two lines at k = 1: nine characters of the 11 px monospace font ("→ −0.1234")
# and a margin; a longer number is condensed to this width rather than overflow its place.
LABEL_SIZE = (70.0, 31.0)
LABEL_GAP = 3.0  # free space kept between two labels, and between a label and a neuron
LABEL_CANDIDATES = tuple(t / 100 for t in range(5, 96))  # places tried on an edge, from the source on
MAX_LABELLED_EDGES = 400  # per layer; beyond that weights are read in tooltips or the tables
WIDEN_FOR_LABELS = 100  # layers joined by at most this many weights move apart until every label fits
MAX_LABEL_DX = 4 * LAYER_DX
LINE_BLOCK = 3  # lines of text under a neuron: b, z, δ
TITLE_SCALE_HEIGHT = 900.0  # layer titles grow with networks taller than this
TITLE_SCALE_WIDTH = 1100.0  # ... or wider than this
BAND_MAX_WIDTH = LAYER_DX - 12  # bands of neighbouring layers never overlap
# the widest title line at scale 1, with its backdrop and margin: 24 characters of the 11 px
# monospace font ("trung bình |δ| = 1.234e−5", the Vietnamese "mean |δ| = …")
TITLE_WIDTH = 172.0
BAND_HEADER = 64.0  # room above a layer's top neuron for its title, subtitle and mean |δ|
MIN_TEXT_PX = 9.0  # text smaller than this on screen is hard to read
SMALLEST_FONT_PX = 11  # the smallest font of the canvas (b/z/δ lines, weight labels, subtitles) at k = 1
# Networks with shrunken layers (more than 12 neurons) are fitted whole, without a legible
# minimum: their titles grow until they are MIN_TEXT_PX tall when the network fills a canvas
# this tall (about the canvas of a 1920×1080 window). BELOW_COLUMN is what the fit shows
# besides the columns and their headers: the lowest neuron, its text lines and the margins.
# (up to TITLE_TARGET_NEURONS a layer: a bigger network is read zoomed in, and keeps smaller titles
# so that the whole of it fits the canvas better).
FIT_HEIGHT = 600.0
TITLE_TARGET_NEURONS = 16
BELOW_COLUMN = 150.0


@dataclass(frozen=True)
class LayerGeometry:
    """The scale of one layer's drawing: spacing, radius and text size all follow k."""

    k: float

    @property
    def dy(self) -> float:
        return NEURON_DY * self.k

    @property
    def radius(self) -> float:
        return RADIUS * self.k

    @property
    def text_width(self) -> float:
        return TEXT_WIDTH * self.k


def layer_geometry(size: int) -> LayerGeometry:
    dy = min(NEURON_DY, max(MIN_DY, COLUMN_HEIGHT / max(size, 1)))
    return LayerGeometry(dy / NEURON_DY)


def tallest_column(sizes: list[int]) -> float:
    return max(layer_geometry(size).dy * (size - 1) for size in sizes)


def layer_spacing(sizes: list[int]) -> float:
    """The least distance between two layers of the automatic layout: tall columns sit further
    apart, so a big network keeps a landscape shape on screen."""
    tallest = tallest_column(sizes)
    return max(LAYER_DX, 0.4 * tallest) if tallest > TALL_COLUMN else LAYER_DX


def title_scale(sizes: list[int]) -> float:
    """How much larger than usual the layer titles are drawn: a big network's titles stay
    legible when the whole of it is in view (shown without a legible minimum, see FIT_HEIGHT),
    and never grow wider than the distance between two layers."""
    tallest = tallest_column(sizes)
    widest = LAYER_DX * (len(sizes) - 1)
    scale = max(1.0, tallest / TITLE_SCALE_HEIGHT, widest / TITLE_SCALE_WIDTH)
    if 12 < max(sizes) <= TITLE_TARGET_NEURONS:
        # 11·s px at the fit scale FIT_HEIGHT / (tallest + BAND_HEADER·s + BELOW_COLUMN) ≥ MIN_TEXT_PX
        room = SMALLEST_FONT_PX * FIT_HEIGHT - MIN_TEXT_PX * BAND_HEADER
        scale = max(scale, MIN_TEXT_PX * (tallest + BELOW_COLUMN) / room)
    return min(scale, max_band_width(sizes) / TITLE_WIDTH)


def max_band_width(sizes: list[int]) -> float:
    """Bands (and titles) of neighbouring layers never overlap."""
    return max(BAND_MAX_WIDTH, layer_spacing(sizes) - 12)


def band_half_width(geometry: LayerGeometry, scale: float) -> float:
    """Half the width of a layer's band: its neurons' text, or its title if that is wider
    (a title grows only as far as the layers are apart, see title_scale)."""
    title_half = TITLE_WIDTH * scale / 2
    return max(geometry.text_width / 2 + 10 * geometry.k, title_half)


def header_box(
    x_min: float, x_max: float, top: float, geometry: LayerGeometry, scale: float
) -> tuple[float, float, float, float]:
    """The band's header above its top neuron (centre y = top): title, subtitle, mean |δ|."""
    half = band_half_width(geometry, scale)
    y1 = top - geometry.radius
    return (x_min - half, y1 - BAND_HEADER * scale, x_max + half, y1)


def auto_layout(sizes: list[int]) -> list[list[tuple[float, float]]]:
    """Columns left to right, each centred on y = 0, far enough apart for every weight label."""
    positions = []
    titles = title_scale(sizes)
    base = layer_spacing(sizes)
    x = 0.0
    for layer, size in enumerate(sizes):
        if layer:
            x += max(base, label_gap(sizes[layer - 1], size, layer == 1, titles))
        positions.append(column(size, x))
    return positions


def column(size: int, x: float) -> list[tuple[float, float]]:
    """The default places of a layer's neurons: evenly spaced, centred on y = 0."""
    dy = layer_geometry(size).dy
    return [(x, (j - (size - 1) / 2.0) * dy) for j in range(size)]


def edge_segment(
    source: tuple[float, float], target: tuple[float, float], r1: float, r2: float
) -> tuple[float, float, float, float]:
    """The drawn part of an edge: from circle to circle, not from centre to centre."""
    x1, y1 = source
    x2, y2 = target
    length = math.hypot(x2 - x1, y2 - y1)
    if length > r1 + r2:
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        return x1 + ux * r1, y1 + uy * r1, x2 - ux * r2, y2 - uy * r2
    return x1, y1, x2, y2


@functools.lru_cache(maxsize=256)
def label_gap(n_in: int, n_out: int, from_inputs: bool, titles: float = 1.0) -> float:
    """The smallest distance between two layers (sizes n_in → n_out) at which the greedy
    placement finds a free place on its edge for every weight label, in steps of 30.

    Labels keep clear of the neurons, their b/z/δ lines and the layer titles (drawn at scale
    `titles`). Layers with more weights than WIDEN_FOR_LABELS keep the standard distance
    (their labels are placed where they fit; the others are read in tooltips and tables)."""
    if n_in * n_out > WIDEN_FOR_LABELS:
        return LAYER_DX
    g_in, g_out = layer_geometry(n_in), layer_geometry(n_out)
    k = min(g_in.k, g_out.k)

    def fits(dx: float) -> bool:
        sources, targets = column(n_in, 0.0), column(n_out, dx)
        lines = [[edge_segment(s, t, g_in.radius, g_out.radius) for s in sources] for t in targets]
        obstacles = [neuron_box(x, y, g_in, 0 if from_inputs else LINE_BLOCK) for x, y in sources]
        obstacles += [neuron_box(x, y, g_out) for x, y in targets]
        obstacles.append(header_box(0.0, 0.0, sources[0][1], g_in, titles))
        obstacles.append(header_box(dx, dx, targets[0][1], g_out, titles))
        return any(_place_in_order(lines, k, obstacles, order, 1)[1] == n_in * n_out for order in _ORDERS)

    # bisection over steps of 30: the answer is a distance that was tried and fits (or the largest allowed)
    low, high = 0, int((MAX_LABEL_DX - LAYER_DX) // 30)
    if fits(LAYER_DX):
        return LAYER_DX
    while high - low > 1:
        middle = (low + high) // 2
        if fits(LAYER_DX + 30 * middle):
            high = middle
        else:
            low = middle
    return LAYER_DX + 30.0 * high


def merge_positions(
    sizes: list[int], stored: list[list[tuple[float, float]]] | None
) -> list[list[tuple[float, float]]]:
    """The document's positions where they still fit the structure, the automatic layout elsewhere."""
    positions = auto_layout(sizes)
    if not stored:
        return positions
    for layer, size in enumerate(sizes):
        if layer < len(stored) and stored[layer] is not None and len(stored[layer]) == size:
            try:
                positions[layer] = [(float(x), float(y)) for x, y in stored[layer]]
            except (TypeError, ValueError):
                continue
    return positions


class _Grid:
    """A spatial hash of rectangles (x0, y0, x1, y1) for quick overlap tests."""

    def __init__(self, cell: float) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def _keys(self, rect: tuple[float, float, float, float]) -> list[tuple[int, int]]:
        c = self.cell
        return [
            (gx, gy)
            for gx in range(int(rect[0] // c), int(rect[2] // c) + 1)
            for gy in range(int(rect[1] // c), int(rect[3] // c) + 1)
        ]

    def hits(self, rect: tuple[float, float, float, float]) -> bool:
        for key in self._keys(rect):
            for other in self.cells.get(key, ()):
                if rect[0] < other[2] and other[0] < rect[2] and rect[1] < other[3] and other[1] < rect[3]:
                    return True
        return False

    def add(self, rect: tuple[float, float, float, float]) -> None:
        for key in self._keys(rect):
            self.cells.setdefault(key, []).append(rect)


def neuron_box(
    x: float, y: float, geometry: LayerGeometry, text_lines: int = LINE_BLOCK
) -> tuple[float, ...]:
    """The area a neuron and its text lines cover, as (x0, y0, x1, y1)."""
    r = geometry.radius
    half = max(r, geometry.text_width / 2.0 if text_lines else r)
    return (x - half, y - r, x + half, y + r + (4 + 14 * text_lines) * geometry.k)


def label_rect(cx: float, cy: float, k: float) -> tuple[float, float, float, float]:
    """The box a label centred at (cx, cy) reserves, as (x0, y0, x1, y1)."""
    w, h = LABEL_SIZE[0] * k, LABEL_SIZE[1] * k
    return (cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0)


Rect = tuple[float, float, float, float]
Lines = list[list[Rect]]


def _flat_first(lines: Lines, j: int, i: int) -> float:
    x0, y0, x1, y1 = lines[j][i]
    return abs(y1 - y0) / max(abs(x1 - x0), 1e-9)


# Orders in which edges claim their places; the first that labels every edge wins. The outer
# edges first (they have the least room), the flattest first (their labels share one height),
# or target by target / source by source: each succeeds where another gets stuck.
_ORDERS: tuple[Callable[[Lines, int, int], Any], ...] = (
    lambda lines, j, i: -abs(lines[j][i][1]),
    _flat_first,
    lambda lines, j, i: (j, i),
    lambda lines, j, i: (i, j),
)


Place = tuple[float, float, float]  # fraction t of the edge, and the label's offset from that point


def place_edge_labels(lines: Lines, k: float, obstacles: list[tuple[float, ...]]) -> list[list[Place | None]]:
    """For each edge (target j, source i), drawn from (x0, y0) to (x1, y1), where its label
    sits: (t, dx, dy), the point at fraction t of the line moved by (dx, dy); None when no
    free place was found (too many weights: they are read in tooltips and tables).

    Every label keeps a margin from every other label and every neuron. A label sits on its
    own edge, (t, 0, 0), so crossing edges get their labels at different places. Greedy, in
    several orders: the first that labels every edge wins, otherwise the one that labels the
    most, and a label that found no free place on its edge (neurons dragged close together)
    is set beside it, joined to it by a leader line. auto_layout spaces default layers so
    that every label has a place on its edge.
    """
    n_out = len(lines)
    n_in = len(lines[0]) if lines else 0
    if n_out * n_in > MAX_LABELLED_EDGES or not n_in:
        return [[None] * n_in for _ in range(n_out)]
    best: list[list[float | None]] = []
    best_grid: _Grid | None = None
    best_count = -1
    for order in _ORDERS:
        placed, count, grid = _place_in_order(lines, k, obstacles, order, n_out * n_in - best_count)
        if count > best_count:
            best, best_count, best_grid = placed, count, grid
        if count == n_out * n_in:
            break
    result: list[list[Place | None]] = [[None if t is None else (t, 0.0, 0.0) for t in row] for row in best]
    if best_grid is not None and best_count < n_out * n_in:
        _place_aside(lines, k, result, best_grid)
    return result


ASIDE_FRACTIONS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8)
ASIDE_STEPS = 4  # how far (in label sizes) a label may be set beside its edge


def _place_aside(lines: Lines, k: float, result: list[list[Place | None]], grid: _Grid) -> None:
    """Labels without a free place on their edge: the nearest free place beside it."""
    w, h = LABEL_SIZE[0] * k, LABEL_SIZE[1] * k
    margin = LABEL_GAP * k
    offsets = [
        (sx * step * (w + 2 * margin) * fx, sy * step * (h + 2 * margin) * fy)
        for step in range(1, ASIDE_STEPS + 1)
        for fx, fy in ((0, 1), (1, 0), (1, 1))
        for sx in ((1, -1) if fx else (1,))
        for sy in ((1, -1) if fy else (1,))
    ]
    for j, row in enumerate(result):
        for i, place in enumerate(row):
            if place is not None:
                continue
            x0, y0, x1, y1 = lines[j][i]
            for t, (dx, dy) in ((t, offset) for offset in offsets for t in ASIDE_FRACTIONS):
                x_lo, y_lo, x_hi, y_hi = label_rect(x0 + (x1 - x0) * t + dx, y0 + (y1 - y0) * t + dy, k)
                if not grid.hits((x_lo - margin, y_lo - margin, x_hi + margin, y_hi + margin)):
                    grid.add((x_lo, y_lo, x_hi, y_hi))
                    row[i] = (t, dx, dy)
                    break


def _place_in_order(
    lines: Lines,
    k: float,
    obstacles: list[tuple[float, ...]],
    order: Callable[[Lines, int, int], Any],
    give_up_after: int,
) -> tuple[list[list[float | None]], int, _Grid]:
    """One greedy pass: each edge takes the first candidate place that is free. Stops after
    `give_up_after` edges found no place (this order cannot beat the best one any more)."""
    n_out, n_in = len(lines), len(lines[0])
    result: list[list[float | None]] = [[None] * n_in for _ in range(n_out)]
    w, h = LABEL_SIZE[0] * k, LABEL_SIZE[1] * k
    margin = LABEL_GAP * k
    grid = _Grid(max(w, h) * 2.0)
    for box in obstacles:
        grid.add((box[0], box[1], box[2], box[3]))
    count = failed = 0
    for j, i in sorted(((j, i) for j in range(n_out) for i in range(n_in)), key=lambda ji: order(lines, *ji)):
        x0, y0, x1, y1 = lines[j][i]
        for t in LABEL_CANDIDATES:
            x_lo, y_lo, x_hi, y_hi = label_rect(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, k)
            if not grid.hits((x_lo - margin, y_lo - margin, x_hi + margin, y_hi + margin)):
                grid.add((x_lo, y_lo, x_hi, y_hi))
                result[j][i] = t
                count += 1
                break
        else:
            failed += 1
            if failed >= give_up_after:
                break
    return result, count, grid
