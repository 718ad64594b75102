"""Help › Guide and Help › Keyboard shortcuts.

The guide is a Markdown file per language in resources/help/ (guide_en.md, guide_vi.md), so that
a translator edits prose, not code. The shortcuts page is generated from the window's actions
each time it opens, so it lists exactly the shortcuts that work, in the current language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bpstudio.assets import resource
from bpstudio.notation import languages
from bpstudio.ui import i18n

GUIDE_LANGUAGES = languages.CODES  # a guide per language (English for a language without one)
_SECTION = re.compile(r"^## (\d+)\.", re.MULTILINE)


def guide_path(lang: str) -> Path:
    """The guide in `lang`; English for a language without one."""
    path = resource("help", f"guide_{lang}.md")
    return path if path.is_file() else resource("help", "guide_en.md")


def guide_text(lang: str) -> str:
    return guide_path(lang).read_text(encoding="utf-8")


def guide_sections(text: str) -> list[int]:
    """The numbers of the guide's sections (## 1. …), which every language must share."""
    return [int(number) for number in _SECTION.findall(text)]


# An action whose menu text changes with the document (Undo names the change it undoes) keeps its
# plain name in this property, for pages that list actions rather than the menu's current state.
PLAIN_NAME = "plain_name"


def action_name(action: QAction) -> str:
    """The action's plain name as a learner reads it: no & mnemonic, no trailing ellipsis."""
    text = (
        (action.property(PLAIN_NAME) or action.text()).replace("&&", "\0").replace("&", "").replace("\0", "&")
    )
    return text.rstrip("…").rstrip(".").strip()


def typeable(key: QKeySequence) -> bool:
    """A shortcut every keyboard has: platform extras such as the media key "Open" are left out."""
    if key.isEmpty():
        return False
    combinations = [key[i] for i in range(key.count())]  # type: ignore[index]
    return all(combination.key().value <= Qt.Key.Key_F35.value for combination in combinations)


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(action, its shortcuts) for every action that has a shortcut, in the given order."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()
    for action in actions:
        keys = [key for key in action.shortcuts() if typeable(key)]
        if not keys or id(action) in seen or not action_name(action):
            continue
        seen.add(id(action))
        shown = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)
        rows.append((action_name(action), shown))
    return rows


class GuideDialog(QDialog):
    """The guide in the current language; it follows a language switch while open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("BP Studio guide"))
        self.browser.setMarkdown(guide_text(i18n.current_language()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut of the window, read from its actions when the page opens.

    `actions` gives them in the order to list (the window passes its table of actions); without
    it, every action that is a child of `window`.
    """

    def __init__(
        self,
        window: QWidget,
        actions: Callable[[], Iterable[QAction]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else window)
        self.setObjectName("shortcuts_dialog")
        self.window_ = window
        self._actions = actions if actions is not None else lambda: window.findChildren(QAction)
        self.table = QTableWidget(0, 2)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 520)
        self.refresh()

    def refresh(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        rows = shortcut_rows(self._actions())
        self.table.setRowCount(len(rows))
        for row, (name, keys) in enumerate(rows):
            for column, text in enumerate((name, keys)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows, row by row."""

        def cell(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(cell(row, 0), cell(row, 1)) for row in range(self.table.rowCount())]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
