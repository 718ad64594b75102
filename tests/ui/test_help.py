"""Help: the guide in both languages, the generated shortcuts page, a tooltip on every toolbar button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton
from pytestqt.qtbot import QtBot

from bpstudio.ui.help import (
    GUIDE_LANGUAGES,
    GuideDialog,
    action_name,
    guide_path,
    guide_sections,
    guide_text,
    typeable,
)
from bpstudio.ui.main_window import MainWindow


def menu_action(menu: QMenu, key: str) -> QAction:
    for action in menu.actions():
        if action.objectName() == f"action_{key}":
            return action
    raise AssertionError(f"{key} is not in the {menu.title()} menu")


def test_the_guide_exists_in_both_languages_with_the_same_sections() -> None:
    texts = {lang: guide_text(lang) for lang in GUIDE_LANGUAGES}
    for lang in GUIDE_LANGUAGES:
        assert guide_path(lang).name == f"guide_{lang}.md"
    sections = {lang: guide_sections(text) for lang, text in texts.items()}
    assert sections["en"] == list(range(1, len(sections["en"]) + 1))
    assert len(sections["en"]) >= 6
    assert sections["vi"] == sections["en"]
    # the promises of the brief, in each language: one phase back, a whole Run undone
    assert "exactly one phase" in texts["en"] and "whole\n  Run" in texts["en"]
    assert "đúng một pha" in texts["vi"] and "cả một lần\n  Chạy" in texts["vi"]
    for word in ("Lan truyền tiến", "Độ lỗi δ", "Cập nhật", "tốc độ học", "nơ-ron", "trọng số"):
        assert word.lower() in texts["vi"].lower(), word
    assert guide_path("fr") == guide_path("en")  # a language without a guide gets English


def test_help_guide_opens_from_the_menu_and_follows_the_language(window: MainWindow) -> None:
    menu_action(window.help_menu, "guide").trigger()
    dialog = window.findChild(GuideDialog, "guide_dialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert "Getting started" in text and "Stepping back and undo" in text
    assert "##" not in text  # rendered as headings, not shown as Markdown
    window.set_language("vi")
    try:
        assert "Bắt đầu" in dialog.browser.toPlainText()
        assert dialog.windowTitle() == "Hướng dẫn BP Studio"
    finally:
        window.set_language("en")
    assert "Getting started" in dialog.browser.toPlainText()


def test_the_shortcuts_page_lists_every_shortcut_of_the_window(window: MainWindow) -> None:
    menu_action(window.help_menu, "shortcuts").trigger()
    dialog = window._shortcuts
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    with_keys = [a for a in window.findChildren(QAction) if any(typeable(k) for k in a.shortcuts())]
    assert len(with_keys) >= 18
    native = QKeySequence.SequenceFormat.NativeText
    for action in with_keys:
        listed = dict(rows).get(action_name(action), "")
        for key in filter(typeable, action.shortcuts()):
            assert key.toString(native) in listed, (action.text(), listed)
    names = dict(rows)
    assert names["Open"] == "Ctrl+O"  # not the "Open" key of some multimedia keyboards
    assert names["Quit"] == "Ctrl+Q"
    assert names["Next phase"] == "Space"
    assert names["Step back"] == "Shift+Backspace"
    assert "Ctrl+Y" in names["Redo"] and "Ctrl+Shift+Z" in names["Redo"]
    # generated when it opens: a changed shortcut can never be stale
    window.actions_by_key["fit"].setShortcut(QKeySequence("Ctrl+9"))
    menu_action(window.help_menu, "shortcuts").trigger()
    assert dict(dialog.rows())["Fit network to view"] == "Ctrl+9"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_toolbar_button_has_a_tooltip(window: MainWindow, lang: str) -> None:
    english = {}
    for bar in (window.progress_bar, window.stepper_bar):
        for action in bar.actions():
            english[action.objectName()] = action.toolTip()
    if lang == "vi":
        window.set_language("vi")
    try:
        checked = 0
        for action in window.stepper_bar.actions():
            if action.isSeparator():
                continue
            widget = window.stepper_bar.widgetForAction(action)
            assert widget is not None
            if isinstance(widget, QToolButton):
                tip = action.toolTip()
                assert tip and tip != action_name(action), action.objectName()
                if lang == "vi":
                    assert tip != english[action.objectName()], tip  # translated
                    assert (
                        action.shortcut().isEmpty()
                        or action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in tip
                    )
            else:
                assert widget.toolTip(), type(widget).__name__
            checked += 1
        assert checked >= 10
        assert window.phase_indicator.toolTip()
        if lang == "vi":
            assert "Pha tiếp theo" in window.phase_indicator.toolTip()
    finally:
        window.set_language("en")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_shortcuts_page_names_undo_plainly_after_a_step(
    qtbot: QtBot, window: MainWindow, lang: str
) -> None:
    """Undo's menu text names the change to undo ("Undo Next phase: Update"); the page lists "Undo"."""
    if lang == "vi":
        window.set_language("vi")
    try:
        window.canvas.setFocus()
        for _ in range(3):
            qtbot.keyClick(window, Qt.Key.Key_Space)
        assert window.document.history.can_undo() and window.document.history.can_redo() is False
        assert window.actions_by_key["undo"].text() != ("&Hoàn tác" if lang == "vi" else "&Undo")
        menu_action(window.help_menu, "shortcuts").trigger()
        assert window._shortcuts is not None
        names = [name for name, _ in window._shortcuts.rows()]
        undo, redo = ("Hoàn tác", "Làm lại") if lang == "vi" else ("Undo", "Redo")
        assert undo in names and redo in names, names
        assert not any(name.startswith((undo, redo)) and name not in (undo, redo) for name in names), names
    finally:
        window.set_language("en")
