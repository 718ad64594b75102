"""Editing on the canvas: the in-place value editor, the context menu and dragging neurons.

As in orange-canvas-core's document/interactions.py, what the learner does with the mouse is
kept apart from what is drawn: every edit here is a call to the controller, so it lands on the
undo history, and the document's signal then redraws the scene.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QLineEdit, QMenu, QToolTip, QWidget

from bpstudio.controller.names import activation_name
from bpstudio.engine import ACTIVATIONS
from bpstudio.notation.names import parameter_name
from bpstudio.notation.numbers import full
from bpstudio.ui.canvas.items import EdgeItem, EdgeLabelItem, Fonts, LayerBandItem, NeuronItem
from bpstudio.ui.fields import RefusedError, read_number

if TYPE_CHECKING:
    from bpstudio.controller import Controller
    from bpstudio.ui.canvas.view import CanvasView


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


class CanvasEditing(QObject):
    """The edits a learner makes on a CanvasView: values, structure (menu) and positions (drag)."""

    def __init__(self, view: CanvasView, controller: Controller) -> None:
        super().__init__(view)
        self.view = view
        self.scene = view.network_scene
        self.controller = controller
        self.editor: ValueEditor | None = None
        self._press_positions: dict[tuple[int, int], QPointF] = {}
        self.scene.about_to_change.connect(self.close_editor)
        view.about_to_move.connect(self.close_editor)

    # ------------------------------------------------------------------ value editor
    def edit_weight(self, layer: int, row: int, col: int) -> ValueEditor:
        """Open the in-place editor on W[layer][row, col]; Enter commits through the controller."""
        grid = self.scene.edges.get(layer)
        edge = None if grid is None else grid[row][col]
        if edge is not None and edge.label is not None:
            anchor = edge.label.scenePos()
        elif edge is not None:
            anchor = edge.line.center()
        else:
            anchor = self.scene.neurons[layer][row].scenePos()
        return self._open_editor("W", layer, row, col, self.scene.state.weight(layer, row, col), anchor)

    def edit_bias(self, layer: int, row: int) -> ValueEditor:
        """Open the in-place editor on b[layer][row]."""
        item = self.scene.neurons[layer][row]
        k = self.scene.geometries[layer].k
        anchor = item.scenePos() + QPointF(0, (30 + 12) * k)
        return self._open_editor("b", layer, row, None, self.scene.state.bias(layer, row), anchor)

    def commit_editor(self) -> bool:
        """Send the typed value to the controller; False (editor stays open) when it is not a number."""
        editor = self.editor
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
        self.close_editor()
        self.controller.set_parameter(editor.layer, editor.kind, editor.row, editor.col, value)
        return True

    def _open_editor(
        self, kind: str, layer: int, row: int, col: int | None, value: float, anchor: QPointF
    ) -> ValueEditor:
        self.close_editor()
        Fonts.ensure()
        view = self.view
        editor = ValueEditor(view.viewport(), kind, layer, row, col)
        editor.setFont(Fonts.value)
        editor.setText(full(value))
        name = parameter_name(kind, layer, row, col)
        editor.setToolTip(self.tr("New value of {name}; Enter to apply, Esc to cancel.").format(name=name))
        editor.setAccessibleName(name)
        editor.resize(150, editor.sizeHint().height())
        centre = view.mapFromScene(anchor)
        editor.move(centre.x() - editor.width() // 2, centre.y() - editor.height() // 2)
        editor.returnPressed.connect(self.commit_editor)
        editor.escape_pressed.connect(self.close_editor)
        editor.editingFinished.connect(lambda: self._editor_left(editor))
        editor.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.selectAll()
        self.editor = editor
        return editor

    def _editor_left(self, editor: ValueEditor) -> None:
        """Focus went elsewhere without Enter: cancel (the value is applied only on Enter)."""
        if self.editor is editor and not editor.hasFocus():
            self.close_editor()

    def close_editor(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.cancelled = True
            editor.hide()
            editor.deleteLater()

    def double_click(self, target: QGraphicsItem | None) -> bool:
        """A double click on a weight or a bias opens its editor; False when it was elsewhere."""
        if isinstance(target, EdgeLabelItem | EdgeItem):
            edge = target.edge if isinstance(target, EdgeLabelItem) else target
            self.edit_weight(edge.layer, edge.row, edge.col)
            return True
        if isinstance(target, NeuronItem) and target.layer >= 1:
            self.edit_bias(target.layer, target.neuron)
            return True
        return False

    # ------------------------------------------------------------------ dragging
    def press(self) -> None:
        """Remember where the selected neurons are when the mouse goes down."""
        self._press_positions = {
            (item.layer, item.neuron): QPointF(item.pos())
            for item in self.scene.selectedItems()
            if isinstance(item, NeuronItem)
        }

    def release(self) -> None:
        """Neurons that moved since the press become one undoable entry."""
        neurons = self.scene.neurons
        moves: dict[tuple[int, int], tuple[float, float]] = {}
        for (layer, neuron), before in self._press_positions.items():
            if layer < len(neurons) and neuron < len(neurons[layer]):
                now = neurons[layer][neuron].pos()
                if (now - before).manhattanLength() > 0.5:
                    moves[(layer, neuron)] = (round(now.x(), 2), round(now.y(), 2))
        self._press_positions = {}
        if moves:
            # The whole layout goes along for a document that has none stored yet; the entry
            # still names only the neurons that were dragged.
            self.controller.move_neurons(moves, self.scene.layout())
            self.scene.apply_positions()  # the document's word is final (also if it refused)

    # ------------------------------------------------------------------ context menu
    def menu_for(self, target: QGraphicsItem | None) -> QMenu:
        """The context menu for the item under the mouse (or the background)."""
        if isinstance(target, NeuronItem):
            return self.context_menu(target.layer, target.neuron)
        if isinstance(target, EdgeLabelItem | EdgeItem):
            edge = target.edge if isinstance(target, EdgeLabelItem) else target
            return self.context_menu(edge.layer, None, (edge.row, edge.col))
        if isinstance(target, LayerBandItem):
            return self.context_menu(target.layer)
        return self.context_menu(None)

    def context_menu(
        self, layer: int | None, neuron: int | None = None, edge: tuple[int, int] | None = None
    ) -> QMenu:
        """The menu for a neuron (layer, neuron), a layer (layer, None), a weight or the background."""
        menu = QMenu(self.view)
        depth = self.scene.document.network.depth

        if layer is not None and edge is not None:
            row, col = edge
            _add(
                menu,
                self.tr("Edit weight {name}…").format(name=parameter_name("W", layer, row, col)),
                "edit_weight",
                lambda: self.edit_weight(layer, row, col),
            )
            menu.addSeparator()
        elif layer is not None:
            self._add_layer_entries(menu, layer, neuron)
            menu.addSeparator()
        else:
            _add(
                menu,
                self.tr("Add hidden layer"),
                "add_hidden_layer",
                lambda: self.controller.add_layer(depth, 2, self._new_layer_activation()),
            )
        _add(menu, self.tr("Fit to view"), "fit_to_view", self.view.fit_to_view)
        return menu

    def _add_layer_entries(self, menu: QMenu, layer: int, neuron: int | None) -> None:
        """A neuron's or a layer's entries: bias, neurons, layers, activation, batch norm."""
        net = self.scene.document.network
        depth = net.depth
        controller = self.controller
        if neuron is not None and layer >= 1:
            _add(
                menu,
                self.tr("Edit bias {name}…").format(name=parameter_name("b", layer, neuron)),
                "edit_bias",
                lambda: self.edit_bias(layer, neuron),
            )
            menu.addSeparator()
        _add(menu, self.tr("Add neuron to this layer"), "add_neuron", lambda: controller.add_neuron(layer))
        if neuron is not None:
            _add(
                menu,
                self.tr("Remove neuron {name}").format(name=self.scene.state.names[layer][neuron]),
                "remove_neuron",
                lambda: controller.remove_neuron(layer, neuron),
                enabled=net.sizes[layer] > 1,
            )
        menu.addSeparator()
        activation = self._new_layer_activation()
        if layer >= 1:
            _add(
                menu,
                self.tr("Add hidden layer before"),
                "add_layer_before",
                lambda: controller.add_layer(layer, 2, activation),
            )
        if layer < depth:
            _add(
                menu,
                self.tr("Add hidden layer after"),
                "add_layer_after",
                lambda: controller.add_layer(layer + 1, 2, activation),
            )
        if 1 <= layer < depth:
            _add(menu, self.tr("Remove this layer"), "remove_layer", lambda: controller.remove_layer(layer))
        if layer >= 1:
            self._add_activation_menu(menu, layer)
        if 1 <= layer < depth:
            batch_norm = _add(
                menu,
                self.tr("Batch normalisation"),
                "batch_norm",
                lambda checked=False: controller.set_batch_norm(layer, checked),
            )
            batch_norm.setCheckable(True)
            batch_norm.setChecked(net.specs[layer].batch_norm)

    def _add_activation_menu(self, menu: QMenu, layer: int) -> None:
        net = self.scene.document.network
        submenu = menu.addMenu(self.tr("Activation"))
        submenu.setObjectName("activation_menu")
        group = QActionGroup(submenu)
        current = net.specs[layer].activation
        for name in ACTIVATIONS:
            if name == "softmax" and layer != net.depth:
                continue
            action = _add(
                submenu,
                activation_name(name),
                f"activation_{name}",
                lambda _checked=False, n=name: self.controller.set_activation(layer, n),
            )
            action.setCheckable(True)
            action.setChecked(name == current)
            group.addAction(action)

    def _new_layer_activation(self) -> str:
        net = self.scene.document.network
        hidden = [spec.activation for spec in net.specs[1:-1]]
        return hidden[-1] if hidden else "sigmoid"


def _add(menu: QMenu, text: str, name: str, slot: Any, enabled: bool = True) -> QAction:
    action = QAction(text, menu)
    action.setObjectName(name)
    action.setEnabled(enabled)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
