"""The scene of the network canvas: it follows the document and owns what is displayed.

Like orange-canvas-core's CanvasScene, the scene builds one item per neuron, weight and layer
when the structure changes, and afterwards only refreshes the DisplayState and repaints: a phase
changes text without rebuilding anything, which keeps *Next phase* fast on large networks. The
items paint from data the scene passes in (the DisplayState and a shared Look) and report a
dragged neuron by a signal; they never call the view. Zoom, fit and export belong to the view
(view.py); editing (value editor, context menu, dragging) to editing.py.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEasingCurve, QLineF, QPointF, QRectF, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsScene

from bpstudio.controller.names import activation_name
from bpstudio.engine import Phase, PhaseEvent
from bpstudio.ui.canvas.items import (
    INK,
    MIN_LEGIBLE_PX,
    PHASE_COLOURS,
    SMALL_NEURON_K,
    BatchedEdgesItem,
    EdgeItem,
    EdgeLabelItem,
    LayerBandItem,
    LayerTitleItem,
    Look,
    NeuronItem,
    ring_pen,
)
from bpstudio.ui.canvas.layout import (
    LINE_BLOCK,
    LayerGeometry,
    edge_segment,
    header_box,
    layer_geometry,
    merge_positions,
    neuron_box,
    place_edge_labels,
    title_scale,
)
from bpstudio.ui.canvas.state import DisplayState

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from bpstudio.document.document import NetworkDocument

EDGE_ITEMS_PER_LAYER = 1024  # above this a layer's weights are drawn as one batched item
EDGE_ITEMS_TOTAL = 5000
BATCHED_LINES_TOTAL = 1200  # lines drawn for all batched layers together (the strongest weights)
ANIMATION_MS = 260
RAPID_EVENTS_S = 0.4  # phases arriving faster than this (Run mode) are shown without animation


class NetworkScene(QGraphicsScene):
    """The items of the document's network and the display state they paint from."""

    about_to_change = Signal()  # items are about to be rebuilt or moved (an open editor closes)
    rebuilt = Signal()  # new items for a new structure (the view fits them)

    def __init__(self, document: NetworkDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.state = DisplayState()
        self.look = Look()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.neurons: list[list[NeuronItem]] = []
        self.edges: dict[int, list[list[EdgeItem]]] = {}
        self.batched: dict[int, BatchedEdgesItem] = {}
        self.bands: list[LayerBandItem] = []
        self.geometries: list[LayerGeometry] = []
        self._labels: list[EdgeLabelItem] = []
        self._lit_phase: Phase | None = None
        self._lit_layers: tuple[int, ...] = ()
        self._building = False
        self.animations_enabled = True
        self._last_animated = -1e9
        self.rapid_events_s = RAPID_EVENTS_S
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(ANIMATION_MS)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._animate)

        document.structure_changed.connect(self.rebuild)
        document.parameters_changed.connect(self._on_parameters_changed)
        document.step_changed.connect(self._on_step_changed)
        document.positions_changed.connect(self.apply_positions)
        document.dataset_changed.connect(self._on_values_changed)
        document.settings_changed.connect(self._on_values_changed)
        document.shown_sample_changed.connect(self._on_values_changed)
        self.rebuild()

    # ------------------------------------------------------------------ display state
    @property
    def simplified(self) -> bool:
        """A large network: text too small to read is left out (and the view says so)."""
        return self.look.simplified

    @property
    def hovered(self) -> NeuronItem | None:
        return self.look.hovered

    def set_hovered(self, item: NeuronItem | None) -> None:
        """Emphasise the weights of the neuron under the mouse (None: no emphasis)."""
        if item is self.look.hovered:
            return
        previous, self.look.hovered = self.look.hovered, item
        for neuron in (previous, item):
            if neuron is not None:
                for edge in neuron.edges:
                    edge.update()

    def lit_colour(self, layer: int) -> QColor | None:
        """The colour of the phase that just acted on this layer, once its light has arrived."""
        if self._lit_phase is None or layer not in self._lit_layers:
            return None
        band = self.bands[layer] if layer < len(self.bands) else None
        if band is not None and band.progress < 0.5:
            return None
        return PHASE_COLOURS[self._lit_phase]

    def _update_ring_pens(self) -> None:
        pens: list[QPen] = []
        for layer, geometry in enumerate(self.geometries):
            # Small neurons of big layers are cached pixmaps and keep a plain outline: their
            # band shows the phase, and repainting hundreds of them per phase is what is slow.
            colour = self.lit_colour(layer) if geometry.k >= SMALL_NEURON_K else None
            k = geometry.k
            pens.append(ring_pen(INK, 1.6 * k) if colour is None else ring_pen(colour, 3.0 * k))
        self.look.ring_pens = pens

    def content_rect(self) -> QRectF:
        """The network's bands with a margin: what fit, export and scrolling show."""
        rect = QRectF()
        for band in self.bands:
            rect = rect.united(band.boundingRect())
        if rect.isEmpty():
            rect = self.itemsBoundingRect()
        return rect.adjusted(-16, -12, 16, 12)

    # ------------------------------------------------------------------ building
    def rebuild(self) -> None:
        """Create every item for the current structure (called on structure_changed)."""
        self.about_to_change.emit()
        self._animation.stop()
        self._building = True
        try:
            self.look.hovered = None
            self.clear()
            self.neurons, self.edges, self.batched, self.bands, self._labels = [], {}, {}, [], []
            self.state.refresh(self.document, self.document.displayed_sample())
            sizes = self.document.network.sizes
            self.geometries = [layer_geometry(n) for n in sizes]
            self.look.simplified = any(geometry.k < 1.0 for geometry in self.geometries)
            self._update_ring_pens()
            self._build_neurons(sizes)
            self._build_edges(sizes)
            self.retranslate()
            self.apply_positions()
        finally:
            self._building = False
        self._set_lit(self.document.last_event, animate=False)
        self.rebuilt.emit()

    def _build_neurons(self, sizes: list[int]) -> None:
        titles = title_scale(sizes)
        for layer in range(len(sizes)):
            band = LayerBandItem(self.state, self.look, layer)
            band.title_scale = titles
            self.addItem(band)
            self.addItem(LayerTitleItem(band))
            self.bands.append(band)
            column = []
            for j in range(sizes[layer]):
                item = NeuronItem(self.state, self.look, layer, j, self.geometries[layer])
                item.moved.connect(self._on_neuron_moved)
                self.addItem(item)
                column.append(item)
            self.neurons.append(column)

    def _build_edges(self, sizes: list[int]) -> None:
        budget = EDGE_ITEMS_TOTAL
        batched_layers = sum(
            1 for layer in range(1, len(sizes)) if sizes[layer] * sizes[layer - 1] > EDGE_ITEMS_PER_LAYER
        )
        max_drawn = max(150, BATCHED_LINES_TOTAL // max(batched_layers, 1))
        for layer in range(1, len(sizes)):
            count = sizes[layer] * sizes[layer - 1]
            if count <= EDGE_ITEMS_PER_LAYER and count <= budget:
                budget -= count
                k = min(self.geometries[layer].k, self.geometries[layer - 1].k)
                grid = []
                for row in range(sizes[layer]):
                    line = []
                    for col in range(sizes[layer - 1]):
                        edge = EdgeItem(self.state, self.look, layer, row, col, k)
                        self.addItem(edge)
                        self.neurons[layer][row].edges.append(edge)
                        self.neurons[layer - 1][col].edges.append(edge)
                        line.append(edge)
                    grid.append(line)
                self.edges[layer] = grid
            else:
                self.look.simplified = True
                batch = BatchedEdgesItem(self.state, layer, max_drawn)
                self.addItem(batch)
                self.batched[layer] = batch

    def apply_positions(self) -> None:
        """Move neurons to the document's positions (or the automatic layout) and re-place labels."""
        self.about_to_change.emit()
        net = self.document.network
        positions = merge_positions(net.sizes, self.document.positions)
        was_building = self._building
        self._building = True
        try:
            for layer, column in enumerate(self.neurons):
                for j, item in enumerate(column):
                    item.setPos(*positions[layer][j])
        finally:
            self._building = was_building
        for layer in self.edges:
            for row in self.edges[layer]:
                for edge in row:
                    self._set_edge_line(edge)
        for layer, batch in self.batched.items():
            batch.set_ends(
                [item.pos() for item in self.neurons[layer - 1]], [item.pos() for item in self.neurons[layer]]
            )
        for layer in range(len(self.bands)):
            self._update_band_rect(layer)
        self._place_labels()
        # what the view scrolls over: the network (scroll bars appear only when it does not fit)
        self.setSceneRect(self.content_rect())

    def layout(self) -> list[list[tuple[float, float]]]:
        """Every neuron's position as shown (rounded as the file stores it)."""
        return [[(round(item.x(), 2), round(item.y(), 2)) for item in column] for column in self.neurons]

    def _place_labels(self) -> None:
        for label in self._labels:
            label.edge.label = None
            self.removeItem(label)
        self._labels = []
        obstacles: list[tuple[float, ...]] = []
        for layer, column in enumerate(self.neurons):
            text_lines = 0 if layer == 0 else LINE_BLOCK
            for item in column:
                obstacles.append(neuron_box(item.x(), item.y(), self.geometries[layer], text_lines))
            if column:
                xs, ys = [item.x() for item in column], [item.y() for item in column]
                band = self.bands[layer]
                obstacles.append(
                    header_box(min(xs), max(xs), min(ys), self.geometries[layer], band.title_scale)
                )
        for layer, grid in self.edges.items():
            lines = [[(e.line.x1(), e.line.y1(), e.line.x2(), e.line.y2()) for e in row] for row in grid]
            k = min(self.geometries[layer - 1].k, self.geometries[layer].k)
            placement = place_edge_labels(lines, k, obstacles)
            for row, line in enumerate(grid):
                for col, edge in enumerate(line):
                    place = placement[row][col]
                    if place is not None:
                        label = EdgeLabelItem(edge, place[0], QPointF(place[1], place[2]))
                        self.addItem(label)
                        self._labels.append(label)

    def _set_edge_line(self, edge: EdgeItem) -> None:
        source = self.neurons[edge.layer - 1][edge.col]
        target = self.neurons[edge.layer][edge.row]
        x1, y1, x2, y2 = edge_segment(
            (source.x(), source.y()), (target.x(), target.y()), source.geometry.radius, target.geometry.radius
        )
        edge.set_line(QLineF(x1, y1, x2, y2))

    def _update_band_rect(self, layer: int) -> None:
        column = self.neurons[layer]
        if not column:
            return
        g = self.geometries[layer]
        xs = [item.x() for item in column]
        ys = [item.y() for item in column]
        band = self.bands[layer]
        x0, y0, x1, _ = header_box(min(xs), max(xs), min(ys), g, band.title_scale)
        bottom_text = (4 + 14 * LINE_BLOCK + 6) * g.k if layer else 4 * g.k
        band.set_rect(QRectF(QPointF(x0, y0), QPointF(x1, max(ys) + g.radius + bottom_text + 8)))

    def _on_neuron_moved(self, item: NeuronItem) -> None:
        """A neuron is being dragged: its weights, its layer's batch and its band follow it."""
        if self._building:
            return
        for edge in item.edges:
            self._set_edge_line(edge)
        for layer in (item.layer, item.layer + 1):
            batch = self.batched.get(layer)
            if batch is not None:
                batch.set_ends(
                    [n.pos() for n in self.neurons[layer - 1]], [n.pos() for n in self.neurons[layer]]
                )
        self._update_band_rect(item.layer)

    # ------------------------------------------------------------------ titles
    def retranslate(self) -> None:
        """Write every layer's title and subtitle in the current language."""
        net = self.document.network
        depth = net.depth
        for layer, band in enumerate(self.bands):
            count = self._neuron_count(net.sizes[layer])
            if layer == 0:
                band.set_titles(self.tr("Input layer"), self._input_subtitle(count))
                continue
            activation = activation_name(net.specs[layer].activation)
            if layer == depth:
                title = self.tr("Output layer")
            elif depth == 2:
                title = self.tr("Hidden layer")
            else:
                title = self.tr("Hidden layer {index}").format(index=layer)
            extra = " · BN" if net.specs[layer].batch_norm else ""
            band.set_titles(title, f"{activation}{extra} · {count}")

    def _neuron_count(self, size: int) -> str:
        return self.tr("1 neuron") if size == 1 else self.tr("{count} neurons").format(count=size)

    def _input_subtitle(self, count: str) -> str:
        """The input layer's subtitle names the sample on screen when the batch has several."""
        if self.state.batch_size <= 1:
            return count
        return self.tr("{count} · sample {row}").format(count=count, row=self.state.sample_row + 1)

    def _update_sample_caption(self) -> None:
        if self.bands:
            band = self.bands[0]
            subtitle = self._input_subtitle(self._neuron_count(self.document.network.sizes[0]))
            if band.subtitle != subtitle:
                band.set_titles(band.title, subtitle)

    # ------------------------------------------------------------------ document signals
    def structure_is_stale(self) -> bool:
        """True when the network's shape no longer matches the items (a query: nothing changes)."""
        return [len(column) for column in self.neurons] != self.document.network.sizes

    def _on_step_changed(self, event: PhaseEvent | None) -> None:
        if self.structure_is_stale():
            self.rebuild()
            return
        # (new weights arrive by parameters_changed)
        self.state.refresh(self.document, self.document.displayed_sample())
        self._set_lit(
            event if event is not None else self.document.last_event,
            animate=event is not None,
        )
        self._refresh_small_neurons()
        self._update_sample_caption()
        self._repaint()

    def _on_parameters_changed(self) -> None:
        if self.structure_is_stale():
            self.rebuild()
            return
        self.state.refresh(self.document, self.document.displayed_sample())
        for batch in self.batched.values():
            batch.refresh()
        self._refresh_small_neurons()
        self._repaint()

    def _on_values_changed(self) -> None:
        self.state.refresh(self.document, self.document.displayed_sample())
        self._set_lit(self.document.last_event, animate=False)
        self._refresh_small_neurons()
        self._update_sample_caption()
        self._repaint()

    def _repaint(self) -> None:
        """Items paint lazily from the state: a repaint of the views shows the new values."""
        for view in self.views():
            view.viewport().update()

    def _view_scale(self) -> float:
        return max((view.transform().m11() for view in self.views()), default=1.0)

    def _refresh_small_neurons(self) -> None:
        """Cached (small) neurons repaint only when their text is legible at the current zoom."""
        scale = self._view_scale()
        for layer, geometry in enumerate(self.geometries):
            if geometry.k < SMALL_NEURON_K and scale * geometry.k * 12 >= MIN_LEGIBLE_PX:
                for item in self.neurons[layer]:
                    item.update()

    # ------------------------------------------------------------------ the phase light
    def _set_lit(self, event: PhaseEvent | None, animate: bool) -> None:
        self._animation.stop()
        if event is not None and self.document.trace is None:
            event = None  # the step was restarted: nothing of it is on screen any more
        self._lit_phase = event.phase if event is not None else None
        self._lit_layers = tuple(event.layers) if event is not None else ()
        _, upcoming = self.state.next_layers()
        for layer, band in enumerate(self.bands):
            band.colour = (
                PHASE_COLOURS[event.phase] if event is not None and layer in self._lit_layers else None
            )
            band.is_next = layer in upcoming
            band.progress = 1.0
        self._update_ring_pens()
        now = time.monotonic()
        rapid = now - self._last_animated < self.rapid_events_s  # Run mode: no animation, just the result
        if animate:
            self._last_animated = now
        shown = any(view.isVisible() for view in self.views())
        if animate and not rapid and self.animations_enabled and self._lit_layers and shown:
            self._animate(0.0)
            self._animation.start()

    def _animate(self, value: Any) -> None:
        """Light the layers of the last phase one after another, in the order it computed them."""
        t = float(value)
        order = self._lit_layers
        if not order or self._lit_phase is None:
            return
        stagger = self._lit_phase is not Phase.UPDATE and len(order) > 1
        for index, layer in enumerate(order):
            if layer >= len(self.bands):
                continue
            band = self.bands[layer]
            progress = min(max(t * len(order) - index, 0.0), 1.0) if stagger else t
            if band.progress != progress:
                crossed = (band.progress < 0.5) != (progress < 0.5)
                band.progress = progress
                band.refresh()
                if crossed:  # the neurons' rings take the phase colour half-way through
                    self._update_ring_pens()
                    for item in self.neurons[layer]:
                        item.update()
