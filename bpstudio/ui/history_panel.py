"""The History dock: every undoable change in order; clicking an entry goes back (or forward) to it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from bpstudio.controller import Controller
from bpstudio.document.document import NetworkDocument
from bpstudio.ui import i18n

IndexLike = QModelIndex | QPersistentModelIndex
UNDONE = QColor(150, 150, 150)


class HistoryModel(QAbstractListModel):
    """Row 0 is the network as opened; row i is the state after the i-th recorded change."""

    def __init__(self, document: NetworkDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        document.history.changed.connect(self._changed)
        document.replaced.connect(self._changed)

    def _changed(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: IndexLike = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.document.history.count() + 1

    def data(self, index: IndexLike, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        history = self.document.history
        if role == Qt.ItemDataRole.DisplayRole:
            if row == 0:
                return self.tr("Opened: {0}").format(i18n.network_name(self.document) or self.tr("untitled"))
            return history.command(row - 1).text
        if role == Qt.ItemDataRole.FontRole and row == history.index():
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row > history.index():
            return QBrush(UNDONE)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row > history.index():
                return self.tr("Undone; click to redo up to here")
            return self.tr("Click to go back to this state")
        return None


class HistoryPanel(QWidget):
    def __init__(
        self, document: NetworkDocument, controller: Controller, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.controller = controller
        self.model = HistoryModel(document, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)  # one row height: a reset per phase does not measure every row
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.clicked.connect(self._clicked)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        self.model.modelReset.connect(self._show_current)
        self.retranslate()
        self._show_current()

    def _clicked(self, index: QModelIndex) -> None:
        self.controller.go_to(index.row())
        self._show_current()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_current()

    def _show_current(self) -> None:
        if not self.isVisible():
            return  # done when the dock is shown
        current = self.model.index(self.document.history.index(), 0)
        self.view.setCurrentIndex(current)
        self.view.scrollTo(current)

    def retranslate(self) -> None:
        self.note.setText(
            self.tr("Every change and every phase, oldest first. Click an entry to return to it.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
