"""The dataset: an editable table of samples (inputs, then targets), the current batch highlighted."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
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
from bpstudio.ui.fields import RefusedError, read_number
from bpstudio.ui.labels import format_value, sub
from bpstudio.ui.parameters import NumberDelegate

BATCH = QColor(200, 230, 201)  # green: the samples of the step in progress
TARGET_HEADER = QColor(255, 243, 224)

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
        document.dataset_changed.connect(self._reshape)
        document.structure_changed.connect(self._reshape)
        document.replaced.connect(self._reshape)
        document.step_changed.connect(self._batch_changed)
        document.settings_changed.connect(self._batch_changed)

    def _current_shape(self) -> tuple[int, int, int]:
        data = self.document.dataset
        return data.size, data.inputs.shape[1], data.targets.shape[1]

    def _reshape(self) -> None:
        self._batch = None
        shape = self._current_shape()
        if shape != self._shape:
            self.beginResetModel()
            self._shape = shape
            self.endResetModel()
        elif shape[0]:
            self.dataChanged.emit(self.index(0, 0), self.index(shape[0] - 1, shape[1] + shape[2] - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, shape[1] + shape[2] - 1))

    def _batch_changed(self, *_: object) -> None:
        before = self._batch
        self._batch = None
        if before is not None and self.batch_rows() == before:
            return  # most phases keep the batch: nothing to repaint
        rows, cols = self.rowCount(), self.columnCount()
        if rows and cols:
            self.dataChanged.emit(
                self.index(0, 0), self.index(rows - 1, cols - 1), [Qt.ItemDataRole.BackgroundRole]
            )

    def batch_rows(self) -> set[int]:
        if self._batch is None:
            trace = self.document.trace
            # a finished step's batch is history: show the batch the next phase will use
            if trace is not None and not trace.complete:
                batch = trace.batch
            else:
                batch = self.document.stepper.current_batch()
            self._batch = {int(i) for i in batch}
        return self._batch

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shape[0]

    def columnCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shape[1] + self._shape[2]

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
        value = self._value(row, column)
        if value is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(value)
        if role in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return repr(value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        n_in, n_out = self._shape[1], self._shape[2]
        extras = self.document.extras
        if role == Qt.ItemDataRole.DisplayRole:
            if section < n_in:
                names = extras.get("input_names")
                label = f"x{sub(section + 1)}"
                return _with_name(label, names[section] if names and len(names) == n_in else None)
            k = section - n_in
            names = extras.get("output_names")
            label = "y" if n_out == 1 else f"y{sub(k + 1)}"
            return _with_name(label, names[k] if names and len(names) == n_out else None)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("input") if section < n_in else self.tr("target")
        if role == Qt.ItemDataRole.BackgroundRole and section >= n_in:
            return QBrush(TARGET_HEADER)
        return None

    def flags(self, index: IndexLike) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.controller.running:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: IndexLike, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
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
    plain = label.translate(str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789"))
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
        self._fit_columns()
        self.model.modelReset.connect(self._fit_columns)
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
        ):
            signal.connect(self._update_info)
        self.retranslate()

    def _fit_columns(self) -> None:
        """Few columns share the width; many get a readable fixed width and a scroll bar."""
        header = self.table.horizontalHeader()
        if self.model.columnCount() <= STRETCH_COLUMNS:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setDefaultSectionSize(self.fontMetrics().horizontalAdvance("−0.0000000") + 12)

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
        self.info.setText(
            self.tr("Samples: {0} · batch size: {1} · current batch: {2}").format(
                data.size, self.document.stepper.training.batch_size, shown
            )
        )

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add sample"))
        self.remove_button.setText(self.tr("Remove selected"))
        self.import_button.setText(self.tr("Import CSV…"))
        self.add_button.setToolTip(self.tr("Append a copy of the last sample"))
        self.import_button.setToolTip(
            self.tr("Each row: the inputs, then the targets, separated by commas; a header row is allowed")
        )
        self._update_info()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
