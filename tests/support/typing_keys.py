"""Typing into the real widgets as a learner does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget


def type_into(widget: QWidget, text: str, finish: str = "enter") -> None:
    """Select the field's text, type `text` over it, then press Enter or move the focus away."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    line = widget if isinstance(widget, QLineEdit) else widget.findChild(QLineEdit)
    assert line is not None
    line.selectAll()
    QTest.keyClicks(line, text)
    if finish == "enter":
        QTest.keyClick(line, Qt.Key.Key_Return)
    else:
        QTest.keyClick(line, Qt.Key.Key_Tab)
    QApplication.processEvents()


def edit_cell(view: QAbstractItemView, row: int, column: int, text: str) -> None:
    """Click a table cell, press F2, type over its editor and press Enter, as a learner does."""
    index = view.model().index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )
    assert view.currentIndex() == index
    QTest.keyClick(view, Qt.Key.Key_F2)
    QApplication.processEvents()
    editor = view.viewport().focusWidget() or QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
