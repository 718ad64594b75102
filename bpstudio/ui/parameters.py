"""Parameter tables: per layer W, b, ∂J/∂W, ∂J/∂b and the optimizer's state.

The table models are adapters: they hold no numbers, only which quantity of which layer they
show, and read the document on every `data` call. Edits go to the controller (undoable).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpstudio.controller import Controller
from bpstudio.document.document import NetworkDocument
from bpstudio.engine import Phase, PhaseEvent
from bpstudio.notation import symbols
from bpstudio.notation.names import Quantity, connection, neuron_name
from bpstudio.notation.numbers import TABLE, full, number, shorten
from bpstudio.ui.fields import RefusedError, announce, click_only, read_number, refusal, withdraw
from bpstudio.ui.labels import layer_title

HIGHLIGHT = QColor(255, 224, 130)  # amber: changed by the last phase

SHOWN_ROWS, SHOWN_COLUMNS = 8, 2  # a larger matrix scrolls inside its table
IndexLike = QModelIndex | QPersistentModelIndex
SHOWN_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


class ParameterModel(QAbstractTableModel):
    """One quantity of one layer as a table: rows are the layer's neurons.

    `quantity` is a parameter kind (W, b, gamma, beta), a gradient (grad_w, grad_b, grad_gamma,
    grad_beta) or an optimizer buffer "<buffer>:<kind>" (velocity:W, m:b, …), read once into
    `what` (a `notation.names.Quantity`).
    """

    def __init__(
        self,
        document: NetworkDocument,
        controller: Controller,
        layer: int,
        quantity: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.layer = layer
        self.quantity = quantity
        self.what = Quantity.parse(quantity)
        # views into the document's arrays (no copies), refreshed when the document changes
        self._values: np.ndarray | None = None
        self._mask: np.ndarray | None = None
        self._fresh = False
        document.parameters_changed.connect(self._values_changed)
        document.step_changed.connect(self._values_changed)
        document.settings_changed.connect(self._values_changed)

    # -- what is shown -----------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return self.what.kind

    def is_parameter(self) -> bool:
        return self.what.is_parameter

    def values(self) -> np.ndarray | None:
        """The numbers shown, as a 2-D array (a bias vector is one column); None if not known yet."""
        if not self._fresh:
            self._values = self._read_values()
            self._mask = self._read_mask()
            self._fresh = True
        return self._values

    def _read_values(self) -> np.ndarray | None:
        doc = self.document
        net = doc.network
        if not net.has(self.layer, self.kind):
            return None
        if self.is_parameter():
            values = net.view(net.theta, self.layer, self.kind)
        elif self.what.gradient:
            trace = doc.trace
            if trace is None or trace.grad is None:
                return None
            lt = trace.layers[self.layer]
            if lt.delta is None:
                return None
            values = net.view(trace.grad, self.layer, self.kind)
        else:
            buffer = doc.optimizer_buffers.get(self.what.buffer or "")
            if buffer is None or buffer.size != net.parameter_count:
                return None
            values = net.view(buffer, self.layer, self.kind)
        return values if values.ndim == 2 else values.reshape(-1, 1)

    def _shape(self, layer: int | None = None) -> tuple[int, int]:
        """(rows, columns) of this quantity in `layer` (default: the layer shown)."""
        layer = self.layer if layer is None else layer
        net = self.document.network
        if not net.has(layer, self.kind):
            return 0, 0
        _, _, shape = net.layout[layer][self.kind]
        return (shape[0], shape[1]) if len(shape) == 2 else (shape[0], 1)

    def _previous(self, row: int, col: int) -> float | None:
        """The value before the last update, for parameters changed by it."""
        doc = self.document
        trace = doc.trace
        event = doc.last_event
        if (
            not self.is_parameter()
            or trace is None
            or event is None
            or not event.step_completed
            or trace.params_after is None
        ):
            return None
        index = doc.network.param_index(self.layer, self.kind, row, col if self.kind == "W" else None)
        return float(trace.params_before[index])

    def _read_mask(self) -> np.ndarray | None:
        """Which cells the last phase changed (None: none of them)."""
        doc = self.document
        event = doc.last_event
        values = self._values
        if event is None or values is None:
            return None
        if self.is_parameter():
            trace = doc.trace
            if trace is None or not event.step_completed or trace.params_after is None:
                return None
            before = doc.network.view(trace.params_before, self.layer, self.kind)
            return np.asarray(before.reshape(values.shape) != values)
        if self.what.gradient:
            # computed by a δ phase, or by a whole step that went through one
            through_backward = event.phase is Phase.BACKWARD or (
                event.step_completed and event.phase is not Phase.UPDATE
            )
            changed = through_backward and self.layer in event.layers
        else:
            changed = event.step_completed
        return np.ones(values.shape, dtype=bool) if changed else None

    def is_highlighted(self, row: int, col: int) -> bool:
        self.values()
        mask = self._mask
        return mask is not None and row < mask.shape[0] and col < mask.shape[1] and bool(mask[row, col])

    # -- Qt model interface ---------------------------------------------------------------------------
    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shape()[0]

    def columnCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shape()[1]

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in SHOWN_ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(HIGHLIGHT) if self.is_highlighted(row, col) else None
        values = self.values()
        if values is None or row >= values.shape[0] or col >= values.shape[1]:
            if role == Qt.ItemDataRole.DisplayRole:
                return "—"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Not computed yet in this step")
            return None
        value = float(values[row, col])
        if role == Qt.ItemDataRole.DisplayRole:
            return number(value, TABLE)
        if role == Qt.ItemDataRole.EditRole:
            return full(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"{self.cell_name(row, col)} = {full(value)}"
            previous = self._previous(row, col)
            if previous is not None and previous != value:
                text += "\n" + self.tr("before the update: {0}").format(full(previous))
            return text
        return None

    def cell_name(self, row: int, col: int) -> str:
        """The cell's quantity by its name and the neurons it belongs to: W¹₁₂ (h₁ ← x₂),
        ∂J/∂b¹₁ (h₁), m(γ¹₂) (h₂)."""
        sizes = self.document.network.sizes
        if self.kind == "W":
            return f"{self.what.name(self.layer, row, col)} ({connection(sizes, self.layer, row, col)})"
        return f"{self.what.name(self.layer, row)} ({neuron_name(sizes, self.layer, row)})"

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        net = self.document.network
        if orientation == Qt.Orientation.Vertical:
            return neuron_name(net.sizes, self.layer, section) if self.layer <= net.depth else None
        if self.kind == "W":
            return neuron_name(net.sizes, self.layer - 1, section)
        return symbols.parameter_symbol(self.kind)

    def flags(self, index: IndexLike) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_parameter() and not self.controller.running:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: IndexLike, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.is_parameter() or not index.isValid():
            return False
        try:
            typed = value if isinstance(value, float) else read_number(str(value))
        except RefusedError:
            return False
        if not math.isfinite(typed):
            return False
        col = index.column() if self.kind == "W" else None
        return self.controller.set_parameter(self.layer, self.kind, index.row(), col, typed)

    def _values_changed(self, *_: object) -> None:
        self._fresh = False
        rows, cols = self.rowCount(), self.columnCount()
        if rows and cols:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))

    def retarget(self, layer: int) -> None:
        """Show the same quantity of another layer (cheaper than a new model and table).

        A layer of the same shape changes only the numbers and the row names: the view keeps its
        size, selection and scroll position and repaints its cells (a reset would lay it out again).
        """
        shape = self._shape()
        same = self._shape(layer) == shape
        if not same:
            self.beginResetModel()
        self.layer = layer
        self._fresh = False
        self._values = self._mask = None
        if not same:
            self.endResetModel()
            return
        rows, cols = shape
        if rows and cols:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, cols - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))

    def detach(self) -> None:
        for signal in (
            self.document.parameters_changed,
            self.document.step_changed,
            self.document.settings_changed,
        ):
            signal.disconnect(self._values_changed)


def cell_margin(widget: QWidget | None) -> int:
    """The room a cell keeps on each side of its text (as QCommonStyle draws an item's text)."""
    style = widget.style() if widget is not None else QApplication.style()
    return style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1


class NumberDelegate(QStyledItemDelegate):
    """A line editor for a number: the typed value is used, or refused with a message.

    No validator: QDoubleValidator would drop the keystrokes it cannot place (a decimal comma
    turned `0,05` into `005` = 5). The text is read on commit; a refused text leaves the cell at
    the value in use and says why in the status bar.
    """

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: IndexLike) -> QWidget:
        return QLineEdit(parent)

    def initStyleOption(self, option: QStyleOptionViewItem, index: IndexLike) -> None:
        """A number too wide for its column is shown with fewer digits rather than cut by Qt's
        elision, which kept "-6.137914e+2…" and so showed e+2 for e+299. The whole value stays in
        the cell's tooltip and editor."""
        super().initStyleOption(option, index)
        exact = index.data(Qt.ItemDataRole.EditRole)
        if exact is None:
            return  # not computed yet: "—"
        room = option.rect.width() - 2 * cell_margin(option.widget)
        metrics = option.fontMetrics
        option.text = shorten(float(exact), TABLE, lambda text: metrics.horizontalAdvance(text) <= room)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: IndexLike) -> None:
        assert isinstance(editor, QLineEdit)
        text = editor.text()
        try:
            value = read_number(text)
        except RefusedError as exc:
            row = model.headerData(index.row(), Qt.Orientation.Vertical)
            column = model.headerData(index.column(), Qt.Orientation.Horizontal)
            announce(
                editor.parentWidget() or editor, refusal(f"{row}, {column}", str(exc), str(index.data()))
            )
            return
        if model.setData(index, value, Qt.ItemDataRole.EditRole):
            withdraw(editor.parentWidget() or editor)  # accepted: an earlier refusal is void


class MeasuredHeader(QHeaderView):
    """A header whose size hint is the table's measure of its names (see ParameterTable._fit).

    QHeaderView's own hint asks the model for every section's text, font and size on each change
    of the names: when the dock follows the phases through a 64-neuron network that is a few
    thousand calls per phase, for a width that depends only on the longest name.
    """

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self.measured: QSize | None = None

    def sizeHint(self) -> QSize:
        return self.measured if self.measured is not None else super().sizeHint()


class ParameterTable(QTableView):
    def __init__(self, model: ParameterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalHeader(MeasuredHeader(Qt.Orientation.Vertical, self))
        self.setHorizontalHeader(MeasuredHeader(Qt.Orientation.Horizontal, self))
        self.setModel(model)
        self.setItemDelegate(NumberDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        self.setFont(font)
        # fixed sizes from the font: measuring every cell on each change is far too slow for 64 × 64
        metrics = self.fontMetrics()  # the font as resolved for this widget (its size is the application's)
        self.horizontalHeader().setDefaultSectionSize(metrics.horizontalAdvance("-0.0000000") + 10)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the shortest form of any number ("-6e+299") fits a column however narrow the learner drags it
        self.horizontalHeader().setMinimumSectionSize(
            max(metrics.horizontalAdvance("x₀₀"), metrics.horizontalAdvance("-0e+000")) + 10
        )
        self.verticalHeader().setDefaultSectionSize(metrics.height() + 6)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._fitted: tuple[int, int, int] | None = None
        self._measured: dict[tuple[int, int, int], tuple[int, int, int, tuple[QSize, QSize]]] = {}
        self._fit()
        model.modelReset.connect(self._fit)
        model.headerDataChanged.connect(self._fit)  # another layer: its names may be longer

    def _fit(self, *_: object) -> None:
        """As tall as its rows (up to SHOWN_ROWS) and as wide as its columns, so a small matrix
        shows every number without scroll bars of its own. A wider matrix shows at least
        SHOWN_COLUMNS columns (it fits a narrow dock), takes the width the dock has beside its
        bias table, and scrolls. Sizes come from the font and the shape only: measuring every
        cell of a 64 × 64 layer on each phase would be far too slow."""
        model = self.model()
        rows, columns = model.rowCount(), model.columnCount()
        # The row header is as wide as the longest neuron name of the whole network (each layer's
        # last name has the most digits), so the dock following the phases from layer to layer
        # (h¹₁ … ŷ₁) does not resize it; an edit that lengthens the names (adding a layer turns
        # h₁₀ into h¹₁₀) fits the table again.
        assert isinstance(model, ParameterModel)
        net = model.document.network
        names = [neuron_name(net.sizes, layer, size - 1) for layer, size in enumerate(net.sizes) if layer]
        key = (rows, columns, max(map(len, names), default=0))
        if key == self._fitted:
            return  # another layer of the same shape (the dock following the phases): same size
        self._fitted = key
        if key not in self._measured:  # the dock follows the phases back and forth between shapes
            self._measured[key] = self._measure(rows, columns, names)
        names_width, head, height, hints = self._measured[key]
        vertical, horizontal = self.verticalHeader(), self.horizontalHeader()
        assert isinstance(vertical, MeasuredHeader) and isinstance(horizontal, MeasuredHeader)
        vertical.setMinimumWidth(names_width)
        vertical.measured, horizontal.measured = hints
        section = self.horizontalHeader().defaultSectionSize()
        self.setFixedHeight(height + 2 * self.frameWidth())
        whole = head + section * max(columns, 1)
        if columns <= SHOWN_COLUMNS:
            self.setFixedWidth(whole)
            self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        else:
            self.setMinimumWidth(head + section * SHOWN_COLUMNS)
            self.setMaximumWidth(whole)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _measure(
        self, rows: int, columns: int, names: list[str]
    ) -> tuple[int, int, int, tuple[QSize, QSize]]:
        """(width of the row names, width of the row header with its frame, height of the rows,
        the size hints of the two headers)."""
        horizontal, vertical = self.horizontalHeader(), self.verticalHeader()
        assert isinstance(vertical, MeasuredHeader) and isinstance(horizontal, MeasuredHeader)
        vertical.measured = horizontal.measured = None  # measure with Qt's own hints
        frame = 2 * self.frameWidth()
        # The header's own size hint is cached per shape and missed h₁₀ becoming h¹₁₀: the names are
        # measured here (a few short strings), and the header is kept at least that wide.
        margin = 2 * vertical.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, vertical)
        metrics = vertical.fontMetrics()
        names_width = max((metrics.horizontalAdvance(name) for name in names), default=0) + margin
        vertical.setMinimumWidth(names_width)
        hints = (QSize(max(vertical.sizeHint().width(), names_width), 0), horizontal.sizeHint())
        head = hints[0].width() + frame
        if rows > SHOWN_ROWS:
            head += self.verticalScrollBar().sizeHint().width()
        height = hints[1].height() + vertical.defaultSectionSize() * min(max(rows, 1), SHOWN_ROWS)
        if columns > SHOWN_COLUMNS:
            height += self.horizontalScrollBar().sizeHint().height()
        return names_width, head, height, hints

    def expands(self) -> bool:
        """A matrix too wide to show whole: its table takes the width the dock can give."""
        return self.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Expanding

    def sizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.minimumHeight())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class ParametersPanel(QWidget):
    """Layer selector and, for that layer, the tables of parameters, gradients and optimizer state.

    The selector follows the computation: after a feedforward or δ phase (or one layer of it) it
    shows the last layer that phase worked on, so the new ∂J/∂W is on screen without searching.
    A layer the learner picks in the combo stays until the next step starts.
    """

    def __init__(
        self, document: NetworkDocument, controller: Controller, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.models: dict[str, ParameterModel] = {}
        self.tables: dict[str, ParameterTable] = {}
        self._groups: list[tuple[QGroupBox, str]] = []

        self.layer_label = QLabel()
        self.layer_combo = QComboBox()
        self.layer_combo.currentIndexChanged.connect(self._rebuild)
        self.layer_combo.activated.connect(self._layer_picked)
        self.following = True  # False once the learner picks a layer, until the next step starts
        self.batch_norm_box = QCheckBox()
        self.batch_norm_box.setObjectName("batch_norm_box")
        self.batch_norm_box.clicked.connect(self._batch_norm_clicked)
        click_only(self.batch_norm_box)
        top = QHBoxLayout()
        top.addWidget(self.layer_label)
        top.addWidget(self.layer_combo, 1)
        top.addWidget(self.batch_norm_box)

        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(0, 0, 0, 0)
        # the space left over is on the right (see _update_stretch) and at the bottom
        self.grid.setColumnStretch(2, 1)
        # small tables have no scroll bars of their own: when the dock is too small, it scrolls
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

        document.structure_changed.connect(self._fill_layers)
        document.replaced.connect(self._fill_layers)
        document.settings_changed.connect(self._rebuild_if_buffers_changed)
        document.settings_changed.connect(self._update_batch_norm_box)
        document.step_changed.connect(self._follow)
        document.replaced.connect(self._follow_again)
        self._buffers: tuple[str, ...] = ()
        self._arrangement: list[tuple[str, int, int]] = []  # (quantity, row, column) of the grid
        self._stacked: bool | None = None  # all tables in one column (a narrow dock)
        self._fill_layers()
        self.retranslate()

    def sizeHint(self) -> QSize:
        """Wide enough for the tables and the dock's own vertical scroll bar (a large layer's
        tables are taller than the dock): then only the dock scrolls, and only up and down."""
        hint = super().sizeHint()
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        body = self.body.sizeHint().width() + bar + margins.left() + margins.right()
        return QSize(max(hint.width(), body), hint.height())

    @property
    def layer(self) -> int:
        return max(1, self.layer_combo.currentIndex() + 1)

    def select_layer(self, layer: int) -> None:
        self.layer_combo.setCurrentIndex(layer - 1)

    def _layer_picked(self, _index: int) -> None:
        """The learner chose a layer in the combo (mouse or keys): it stays until the next step."""
        self.following = False

    def _follow(self, event: PhaseEvent | None) -> None:
        """Show the layer the phase just computed; a finished step releases the learner's pick."""
        if event is None:
            return  # undo, edit or reset: nothing was computed
        if event.step_completed:
            self.following = True
            return  # the update touched every layer: the one on screen is as good as any
        if self.following and event.layers and event.phase in (Phase.FEEDFORWARD, Phase.BACKWARD):
            layer = event.layers[-1]
            if 1 <= layer <= self.layer_combo.count() and layer != self.layer:
                self.select_layer(layer)

    def _follow_again(self) -> None:
        self.following = True

    def _batch_norm_clicked(self, on: bool) -> None:
        # the box shows the state in use while the controller decides: a refusal's message box
        # must not appear over a ticked box; a change that goes through ticks it (settings_changed)
        self._update_batch_norm_box()
        self.controller.set_batch_norm(self.layer, on)
        self._update_batch_norm_box()  # the document's word is final (also when it refused)

    def _update_batch_norm_box(self) -> None:
        net = self.document.network
        layer = self.layer
        hidden = 1 <= layer < net.depth
        box = self.batch_norm_box
        box.setChecked(hidden and net.specs[layer].batch_norm)
        box.setEnabled(hidden)
        if hidden:
            box.setToolTip(
                self.tr(
                    "Normalise this layer's z over the batch, then scale by γ and shift by β "
                    "(needs a batch size of 2 or more)"
                )
            )
        else:
            box.setToolTip(self.tr("Batch normalisation is for hidden layers only"))

    def model(self, quantity: str) -> ParameterModel:
        return self.models[quantity]

    def _fill_layers(self) -> None:
        net = self.document.network
        keep = self.layer_combo.currentIndex()
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        for layer in range(1, net.depth + 1):
            self.layer_combo.addItem(layer_title(net, layer))
        self.layer_combo.setCurrentIndex(min(max(keep, 0), net.depth - 1))
        self.layer_combo.blockSignals(False)
        self._rebuild()

    def _rebuild_if_buffers_changed(self) -> None:
        if tuple(self.document.optimizer_buffers) != self._buffers:
            self._rebuild()

    def _quantities(self) -> list[tuple[str, str, int, int]]:
        """(quantity, title, row, column) of each table in the grid."""
        net = self.document.network
        layer = self.layer
        grid = [(Quantity("W"), 0, 0), (Quantity("b"), 0, 1)]
        grid += [(Quantity("W", gradient=True), 1, 0), (Quantity("b", gradient=True), 1, 1)]
        row = 2
        if net.has(layer, "gamma"):
            grid += [(Quantity("gamma"), row, 0), (Quantity("beta"), row, 1)]
            grid += [
                (Quantity("gamma", gradient=True), row + 1, 0),
                (Quantity("beta", gradient=True), row + 1, 1),
            ]
            row += 2
        for buffer in self._buffers:
            grid += [(Quantity("W", buffer=buffer), row, 0), (Quantity("b", buffer=buffer), row, 1)]
            row += 1
        return [(str(what), what.title(layer), row, column) for what, row, column in grid]

    def _rebuild(self) -> None:
        """Show the tables of the selected layer.

        When the new layer has the same tables (the usual case when the dock follows the phases),
        the models are pointed at it and reset: rebuilding the widgets of a 64 × 64 layer on every
        phase would cost more than the phase itself.
        """
        self._buffers = tuple(self.document.optimizer_buffers)
        quantities = self._quantities()
        if self.models and [(q, r, c) for q, _, r, c in quantities] == self._arrangement:
            for quantity, _title, _row, _column in quantities:
                self.models[quantity].retarget(self.layer)
            self._groups = [
                (group, title) for (group, _), (_, title, _, _) in zip(self._groups, quantities, strict=True)
            ]
            self._retitle()
            self._update_batch_norm_box()
            self._update_stretch()
            return
        self._arrangement = [(q, r, c) for q, _, r, c in quantities]
        for model in self.models.values():
            model.detach()
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deleteLater waits for the event loop
                widget.setParent(None)
                widget.deleteLater()
        self.models.clear()
        self.tables.clear()
        self._groups.clear()
        for quantity, title, _row, _column in quantities:
            model = ParameterModel(self.document, self.controller, self.layer, quantity, self)
            table = ParameterTable(model)
            group = QGroupBox()
            box = QVBoxLayout(group)
            box.setContentsMargins(4, 4, 4, 4)
            box.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinAndMaxSize)  # no wider than its table
            box.addWidget(table)
            self.models[quantity] = model
            self.tables[quantity] = table
            self._groups.append((group, title))
        self._stacked = None
        self._retitle()
        self._update_batch_norm_box()
        self._update_stretch()

    def _place(self) -> None:
        """Each table beside its partner (W beside b, ∂J/∂W beside ∂J/∂b) when the dock is wide
        enough for both, else all in one column: the dock then scrolls up and down, never sideways.

        A matrix whose columns all fit the dock's width shows them all: side by side when both fit
        whole, else one under the other. Only a matrix too wide for the dock anyway scrolls inside
        its table, beside its partner. The widths come from the tables' fitted sizes (no measuring)."""
        if len(self._groups) != len(self._arrangement):
            return  # in the middle of a rebuild
        placed = [
            (group, quantity, row, column)
            for (group, _), (quantity, row, column) in zip(self._groups, self._arrangement, strict=True)
        ]
        least, whole = [0, 0], [0, 0]
        for group, quantity, _, column in placed:
            table = self.tables[quantity]
            least[column] = max(least[column], group.minimumSizeHint().width())
            shown = group.minimumSizeHint().width() - table.minimumWidth() + table.maximumWidth()
            whole[column] = max(whole[column], shown)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = self.scroll_area.width() - bar  # as if it scrolled: showing the bar changes nothing
        spacing = self.grid.horizontalSpacing()
        if whole[0] + spacing + whole[1] <= room:
            stacked = False
        elif max(whole) <= room:
            stacked = True
        else:
            stacked = least[0] + spacing + least[1] > room
        if stacked == self._stacked:
            return
        self._stacked = stacked
        for group, _, _, _ in placed:
            self.grid.removeWidget(group)
        for group, _, row, column in placed:
            at = (2 * row + column, 0) if stacked else (row, column)
            self.grid.addWidget(group, *at, Qt.AlignmentFlag.AlignTop)
        used = max((2 * row + column if stacked else row for _, _, row, column in placed), default=-1) + 1
        for row in range(self.grid.rowCount() + 1):
            self.grid.setRowStretch(row, 1 if row == used else 0)  # the spare height below the tables

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _update_stretch(self) -> None:
        """Small tables keep their size, the dock's spare width on their right; a wide matrix's
        column takes that width instead, to show more of its columns. Then the tables are placed
        for the dock's width."""
        self._place()
        wide = any(table.expands() for table in self.tables.values())
        if self.grid.columnStretch(0) != int(wide):
            self.grid.setColumnStretch(0, int(wide))
            self.grid.setColumnStretch(2, int(not wide))

    def _retitle(self) -> None:
        descriptions = {
            "W": self.tr("weights"),
            "b": self.tr("biases"),
            "grad_w": self.tr("gradient of the weights"),
            "grad_b": self.tr("gradient of the biases"),
            "gamma": self.tr("batch-norm scale"),
            "beta": self.tr("batch-norm shift"),
            "grad_gamma": self.tr("gradient of γ"),
            "grad_beta": self.tr("gradient of β"),
            "velocity": self.tr("optimizer velocity"),
            "m": self.tr("Adam first moment"),
            "v": self.tr("Adam second moment"),
        }
        for (group, title), quantity in zip(self._groups, self.models, strict=True):
            key = self.models[quantity].what.topic
            # the symbol is the title, the words its tooltip: a long title ("∂J/∂b¹ — gradient of
            # the biases") made its table wide and pushed the next one out of a narrow dock
            group.setTitle(title)
            group.setToolTip(f"{title} — {descriptions.get(key, key)}")
            self.tables[quantity].setAccessibleName(group.toolTip())  # what a screen reader says

    def retranslate(self) -> None:
        self.layer_label.setText(self.tr("Layer:"))
        self.layer_combo.setToolTip(
            self.tr("Follows the layer being computed; a layer you pick stays until the next step starts")
        )
        self.batch_norm_box.setText(self.tr("Batch normalisation"))
        self._update_batch_norm_box()
        net = self.document.network
        for layer in range(1, min(net.depth, self.layer_combo.count()) + 1):
            self.layer_combo.setItemText(layer - 1, layer_title(net, layer))
        self._retitle()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
