"""The network canvas: neurons, weights, and where each phase of backpropagation acts.

NetworkCanvas puts together the three parts, in the manner of orange-canvas-core:
  - scene.py (NetworkScene) follows the document's signals, builds the items and owns the
    display state they paint from (items.py; they never call back into the view);
  - view.py (CanvasView) zooms, fits, exports and answers tooltips;
  - editing.py (CanvasEditing) is the in-place value editor, the context menu and dragging,
    every edit a call to the controller, so it lands on the undo history.
This class routes the mouse to them and keeps the API the window and the tests use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QWidget

from bpstudio.ui.canvas.editing import CanvasEditing, ValueEditor
from bpstudio.ui.canvas.items import BatchedEdgesItem, EdgeItem, LayerBandItem, NeuronItem
from bpstudio.ui.canvas.layout import LayerGeometry
from bpstudio.ui.canvas.scene import NetworkScene
from bpstudio.ui.canvas.state import DisplayState
from bpstudio.ui.canvas.view import CanvasView

if TYPE_CHECKING:
    from bpstudio.controller import Controller
    from bpstudio.document.document import NetworkDocument

__all__ = ["NetworkCanvas", "ValueEditor"]


class NetworkCanvas(CanvasView):
    """The canvas widget of the studio window. See the module docstring."""

    def __init__(
        self, document: NetworkDocument, controller: Controller, parent: QWidget | None = None
    ) -> None:
        scene = NetworkScene(document)
        super().__init__(scene, parent)
        scene.setParent(self)
        self.setObjectName("network_canvas")
        self.document = document
        self.controller = controller
        self.editing = CanvasEditing(self, controller)

    # ------------------------------------------------------------------ what is shown
    @property
    def state(self) -> DisplayState:
        return self.network_scene.state

    @property
    def neurons(self) -> list[list[NeuronItem]]:
        return self.network_scene.neurons

    @property
    def edges(self) -> dict[int, list[list[EdgeItem]]]:
        return self.network_scene.edges

    @property
    def batched(self) -> dict[int, BatchedEdgesItem]:
        return self.network_scene.batched

    @property
    def bands(self) -> list[LayerBandItem]:
        return self.network_scene.bands

    @property
    def geometries(self) -> list[LayerGeometry]:
        return self.network_scene.geometries

    @property
    def simplified(self) -> bool:
        return self.network_scene.simplified

    @property
    def hovered(self) -> NeuronItem | None:
        return self.network_scene.hovered

    @property
    def animations_enabled(self) -> bool:
        return self.network_scene.animations_enabled

    @animations_enabled.setter
    def animations_enabled(self, enabled: bool) -> None:
        self.network_scene.animations_enabled = enabled

    @property
    def rapid_events_s(self) -> float:
        return self.network_scene.rapid_events_s

    @rapid_events_s.setter
    def rapid_events_s(self, seconds: float) -> None:
        self.network_scene.rapid_events_s = seconds

    @property
    def editor(self) -> ValueEditor | None:
        """The open in-place value editor, if any."""
        return self.editing.editor

    def neuron_item(self, layer: int, neuron: int) -> NeuronItem:
        return self.network_scene.neurons[layer][neuron]

    def edge_item(self, layer: int, row: int, col: int) -> EdgeItem | None:
        """The weight W[layer][row, col] (into neuron row from neuron col), or None when batched."""
        grid = self.network_scene.edges.get(layer)
        return None if grid is None else grid[row][col]

    def layer_band(self, layer: int) -> LayerBandItem:
        return self.network_scene.bands[layer]

    def lit_colour(self, layer: int) -> QColor | None:
        return self.network_scene.lit_colour(layer)

    def rebuild(self) -> None:
        self.network_scene.rebuild()

    def apply_positions(self) -> None:
        self.network_scene.apply_positions()

    # ------------------------------------------------------------------ editing (editing.py)
    def edit_weight(self, layer: int, row: int, col: int) -> ValueEditor:
        return self.editing.edit_weight(layer, row, col)

    def edit_bias(self, layer: int, row: int) -> ValueEditor:
        return self.editing.edit_bias(layer, row)

    def commit_editor(self) -> bool:
        return self.editing.commit_editor()

    def context_menu(
        self, layer: int | None, neuron: int | None = None, edge: tuple[int, int] | None = None
    ) -> QMenu:
        return self.editing.context_menu(layer, neuron, edge)

    # ------------------------------------------------------------------ the mouse
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            target = self.target_at(event.position().toPoint())
            self.network_scene.set_hovered(target if isinstance(target, NeuronItem) else None)

    def leaveEvent(self, event: QEvent) -> None:
        self.network_scene.set_hovered(None)
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self.editing.press()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.editing.release()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if not self.editing.double_click(self.target_at(event.position().toPoint())):
            super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu: QMenu = self.editing.menu_for(self.target_at(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.network_scene.bands:
            self.network_scene.retranslate()
        super().changeEvent(event)
