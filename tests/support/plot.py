"""The loss plot driven by the mouse wheel, as a learner zooms it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from bpstudio.ui.main_window import MainWindow


def wheel_on_plot(window: MainWindow, notches: int) -> None:
    """Turn the mouse wheel over the middle of the plot, as a learner zooming in does."""
    view = window.loss_plot.plot
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
