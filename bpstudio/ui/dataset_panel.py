"""The dataset: an editable table of samples (inputs, then targets), the current batch highlighted.

After feedforward two read-only columns show, for the samples of the step's batch, the network's
output ŷ and the per-sample loss L; a click on a row chooses the sample the canvas shows.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpstudio.controller import Controller
from bpstudio.document.document import NetworkDocument
from bpstudio.notation import scripts, symbols
from bpstudio.notation.names import input_name, output_name, target_name
from bpstudio.notation.numbers import TABLE, full, number
from bpstudio.ui.fields import RefusedError, click_only, read_number
from bpstudio.ui.parameters import NumberDelegate

BATCH = QColor(200, 230, 201)  # green: the samples of the step in progress
TARGET_HEADER = QColor(255, 243, 224)
COMPUTED_HEADER = QColor(227, 242, 253)  # blue: ŷ and L, computed by feedforward (not editable)
COMPUTED_TEXT = QColor(13, 71, 161)
NOT_COMPUTED = "—"

IndexLike = QModelIndex | QPersistentModelIndex
STRETCH_COLUMNS = 8


class DatasetModel(QAbstractTableModel):
    def __init__(
        self, document: NetworkDocument, controller: Controller, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self._shape = self._current_shape()
        self._batch: set[int] | None = None
        self._outputs: dict[int, int] | None = None  # dataset row -> row of the trace, once ŷ exists
        self._shown: int | None = None
        document.dataset_changed.connect(self._reshape)
        document.structure_changed.connect(self._reshape)
        document.replaced.connect(self._reshape)
        document.step_changed.connect(self._batch_changed)
        document.settings_changed.connect(self._batch_changed)
        document.shown_sample_changed.connect(self._shown_changed)

    def _current_shape(self) -> tuple[int, int, int]:
        data = self.document.dataset
        return data.size, data.inputs.shape[1], data.targets.shape[1]

    @property
    def data_columns(self) -> int:
        """Inputs and targets: the editable columns; ŷ and L follow them."""
        return self._shape[1] + self._shape[2]

    @property
    def output_column(self) -> int:
        """The first ŷ column."""
        return self.data_columns

    @property
    def loss_column(self) -> int:
        return self.data_columns + self._shape[2]

    def _reshape(self) -> None:
        self._batch = None
        self._outputs = None
        self._shown = None
        shape = self._current_shape()
        if shape != self._shape:
            self.beginResetModel()
            self._shape = shape
            self.endResetModel()
        elif shape[0]:
            self.dataChanged.emit(self.index(0, 0), self.index(shape[0] - 1, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))

    def _batch_changed(self, *_: object) -> None:
        before, outputs_before = self._batch, self._outputs
        self._batch = None
        self._outputs = None
        rows, cols = self.rowCount(), self.columnCount()
        if not rows:
            return
        outputs = self.output_rows()
        if outputs or outputs_before:
            # ŷ and L change with every feedforward (and go back to — on step back / undo)
            self.dataChanged.emit(self.index(0, self.output_column), self.index(rows - 1, cols - 1))
        self._shown_changed()
        if before is not None and self.batch_rows() == before:
            return  # most phases keep the batch: nothing to repaint
        self.dataChanged.emit(
            self.index(0, 0), self.index(rows - 1, cols - 1), [Qt.ItemDataRole.BackgroundRole]
        )

    def _shown_changed(self) -> None:
        """Repaint the row the canvas shows (bold) and the one it showed before."""
        before = self._shown
        self._shown = None
        now = self.shown_row()
        for row in {before, now}:
            if row is not None and row < self.rowCount():
                self.dataChanged.emit(
                    self.index(row, 0), self.index(row, self.columnCount() - 1), [Qt.ItemDataRole.FontRole]
                )
        if before != now:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(0, self.rowCount() - 1))

    def shown_row(self) -> int | None:
        """The dataset row whose values the canvas shows."""
        if self._shown is None:
            shown = self.document.displayed_sample()
            self._shown = None if shown is None else shown[0]
        return self._shown

    def output_rows(self) -> dict[int, int]:
        """Dataset row -> row in the trace for the samples whose ŷ and loss are computed."""
        if self._outputs is None:
            trace = self.document.trace
            outputs: dict[int, int] = {}
            if trace is not None and trace.losses is not None and trace.layers[-1].a is not None:
                outputs = {int(sample): k for k, sample in enumerate(trace.batch)}
            self._outputs = outputs
        return self._outputs

    def computed(self, row: int, column: int) -> float | None:
        """ŷ or L of a sample after feedforward (None: not computed in this step)."""
        trace = self.document.trace
        k = self.output_rows().get(row)
        if k is None or trace is None:
            return None
        if column == self.loss_column:
            losses = trace.losses
            return None if losses is None else float(losses[k])
        a = trace.layers[-1].a
        j = column - self.output_column
        return None if a is None or not 0 <= j < a.shape[1] else float(a[k, j])

    def batch_rows(self) -> set[int]:
        """The rows of the batch the canvas shows (the document's shown_batch: the trace's batch
        once a step has begun, also a finished one, else the next batch)."""
        if self._batch is None:
            self._batch = {int(i) for i in self.document.shown_batch()}
        return self._batch

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shape[0]

    def columnCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        # inputs, targets, then ŷ (one per output) and the loss L
        return 0 if parent.isValid() else self._shape[1] + 2 * self._shape[2] + 1

    def _value(self, row: int, column: int) -> float | None:
        data = self.document.dataset
        n_in = data.inputs.shape[1]
        if row >= data.size or column >= n_in + data.targets.shape[1]:
            return None
        return float(data.inputs[row, column] if column < n_in else data.targets[row, column - n_in])

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(BATCH) if row in self.batch_rows() else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            if row != self.shown_row():
                return None
            font = QFont()
            font.setBold(True)
            return font
        if column >= self.data_columns:
            return self._computed_data(row, column, role)
        value = self._value(row, column)
        if value is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return number(value, TABLE)
        if role in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return full(value)
        return None

    def _computed_data(self, row: int, column: int, role: int) -> Any:
        value = self.computed(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(COMPUTED_TEXT)
        if role == Qt.ItemDataRole.DisplayRole:
            return NOT_COMPUTED if value is None else number(value, TABLE)
        if role == Qt.ItemDataRole.ToolTipRole:
            trace = self.document.trace
            if value is None or trace is None:
                return self.tr("Computed by the feedforward phase for the samples of the batch")
            return full(value) + "\n" + self.tr("from the feedforward of step {0}").format(trace.step + 1)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                # ▸ marks the sample whose values the canvas shows
                return ("▸ " if section == self.shown_row() else "") + str(section + 1)
            if role == Qt.ItemDataRole.ToolTipRole and section == self.shown_row():
                return self.tr("The canvas shows this sample")
            return None
        if section >= self.data_columns:
            return self._computed_header(section, role)
        n_in, n_out = self._shape[1], self._shape[2]
        extras = self.document.extras
        if role == Qt.ItemDataRole.DisplayRole:
            if section < n_in:
                names = extras.get("input_names")
                label = input_name(section)
                return _with_name(label, names[section] if names and len(names) == n_in else None)
            k = section - n_in
            names = extras.get("output_names")
            label = target_name(n_out, k)
            return _with_name(label, names[k] if names and len(names) == n_out else None)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("input") if section < n_in else self.tr("target")
        if role == Qt.ItemDataRole.BackgroundRole and section >= n_in:
            return QBrush(TARGET_HEADER)
        return None

    def _computed_header(self, section: int, role: int) -> Any:
        n_out = self._shape[2]
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.loss_column:
                return symbols.LOSS
            k = section - self.output_column
            return output_name(n_out, k)
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == self.loss_column:
                return self.tr("loss of the sample, computed by feedforward")
            return self.tr("output of the network for the sample, computed by feedforward")
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(COMPUTED_HEADER)
        return None

    def flags(self, index: IndexLike) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.controller.running and index.column() < self.data_columns:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: IndexLike, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() >= self.data_columns:
            return False
        try:
            number = value if isinstance(value, float) else read_number(str(value))
        except RefusedError:
            return False
        if not math.isfinite(number):
            return False
        return self.controller.set_sample_value(index.row(), index.column(), number)


def _with_name(label: str, name: str | None) -> str:
    """x₁ (age) when the file names the column, plain x₁ when the name only repeats it."""
    plain = scripts.plain_digits(label)
    if not name or name.replace("_", "").lower() in (plain.lower(), label.lower()):
        return label
    return f"{label} ({name})"


class DatasetPanel(QWidget):
    def __init__(
        self, document: NetworkDocument, controller: Controller, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.model = DatasetModel(document, controller, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(NumberDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.clicked.connect(self._row_chosen)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_moved)
        self._fit_columns()
        self.model.modelReset.connect(self._fit_columns)
        self.model.headerDataChanged.connect(self._fit_columns)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.info = QLabel()
        self.info.setWordWrap(True)  # a long batch list must not widen the dock
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.import_button = QPushButton()
        self.add_button.clicked.connect(self.controller.add_sample)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.import_csv)
        click_only(self.add_button, self.remove_button, self.import_button)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for signal in (
            document.dataset_changed,
            document.step_changed,
            document.settings_changed,
            document.replaced,
            document.shown_sample_changed,
        ):
            signal.connect(self._update_info)
        self.retranslate()

    def _row_chosen(self, index: QModelIndex) -> None:
        """A click on a row: the canvas shows that sample (view state, not an undo entry)."""
        if index.isValid():
            self.controller.show_sample(index.row())

    def _current_row_moved(self, current: QModelIndex, previous: QModelIndex) -> None:
        # arrow keys from one row to another; not the current index Qt sets on focus or reset
        if current.isValid() and previous.isValid() and current.row() != previous.row():
            self.controller.show_sample(current.row())

    def _fit_columns(self, *_: object) -> None:
        """Few columns share the width; many get a readable fixed width and a scroll bar.

        A column whose title is wider than its numbers (y (x1 XOR x2)) keeps the title's width, so
        the title is never cut; measured from the header only, not from every cell on each step.
        """
        header = self.table.horizontalHeader()
        number = self.fontMetrics().horizontalAdvance("−0.0000000") + 12
        if self.model.columnCount() > STRETCH_COLUMNS:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setDefaultSectionSize(number)
            return
        metrics = header.fontMetrics()
        for section in range(self.model.columnCount()):
            title = str(self.model.headerData(section, Qt.Orientation.Horizontal) or "")
            width = metrics.horizontalAdvance(title) + 16
            if width > number:
                header.setSectionResizeMode(section, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(section, width)
            else:
                header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows:
            rows = {index.row() for index in self.table.selectedIndexes()}
        if rows:
            self.controller.remove_samples(rows)

    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import samples from CSV"), "", self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if path:
            self.controller.import_csv(path)  # type: ignore[arg-type]

    def _update_info(self, *_: object) -> None:
        data = self.document.dataset
        batch = sorted(self.model.batch_rows())
        shown = ", ".join(str(i + 1) for i in batch[:8]) + (" …" if len(batch) > 8 else "")
        trace = self.document.trace
        if trace is None:
            line = self.tr("Samples: {0} · batch size: {1} · next batch: {2}")
        elif trace.complete:
            line = self.tr("Samples: {0} · batch size: {1} · batch just computed: {2}")
        else:
            line = self.tr("Samples: {0} · batch size: {1} · batch of this step: {2}")
        text = line.format(data.size, self.document.training.batch_size, shown)
        self.info.setText(text + "\n" + self.shown_text())

    def shown_text(self) -> str:
        """Which sample the canvas shows, and why when it is not the one the learner clicked."""
        doc = self.document
        displayed = doc.displayed_sample()
        if displayed is None:
            return ""
        row, position = displayed
        batch = len(doc.shown_batch())
        if batch == 1:
            text = self.tr("The canvas shows sample {0}.").format(row + 1)
        else:
            text = self.tr("The canvas shows sample {0} ({1} of {2} in the batch).").format(
                row + 1, position + 1, batch
            )
        chosen = doc.shown_sample
        if chosen is not None and chosen != row:
            text += " " + self.tr("Sample {0} is not in this batch.").format(chosen + 1)
        elif batch > 1 and chosen is None:
            text += " " + self.tr("Click a row to show another.")
        return text

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add sample"))
        self.remove_button.setText(self.tr("Remove selected"))
        self.import_button.setText(self.tr("Import CSV…"))
        self.add_button.setToolTip(self.tr("Append a copy of the last sample"))
        self.import_button.setToolTip(
            self.tr(
                "Each row: the inputs, then the targets, separated by commas, or by semicolons with "
                "decimal commas (0,5); a header row is allowed"
            )
        )
        self._update_info()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
