"""Window sizes and the counters label: what keeps the studio window inside a small screen.

A school laptop shows 1024×700 (or 1366×768). The window must fit there whatever happens while
training, so every size decision that depends on the screen or on the content lives here as a
plain function the window and the tests share.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

PREFERRED_WINDOW = QSize(1440, 900)  # the first start on a large screen
SMALLEST_SCREEN = QSize(1024, 700)  # the window's minimum size must fit this
LAYOUT_VERSION = 2  # saved layouts of another version are ignored (version 1 could be broken)


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
