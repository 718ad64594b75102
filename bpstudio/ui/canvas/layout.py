"""Where things go on the canvas: neuron centres, per-layer scale, and weight-label placement.

Pure Python (no Qt), so it is cheap to test and to reason about. Scene units are pixels at
zoom 1. A layer of up to 12 neurons is drawn at full size; larger layers shrink (k < 1) so a
784-neuron input column stays about as tall as 12 full-size neurons.
"""

from __future__ import annotations

from dataclasses import dataclass

LAYER_DX = 270.0  # horizontal distance between layers
NEURON_DY = 140.0  # vertical distance between neurons of a small layer
RADIUS = 30.0  # neuron radius of a small layer
COLUMN_HEIGHT = NEURON_DY * 12  # a layer never grows taller than this (except for a minimum spacing)
MIN_DY = 2.5
TALL_COLUMN = 1200.0  # columns taller than this spread the layers further apart
TEXT_WIDTH = 150.0  # width of the text block under a neuron (b, z, δ lines)
LABEL_SIZE = (78.0, 31.0)  # a weight label of two lines, at k = 1
LABEL_CANDIDATES = (0.40, 0.52, 0.30, 0.64, 0.46, 0.58, 0.35, 0.70, 0.25)
MAX_LABELLED_EDGES = 400
LINE_BLOCK = 3  # lines of text under a neuron: b, z, δ  # per layer; beyond that weights are read in tooltips or the tables


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


def auto_layout(sizes: list[int]) -> list[list[tuple[float, float]]]:
    """Columns left to right, each centred on y = 0."""
    positions = []
    tallest = max(layer_geometry(size).dy * (size - 1) for size in sizes)
    # tall columns sit further apart, so a big network keeps a landscape shape on screen
    dx = max(LAYER_DX, 0.4 * tallest) if tallest > TALL_COLUMN else LAYER_DX
    for layer, size in enumerate(sizes):
        dy = layer_geometry(size).dy
        x = layer * dx
        positions.append([(x, (j - (size - 1) / 2.0) * dy) for j in range(size)])
    return positions


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


def place_edge_labels(
    lines: list[list[tuple[float, float, float, float]]],
    k: float,
    obstacles: list[tuple[float, ...]],
) -> list[list[float | None]]:
    """For each edge (target j, source i), drawn from (x0, y0) to (x1, y1), the fraction t of
    the line where its label sits.

    Greedy: try places near the source first and keep the first that overlaps neither an
    earlier label nor a neuron; None when nothing fits (that weight is read in its tooltip).
    """
    n_out = len(lines)
    n_in = len(lines[0]) if lines else 0
    result: list[list[float | None]] = [[None] * n_in for _ in range(n_out)]
    if n_out * n_in > MAX_LABELLED_EDGES:
        return result
    w, h = LABEL_SIZE[0] * k, LABEL_SIZE[1] * k
    grid = _Grid(max(w, h) * 2.0)
    for box in obstacles:
        grid.add((box[0], box[1], box[2], box[3]))
    order = sorted(((j, i) for j in range(n_out) for i in range(n_in)), key=lambda ji: abs(ji[0] - ji[1]))
    for j, i in order:
        x0, y0, x1, y1 = lines[j][i]
        for t in LABEL_CANDIDATES:
            cx, cy = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t
            rect = (cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0)
            if not grid.hits(rect):
                grid.add(rect)
                result[j][i] = t
                break
    return result
