"""The network canvas: neurons, weights, and where each phase of backpropagation acts.

The canvas listens to the document and redraws itself; every edit it offers (context menu,
double-click on a weight or bias, dragging neurons) is a call to the controller, so it lands
on the undo history. Items are built once per structure change; a phase only refreshes the
DisplayState and repaints, which keeps *Next phase* fast on large networks.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QLineF,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QContextMenuEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QMenu,
    QToolTip,
    QWidget,
)

from bpstudio.controller.names import activation_name
from bpstudio.engine import ACTIVATIONS, Phase, PhaseEvent
from bpstudio.ui.canvas import tooltips
from bpstudio.ui.canvas.items import (
    BACKGROUND,
    INK,
    MIN_LEGIBLE_PX,
    PHASE_COLOURS,
    SMALL_NEURON_K,
    BatchedEdgesItem,
    EdgeItem,
    EdgeLabelItem,
    Fonts,
    LayerBandItem,
    LayerTitleItem,
    NeuronItem,
    ring_pen,
)
from bpstudio.ui.canvas.layout import (
    LINE_BLOCK,
    MIN_TEXT_PX,
    SMALLEST_FONT_PX,
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
from bpstudio.ui.canvas.text import MINUS, bias_name, full, weight_name
from bpstudio.ui.fields import RefusedError, read_number

if TYPE_CHECKING:
    from bpstudio.controller import Controller
    from bpstudio.document.document import NetworkDocument

EDGE_ITEMS_PER_LAYER = 1024  # above this a layer's weights are drawn as one batched item
EDGE_ITEMS_TOTAL = 5000
BATCHED_LINES_TOTAL = 1200  # lines drawn for all batched layers together (the strongest weights)
ANIMATION_MS = 260
RAPID_EVENTS_S = 0.4  # phases arriving faster than this (Run mode) are shown without animation
MAX_EXPORT_PIXELS = 8000  # longest side of an exported PNG
MIN_SCALE, MAX_SCALE, MAX_FIT_SCALE = 0.02, 12.0, 1.6
# Fit to view never makes a small network's text smaller than MIN_TEXT_PX: the view scrolls instead.
# (rounded up to a hundredth, so the smallest text is 9 px whatever the floating-point rounding)
LEGIBLE_SCALE = math.ceil(MIN_TEXT_PX / SMALLEST_FONT_PX * 100) / 100


class ValueEditor(QLineEdit):
    """The in-place editor for a weight or bias: Enter commits, Escape or clicking away cancels."""

    escape_pressed = Signal()

    def __init__(self, parent: QWidget, kind: str, layer: int, row: int, col: int | None) -> None:
        super().__init__(parent)
        self.kind, self.layer, self.row, self.col = kind, layer, row, col
        self.setObjectName("canvas_value_editor")
        self.cancelled = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled = True
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


class NetworkCanvas(QGraphicsView):
    """A QGraphicsView of the document's network. See the module docstring."""

    def __init__(
        self, document: NetworkDocument, controller: Controller, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.state = DisplayState()
        self.setObjectName("network_canvas")
        self._scene = QGraphicsScene(self)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setScene(self._scene)
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
        self.simplified = False  # a large network: text too small to read is left out (and we say so)
        self._zoom_note = QLabel(self.viewport())
        self._zoom_note.setObjectName("canvas_zoom_note")
        self._zoom_note.setStyleSheet(
            "QLabel { background: rgba(255, 255, 255, 225); color: #333; border: 1px solid #bbb;"
            " border-radius: 3px; padding: 2px 6px; }"
        )
        self._zoom_note.hide()

        self.neurons: list[list[NeuronItem]] = []
        self.edges: dict[int, list[list[EdgeItem]]] = {}
        self.batched: dict[int, BatchedEdgesItem] = {}
        self.bands: list[LayerBandItem] = []
        self.geometries: list[LayerGeometry] = []
        self.ring_pens: list[QPen] = []
        self.hovered: NeuronItem | None = None
        self._labels: list[EdgeLabelItem] = []
        self._lit_phase: Phase | None = None
        self._lit_layers: tuple[int, ...] = ()
        self._building = False
        self._auto_fit = True  # the view follows the canvas size (until the learner zooms)
        self._fit_whole = False  # ... showing the whole network (Fit to view), not the legible default
        self._press_positions: dict[tuple[int, int], QPointF] = {}
        self._editor: ValueEditor | None = None
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

    # ------------------------------------------------------------------ public API
    def neuron_item(self, layer: int, neuron: int) -> NeuronItem:
        return self.neurons[layer][neuron]

    def edge_item(self, layer: int, row: int, col: int) -> EdgeItem | None:
        """The weight W[layer][row, col] (into neuron row from neuron col), or None when batched."""
        grid = self.edges.get(layer)
        return None if grid is None else grid[row][col]

    def layer_band(self, layer: int) -> LayerBandItem:
        return self.bands[layer]

    def neuron_tooltip(self, layer: int, neuron: int) -> str:
        return tooltips.neuron_tooltip(self.state, layer, neuron)

    def edge_tooltip(self, layer: int, row: int, col: int) -> str:
        return tooltips.edge_tooltip(self.state, layer, row, col)

    def lit_colour(self, layer: int) -> QColor | None:
        """The colour of the phase that just acted on this layer, once its light has arrived."""
        if self._lit_phase is None or layer not in self._lit_layers:
            return None
        band = self.bands[layer] if layer < len(self.bands) else None
        if band is not None and band.progress < 0.5:
            return None
        return PHASE_COLOURS[self._lit_phase]

    def ring_pen(self, layer: int) -> QPen:
        """The outline of this layer's neurons: the phase colour once lit, dark ink otherwise."""
        return self.ring_pens[layer]

    def _update_ring_pens(self) -> None:
        pens = []
        for layer, geometry in enumerate(self.geometries):
            # Small neurons of big layers are cached pixmaps and keep a plain outline: their
            # band shows the phase, and repainting hundreds of them per phase is what is slow.
            colour = self.lit_colour(layer) if geometry.k >= SMALL_NEURON_K else None
            k = geometry.k
            pens.append(ring_pen(INK, 1.6 * k) if colour is None else ring_pen(colour, 3.0 * k))
        self.ring_pens = pens

    def fit_to_view(self) -> None:
        """The whole network in view (Ctrl+0, View › Fit): its text may then be small, and a
        large network whose text is left out says "Zoom in to see the values". Resizing the
        canvas keeps this fit until the learner zooms."""
        self._fit(whole=True)

    def fit_default(self) -> None:
        """The view at open, after a change of structure and on resize: the whole network, but
        a small network's text never under MIN_TEXT_PX on screen. When it does not fit at that
        size the view scrolls (the scroll bars say there is more), starting from the input
        layer on the left and the middle of the columns (the neurons rather than the titles)."""
        self._fit(whole=False)

    def _fit(self, whole: bool) -> None:
        self._close_editor()
        rect = self._content_rect()
        if rect.isEmpty():
            return
        room = self.maximumViewportSize()  # without scroll bars, so showing them changes nothing here
        width, height = room.width() - 2, room.height() - 2  # (rounding must not call for scroll bars)
        scale = min(width / rect.width(), height / rect.height(), MAX_FIT_SCALE)
        if not self.simplified and not whole:
            scale = max(scale, LEGIBLE_SCALE)
        self.resetTransform()
        self.scale(scale, scale)
        half_w = room.width() / scale / 2
        x = rect.center().x() if rect.width() <= 2 * half_w else rect.left() + half_w
        y = rect.center().y()
        self.centerOn(QPointF(x, y))
        self._auto_fit = True
        self._fit_whole = whole
        self._update_zoom_note()

    def text_hidden(self) -> bool:
        """True when the zoom is too small for some of a large network's text, which is then left out."""
        if not self.simplified or not self.geometries:
            return False
        smallest = min(geometry.k for geometry in self.geometries)
        return self.transform().m11() * smallest * SMALLEST_FONT_PX < MIN_LEGIBLE_PX

    def _update_zoom_note(self) -> None:
        """A large network drawn too small for its numbers says so, in the corner of the canvas;
        so does any network that Fit to view made smaller than legible (the learner did not
        choose that size, and may not know that zooming in brings the numbers back)."""
        note = self._zoom_note
        if not self.text_hidden() and not (self._auto_fit and self._fit_whole and self._text_small()):
            note.hide()
            return
        note.setText(self.tr("Zoom in to see the values"))
        note.adjustSize()
        note.move(8, self.viewport().height() - note.height() - 8)
        note.show()

    def _text_small(self) -> bool:
        """True when the smallest text is under MIN_TEXT_PX on screen."""
        if not self.geometries:
            return False
        smallest = min(geometry.k for geometry in self.geometries)
        return self.transform().m11() * smallest * SMALLEST_FONT_PX < MIN_TEXT_PX

    def zoom_by(self, factor: float) -> None:
        self._close_editor()
        current = self.transform().m11()
        target = min(max(current * factor, MIN_SCALE), MAX_SCALE)
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

    @property
    def editor(self) -> ValueEditor | None:
        """The open in-place value editor, if any."""
        return self._editor

    def export_png(self, path: str | Path, scale: float = 2.0) -> None:
        """The whole network as a PNG at `scale` × screen size; raises OSError naming the file."""
        source = self._content_rect()
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
        source = self._content_rect()
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

    # ------------------------------------------------------------------ editing entry points
    def edit_weight(self, layer: int, row: int, col: int) -> ValueEditor:
        """Open the in-place editor on W[layer][row, col]; Enter commits through the controller."""
        edge = self.edge_item(layer, row, col)
        if edge is not None and edge.label is not None:
            anchor = edge.label.scenePos()
        elif edge is not None:
            anchor = edge.line.center()
        else:
            anchor = self.neurons[layer][row].scenePos()
        return self._open_editor("W", layer, row, col, self.state.weight(layer, row, col), anchor)

    def edit_bias(self, layer: int, row: int) -> ValueEditor:
        """Open the in-place editor on b[layer][row]."""
        item = self.neurons[layer][row]
        k = self.geometries[layer].k
        anchor = item.scenePos() + QPointF(0, (30 + 12) * k)
        return self._open_editor("b", layer, row, None, self.state.bias(layer, row), anchor)

    def commit_editor(self) -> bool:
        """Send the typed value to the controller; False (editor stays open) when it is not a number."""
        editor = self._editor
        if editor is None or editor.cancelled:
            return False
        try:
            value = read_number(editor.text())
        except RefusedError as exc:
            message = str(exc)
            editor.setStyleSheet("QLineEdit { border: 2px solid #D55E00; }")
            editor.setToolTip(message)
            QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), message, editor)
            return False
        self._close_editor()
        self.controller.set_parameter(editor.layer, editor.kind, editor.row, editor.col, value)
        return True

    def context_menu(
        self, layer: int | None, neuron: int | None = None, edge: tuple[int, int] | None = None
    ) -> QMenu:
        """The menu for a neuron (layer, neuron), a layer (layer, None), a weight or the background."""
        menu = QMenu(self)
        net = self.document.stepper.network
        depth = net.depth

        def add(text: str, name: str, slot: Any, enabled: bool = True, target: QMenu = menu) -> QAction:
            action = QAction(text, target)
            action.setObjectName(name)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            target.addAction(action)
            return action

        if layer is not None and edge is not None:
            row, col = edge
            add(
                self.tr("Edit weight {name}…").format(name=weight_name(layer, row, col, depth)),
                "edit_weight",
                lambda: self.edit_weight(layer, row, col),
            )
            menu.addSeparator()
        elif layer is not None:
            if neuron is not None and layer >= 1:
                add(
                    self.tr("Edit bias {name}…").format(name=bias_name(layer, neuron, depth)),
                    "edit_bias",
                    lambda: self.edit_bias(layer, neuron),
                )
                menu.addSeparator()
            add(self.tr("Add neuron to this layer"), "add_neuron", lambda: self.controller.add_neuron(layer))
            if neuron is not None:
                add(
                    self.tr("Remove neuron {name}").format(name=self.state.names[layer][neuron]),
                    "remove_neuron",
                    lambda: self.controller.remove_neuron(layer, neuron),
                    enabled=net.sizes[layer] > 1,
                )
            menu.addSeparator()
            activation = self._new_layer_activation()
            if layer >= 1:
                add(
                    self.tr("Add hidden layer before"),
                    "add_layer_before",
                    lambda: self.controller.add_layer(layer, 2, activation),
                )
            if layer < depth:
                add(
                    self.tr("Add hidden layer after"),
                    "add_layer_after",
                    lambda: self.controller.add_layer(layer + 1, 2, activation),
                )
            if 1 <= layer < depth:
                add(self.tr("Remove this layer"), "remove_layer", lambda: self.controller.remove_layer(layer))
            if layer >= 1:
                submenu = menu.addMenu(self.tr("Activation"))
                submenu.setObjectName("activation_menu")
                group = QActionGroup(submenu)
                current = net.specs[layer].activation
                for name in ACTIVATIONS:
                    if name == "softmax" and layer != depth:
                        continue
                    action = add(
                        activation_name(name),
                        f"activation_{name}",
                        lambda _checked=False, n=name: self.controller.set_activation(layer, n),
                        target=submenu,
                    )
                    action.setCheckable(True)
                    action.setChecked(name == current)
                    group.addAction(action)
            if 1 <= layer < depth:
                batch_norm = add(
                    self.tr("Batch normalisation"),
                    "batch_norm",
                    lambda checked=False: self.controller.set_batch_norm(layer, checked),
                )
                batch_norm.setCheckable(True)
                batch_norm.setChecked(net.specs[layer].batch_norm)
            menu.addSeparator()
        else:
            add(
                self.tr("Add hidden layer"),
                "add_hidden_layer",
                lambda: self.controller.add_layer(depth, 2, self._new_layer_activation()),
            )
        add(self.tr("Fit to view"), "fit_to_view", self.fit_to_view)
        return menu

    # ------------------------------------------------------------------ building
    def rebuild(self) -> None:
        """Create every item for the current structure (called on structure_changed)."""
        self._close_editor()
        self._animation.stop()
        self._building = True
        try:
            self.hovered = None
            self._scene.clear()
            self.neurons, self.edges, self.batched, self.bands, self._labels = [], {}, {}, [], []
            stepper = self.document.stepper
            net = stepper.network
            self.state.refresh(stepper, self.document.displayed_sample())
            sizes = net.sizes
            self.geometries = [layer_geometry(n) for n in sizes]
            self.simplified = any(geometry.k < 1.0 for geometry in self.geometries)
            titles = title_scale(sizes)
            for layer in range(len(sizes)):
                band = LayerBandItem(self, layer)
                band.title_scale = titles
                self._scene.addItem(band)
                self._scene.addItem(LayerTitleItem(band))
                self.bands.append(band)
                column = []
                for j in range(sizes[layer]):
                    item = NeuronItem(self, layer, j, self.geometries[layer])
                    self._scene.addItem(item)
                    column.append(item)
                self.neurons.append(column)
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
                            edge = EdgeItem(self, layer, row, col, k)
                            self._scene.addItem(edge)
                            self.neurons[layer][row].edges.append(edge)
                            self.neurons[layer - 1][col].edges.append(edge)
                            line.append(edge)
                        grid.append(line)
                    self.edges[layer] = grid
                else:
                    self.simplified = True
                    batch = BatchedEdgesItem(self, layer, max_drawn)
                    self._scene.addItem(batch)
                    self.batched[layer] = batch
            self._retranslate_titles()
            self.apply_positions()
        finally:
            self._building = False
        self._set_lit(self.document.last_event, animate=False)
        self._auto_fit = True
        self._fit(whole=self._fit_whole)

    def apply_positions(self) -> None:
        """Move neurons to the document's positions (or the automatic layout) and re-place labels."""
        self._close_editor()
        net = self.document.stepper.network
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
        self._scene.setSceneRect(self._content_rect())

    def _place_labels(self) -> None:
        for label in self._labels:
            label.edge.label = None
            self._scene.removeItem(label)
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
                        self._scene.addItem(label)
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

    def _content_rect(self) -> QRectF:
        rect = QRectF()
        for band in self.bands:
            rect = rect.united(band.boundingRect())
        if rect.isEmpty():
            rect = self._scene.itemsBoundingRect()
        return rect.adjusted(-16, -12, 16, 12)

    def _render(self, painter: QPainter, target: QRectF, source: QRectF) -> None:
        selected = self._scene.selectedItems()
        for item in selected:
            item.setSelected(False)
        self._scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        for item in selected:
            item.setSelected(True)

    def _retranslate_titles(self) -> None:
        net = self.document.stepper.network
        depth = net.depth
        for layer, band in enumerate(self.bands):
            size = net.sizes[layer]
            count = self.tr("1 neuron") if size == 1 else self.tr("{count} neurons").format(count=size)
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

    def _input_subtitle(self, count: str) -> str:
        """The input layer's subtitle names the sample on screen when the batch has several."""
        if self.state.batch_size <= 1:
            return count
        return self.tr("{count} · sample {row}").format(count=count, row=self.state.sample_row + 1)

    def _update_sample_caption(self) -> None:
        if self.bands:
            size = self.document.stepper.network.sizes[0]
            count = self.tr("1 neuron") if size == 1 else self.tr("{count} neurons").format(count=size)
            band = self.bands[0]
            subtitle = self._input_subtitle(count)
            if band.subtitle != subtitle:
                band.set_titles(band.title, subtitle)

    def _new_layer_activation(self) -> str:
        net = self.document.stepper.network
        hidden = [spec.activation for spec in net.specs[1:-1]]
        return hidden[-1] if hidden else "sigmoid"

    # ------------------------------------------------------------------ document signals
    def _structure_is_stale(self) -> bool:
        """True when the network's shape no longer matches the items (then rebuild, not refresh)."""
        if [len(column) for column in self.neurons] != self.document.stepper.network.sizes:
            self.rebuild()
            return True
        return False

    def _on_step_changed(self, event: PhaseEvent | None) -> None:
        if self._structure_is_stale():
            return
        # (new weights arrive by parameters_changed)
        self.state.refresh(self.document.stepper, self.document.displayed_sample())
        self._set_lit(
            event if event is not None else self.document.last_event,
            animate=event is not None,
        )
        self._refresh_small_neurons()
        self._update_sample_caption()
        self.viewport().update()

    def _on_parameters_changed(self) -> None:
        if self._structure_is_stale():
            return
        self.state.refresh(self.document.stepper, self.document.displayed_sample())
        self._refresh_batches()
        self._refresh_small_neurons()
        self.viewport().update()

    def _on_values_changed(self) -> None:
        self.state.refresh(self.document.stepper, self.document.displayed_sample())
        self._set_lit(self.document.last_event, animate=False)
        self._refresh_small_neurons()
        self._update_sample_caption()
        self.viewport().update()

    def _refresh_small_neurons(self) -> None:
        """Cached (small) neurons repaint only when their text is legible at the current zoom."""
        scale = self.transform().m11()
        for layer, geometry in enumerate(self.geometries):
            if geometry.k < SMALL_NEURON_K and scale * geometry.k * 12 >= MIN_LEGIBLE_PX:
                for item in self.neurons[layer]:
                    item.update()

    def _refresh_batches(self) -> None:
        for batch in self.batched.values():
            batch.refresh()

    def _set_lit(self, event: PhaseEvent | None, animate: bool) -> None:
        self._animation.stop()
        stepper = self.document.stepper
        if event is not None and stepper.trace is None:
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
        if animate and not rapid and self.animations_enabled and self._lit_layers and self.isVisible():
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

    # ------------------------------------------------------------------ dragging
    def neuron_moved(self, item: NeuronItem) -> None:
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

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            target = self._target_at(event.position().toPoint())
            self.set_hovered(target if isinstance(target, NeuronItem) else None)

    def leaveEvent(self, event: QEvent) -> None:
        self.set_hovered(None)
        super().leaveEvent(event)

    def set_hovered(self, item: NeuronItem | None) -> None:
        """Emphasise the weights of the neuron under the mouse (None: no emphasis)."""
        if item is self.hovered:
            return
        previous, self.hovered = self.hovered, item
        for neuron in (previous, item):
            if neuron is not None:
                for edge in neuron.edges:
                    edge.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self._press_positions = {
            (item.layer, item.neuron): QPointF(item.pos())
            for item in self._scene.selectedItems()
            if isinstance(item, NeuronItem)
        }

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        moves: dict[tuple[int, int], tuple[float, float]] = {}
        for (layer, neuron), before in self._press_positions.items():
            if layer < len(self.neurons) and neuron < len(self.neurons[layer]):
                now = self.neurons[layer][neuron].pos()
                if (now - before).manhattanLength() > 0.5:
                    moves[(layer, neuron)] = (round(now.x(), 2), round(now.y(), 2))
        self._press_positions = {}
        if moves:
            # The whole layout goes along for a document that has none stored yet; the entry
            # still names only the neurons that were dragged.
            layout = [
                [(round(item.x(), 2), round(item.y(), 2)) for item in column] for column in self.neurons
            ]
            self.controller.move_neurons(moves, layout)
            self.apply_positions()  # the document's word is final (also if it refused)

    # ------------------------------------------------------------------ events
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        target = self._target_at(event.position().toPoint())
        if isinstance(target, EdgeLabelItem | EdgeItem):
            edge = target.edge if isinstance(target, EdgeLabelItem) else target
            self.edit_weight(edge.layer, edge.row, edge.col)
            return
        if isinstance(target, NeuronItem) and target.layer >= 1:
            self.edit_bias(target.layer, target.neuron)
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        target = self._target_at(event.pos())
        if isinstance(target, NeuronItem):
            menu = self.context_menu(target.layer, target.neuron)
        elif isinstance(target, EdgeLabelItem | EdgeItem):
            edge = target.edge if isinstance(target, EdgeLabelItem) else target
            menu = self.context_menu(edge.layer, None, (edge.row, edge.col))
        elif isinstance(target, LayerBandItem):
            menu = self.context_menu(target.layer)
        else:
            menu = self.context_menu(None)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta == 0:
            super().wheelEvent(event)
            return
        self.zoom_by(1.0015**delta)
        event.accept()

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

    def tooltip_at(self, pos: QPoint) -> str:
        target = self._target_at(pos)
        if isinstance(target, NeuronItem):
            return self.neuron_tooltip(target.layer, target.neuron)
        if isinstance(target, EdgeLabelItem | EdgeItem):
            edge = target.edge if isinstance(target, EdgeLabelItem) else target
            return self.edge_tooltip(edge.layer, edge.row, edge.col)
        if isinstance(target, BatchedEdgesItem):
            return tooltips.batched_tooltip(self.state, target.layer, target.drawn)
        return ""

    def _target_at(self, pos: QPoint) -> QGraphicsItem | None:
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.bands:
            self._retranslate_titles()
        super().changeEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if self._editor is not None:
            self._close_editor()

    # ------------------------------------------------------------------ editor
    def _open_editor(
        self, kind: str, layer: int, row: int, col: int | None, value: float, anchor: QPointF
    ) -> ValueEditor:
        self._close_editor()
        Fonts.ensure()
        editor = ValueEditor(self.viewport(), kind, layer, row, col)
        editor.setFont(Fonts.value)
        editor.setText(full(value).replace(MINUS, "-"))
        name = (
            weight_name(layer, row, col, self.document.stepper.network.depth)
            if col is not None
            else (bias_name(layer, row, self.document.stepper.network.depth))
        )
        editor.setToolTip(self.tr("New value of {name}; Enter to apply, Esc to cancel.").format(name=name))
        editor.setAccessibleName(name)
        editor.resize(150, editor.sizeHint().height())
        centre = self.mapFromScene(anchor)
        editor.move(centre.x() - editor.width() // 2, centre.y() - editor.height() // 2)
        editor.returnPressed.connect(self.commit_editor)
        editor.escape_pressed.connect(self._close_editor)
        editor.editingFinished.connect(lambda: self._editor_left(editor))
        editor.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.selectAll()
        self._editor = editor
        return editor

    def _editor_left(self, editor: ValueEditor) -> None:
        """Focus went elsewhere without Enter: cancel (the value is applied only on Enter)."""
        if self._editor is editor and not editor.hasFocus():
            self._close_editor()

    def _close_editor(self) -> None:
        editor, self._editor = self._editor, None
        if editor is not None:
            editor.cancelled = True
            editor.hide()
            editor.deleteLater()
