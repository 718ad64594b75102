"""Window sizes and the counters label: what keeps the studio window inside a small screen.

A school laptop shows 1024×700 (or 1366×768). The window must fit there whatever happens while
training, so every size decision that depends on the screen or on the content lives here as a
plain function the window and the tests share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QDockWidget, QLabel, QScrollArea, QSizePolicy, QStyle, QWidget

if TYPE_CHECKING:
    from bpstudio.ui.main_window import MainWindow

PREFERRED_WINDOW = QSize(1440, 900)  # the first start on a large screen
SMALLEST_SCREEN = QSize(1024, 700)  # the window's minimum size must fit this
LAYOUT_VERSION = 2  # saved layouts of another version are ignored (version 1 could be broken)
WIDE_LAYOUT = 1280  # from this window width the loss plot has its own place beside the dataset
DOCKS = ("explanation", "parameters", "loss", "dataset", "options", "history")  # View menu order


def initial_window_size(available: QSize) -> QSize:
    """The first start's window size: the preferred size, shrunk to the screen's free area."""
    return QSize(
        min(PREFERRED_WINDOW.width(), max(available.width(), SMALLEST_SCREEN.width())),
        min(PREFERRED_WINDOW.height(), max(available.height(), SMALLEST_SCREEN.height())),
    )


def clamp(value: int, low: int, high: int) -> int:
    """`value` kept within [low, high]; `low` wins when the range is empty (a tiny window)."""
    return max(low, min(value, high))


def right_column_width(window_width: int, content_width: int) -> int:
    """Explanation and Parameters: as wide as the tables need, within 26 %–42 % of the window."""
    return clamp(content_width, max(300, int(window_width * 0.26)), int(window_width * 0.42))


def bottom_row_height(window_height: int, content_height: int) -> int:
    """Loss plot and dataset: the dataset's height, at least enough for a readable plot (more on a
    tall screen, where the plot beside the dataset deserves it), at most 30 % of the window."""
    return clamp(content_height, max(180, int(window_height * 0.24)), int(window_height * 0.3))


# -- the default dock layout ------------------------------------------------------------------------
# The default layout is built by code, both at the first start and by View › Reset window layout,
# so that a reset gives exactly what a fresh window shows (a saved state taken before the toolbars
# existed once put them all in one row).
def create_docks(window: MainWindow) -> dict[str, QDockWidget]:
    """One dock per panel, keyed as in DOCKS; titles are set by the window's retranslate."""
    # the options form is taller than a small screen's bottom row: it scrolls instead of setting
    # the window's minimum height
    options = QScrollArea()
    options.setWidgetResizable(True)
    options.setFrameShape(QScrollArea.Shape.NoFrame)
    options.setWidget(window.options_panel)
    # the loss readout grows with the step count: it may be cut short in a narrow dock (the
    # counters row shows the same numbers) but never sets the window's minimum width
    window.loss_plot.readout.setMinimumWidth(1)
    widgets: dict[str, QWidget] = {
        "explanation": window.explanation,
        "parameters": window.parameters,
        "loss": window.loss_plot,
        "dataset": window.dataset_panel,
        "options": options,
        "history": window.history_panel,
    }
    docks: dict[str, QDockWidget] = {}
    for key in DOCKS:
        dock = QDockWidget(window)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widgets[key])
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        docks[key] = dock
    return docks


def arrange_default_layout(window: MainWindow) -> None:
    """Progress row above the stepper row; Explanation over Parameters on the right, the full
    height; under the canvas the loss plot beside Dataset | Training options | History. In a
    window narrower than WIDE_LAYOUT the loss plot is one more tab there (Run brings it to the
    front), so that neither it nor the dataset is squeezed below legibility."""
    d = window.docks
    wide = window.width() >= WIDE_LAYOUT
    for dock in d.values():
        dock.setFloating(False)
        window.removeDockWidget(dock)
    bars = (window.progress_bar, window.stepper_bar)
    for bar in bars:
        window.removeToolBar(bar)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, window.progress_bar)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, window.stepper_bar)
    right = Qt.DockWidgetArea.RightDockWidgetArea
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    window.setCorner(Qt.Corner.BottomRightCorner, right)
    window.setCorner(Qt.Corner.TopRightCorner, right)
    window.addDockWidget(right, d["explanation"])
    window.addDockWidget(right, d["parameters"])
    window.splitDockWidget(d["explanation"], d["parameters"], Qt.Orientation.Vertical)
    for key in ("loss", "dataset", "options", "history"):
        window.addDockWidget(bottom, d[key])
    if wide:
        window.splitDockWidget(d["loss"], d["dataset"], Qt.Orientation.Horizontal)
    else:
        window.tabifyDockWidget(d["dataset"], d["loss"])
    window.tabifyDockWidget(d["dataset"], d["options"])
    window.tabifyDockWidget(d["options"], d["history"])
    for bar in bars:
        bar.show()
    for dock in d.values():
        dock.show()
    d["dataset"].raise_()


def dataset_height(window: MainWindow) -> int:
    """Height the Dataset dock needs to show its rows (up to 8) without blank space."""
    panel = window.dataset_panel
    table = panel.table
    rows = min(max(table.model().rowCount(), 1), 8)
    body = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    body += rows * table.verticalHeader().defaultSectionSize()
    if table.horizontalScrollBar().isVisible():
        body += table.horizontalScrollBar().sizeHint().height()
    others = panel.sizeHint().height() - table.sizeHint().height()
    title = window.docks["dataset"].sizeHint().height() - panel.sizeHint().height()
    tabs = window.style().pixelMetric(QStyle.PixelMetric.PM_TabBarBaseHeight) + 28  # the tab row
    return body + others + title + tabs


def default_sizes(window: MainWindow) -> None:
    """Docks sized to their content, the canvas gets the rest (and all later growth)."""
    d = window.docks
    width, height = window.width(), window.height()
    content = max(window.parameters.sizeHint().width(), window.explanation.preferred_width())
    side = right_column_width(width, content)
    window.resizeDocks([d["explanation"]], [side], Qt.Orientation.Horizontal)
    # the right-hand column's height as laid out (below the toolbars), not the window's
    column = d["explanation"].height() + d["parameters"].height()
    if column < 200:
        column = max(height - window.menuBar().height() - window.statusBar().height(), 200)
    parameters = clamp(window.parameters.sizeHint().height() + 30, int(column * 0.4), int(column * 0.55))
    window.resizeDocks(
        [d["explanation"], d["parameters"]], [column - parameters, parameters], Qt.Orientation.Vertical
    )
    window.resizeDocks(
        [d["dataset"]], [bottom_row_height(height, dataset_height(window))], Qt.Orientation.Vertical
    )
    if d["loss"] in window.tabifiedDockWidgets(d["dataset"]):
        return
    below_canvas = max(width - side, 2)
    dataset = max(window.dataset_panel.sizeHint().width(), int(below_canvas * 0.4))
    window.resizeDocks(
        [d["loss"], d["dataset"]], [below_canvas - dataset, dataset], Qt.Orientation.Horizontal
    )


def _rich_text_width(text: str, label: QLabel) -> int:
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(text)
    return int(document.idealWidth()) + 1


class CountersLabel(QLabel):
    """Steps, epochs, batch and cost J, right-aligned, that never widen the window.

    `text()` keeps the full sentence (what the tests and screen readers read). When the window is
    too narrow for it, the label paints the short form (set with `set_short_text`) and shows the
    full sentence as a tooltip. Its minimum width is the short form's, so neither a long run's
    bigger numbers nor a longer translation make the window wider than the screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._short = ""
        self._short_width = 0

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def set_short_text(self, text: str) -> None:
        """The short form; measured here, once per change (the counters change on every step)."""
        if text == self._short:
            return
        self._short = text
        width = _rich_text_width(text, self) + self._margins_width() if text else 0
        if width != self._short_width:
            self._short_width = width
            self.updateGeometry()
        self._update_tooltip()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        """The full sentence as a tooltip while the short form is shown."""
        if self.showing_short():
            plain = QTextDocument()
            plain.setHtml(self.text())
            self.setToolTip(plain.toPlainText())
        elif self.toolTip():
            self.setToolTip("")

    def short_text(self) -> str:
        return self._short

    def _margins_width(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right()

    def full_width(self) -> int:
        """The sentence's width: QLabel's own size hint, which it caches per text."""
        return super().sizeHint().width()

    def showing_short(self) -> bool:
        return bool(self._short) and self.width() < self.full_width()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if not self._short:
            return hint
        return QSize(self._short_width, hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.showing_short():
            super().paintEvent(event)
            return
        document = QTextDocument()
        document.setDefaultFont(self.font())
        document.setDocumentMargin(0)
        document.setHtml(self._short)
        area: QRect = self.contentsRect()
        painter = QPainter(self)
        x = area.right() - int(document.idealWidth())
        y = area.top() + (area.height() - int(document.size().height())) // 2
        painter.translate(x, y)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, self.palette().color(QPalette.ColorRole.WindowText))
        document.documentLayout().draw(painter, context)
        painter.end()
