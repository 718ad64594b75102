"""The window's one table of actions: what each does, its keys, icon, words and where it appears.

The actions, the stepper toolbar, the menus, the tooltips and Help › Keyboard shortcuts are all
built from `ACTIONS`, so adding a command means adding one row here. A row names its slot as an
attribute path on the window ("controller.step", "files.save"), so the table holds no Qt objects
and can be read before any window exists. Texts are marked with QT_TRANSLATE_NOOP in the
"MainWindow" context, where the catalogue has always kept them, and translated when shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar, QWidget

CONTEXT = "MainWindow"  # the translation context of every text in the table
SP = QStyle.StandardPixmap
KEY = QKeySequence.StandardKey
Shortcut = KEY | str | tuple[str, ...] | None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for the catalogue in `context`; it is translated when shown (PySide6's own
    QT_TRANSLATE_NOOP is typed as returning object)."""
    return text


@dataclass(frozen=True)
class ActionSpec:
    """One row: `slot` is an attribute path on the window; `args` are passed to it.

    `menu` is the key of the menu the action appears in ("" for none), `toolbar` whether it is on
    the stepper toolbar; `*_separator` puts a separator before it there.
    """

    key: str
    slot: str
    text: str
    tip: str = ""
    shortcut: Shortcut = None
    icon: QStyle.StandardPixmap | None = None
    menu: str = ""
    menu_separator: bool = False
    toolbar: bool = False
    toolbar_separator: bool = False
    checkable: bool = False
    args: tuple[Any, ...] = ()


# Menus in menu-bar order: (key, title); "export" is the File menu's Export submenu.
MENUS = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "&File")),
    ("edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit")),
    ("train", QT_TRANSLATE_NOOP("MainWindow", "&Training")),
    ("view", QT_TRANSLATE_NOOP("MainWindow", "&View")),
    ("language", QT_TRANSLATE_NOOP("MainWindow", "&Language")),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
)
SUBMENU_TITLES = {
    "examples": QT_TRANSLATE_NOOP("MainWindow", "Open &example"),
    "recent": QT_TRANSLATE_NOOP("MainWindow", "Open &recent"),
    "export": QT_TRANSLATE_NOOP("MainWindow", "&Export"),
}
# Submenus placed in the File menu right after an action: examples and recent files after Open.
SUBMENUS_AFTER = {"open": ("examples", "recent"), "save_as": ("export",)}

ACTIONS: tuple[ActionSpec, ...] = (
    # the stepper, in toolbar order; the Training menu lists them in the same order
    ActionSpec(
        "next_phase",
        "controller.next_phase",
        QT_TRANSLATE_NOOP("MainWindow", "Next phase"),
        QT_TRANSLATE_NOOP("MainWindow", "Run the next phase: feedforward, then δ, then update"),
        "Space",
        SP.SP_MediaPlay,
        menu="train",
        toolbar=True,
    ),
    ActionSpec(
        "next_layer",
        "controller.next_layer",
        QT_TRANSLATE_NOOP("MainWindow", "Next layer"),
        QT_TRANSLATE_NOOP("MainWindow", "Advance one layer inside the current phase"),
        "Shift+Space",
        SP.SP_ArrowRight,
        menu="train",
        toolbar=True,
    ),
    ActionSpec(
        "step",
        "controller.step",
        QT_TRANSLATE_NOOP("MainWindow", "Step"),
        QT_TRANSLATE_NOOP("MainWindow", "Finish the current training step (all three phases)"),
        "Ctrl+Return",
        SP.SP_MediaSkipForward,
        menu="train",
        toolbar=True,
    ),
    ActionSpec(
        "epoch",
        "controller.run_epoch",
        QT_TRANSLATE_NOOP("MainWindow", "Epoch"),
        QT_TRANSLATE_NOOP("MainWindow", "Train until the current epoch is complete"),
        "Ctrl+Shift+Return",
        SP.SP_MediaSeekForward,
        menu="train",
        toolbar=True,
    ),
    ActionSpec(
        "run",
        "set_running",
        QT_TRANSLATE_NOOP("MainWindow", "Run"),
        QT_TRANSLATE_NOOP("MainWindow", "Train continuously; press again to pause"),
        "F5",
        SP.SP_MediaPlay,
        menu="train",
        toolbar=True,
        toolbar_separator=True,
        checkable=True,
    ),
    ActionSpec(
        "step_back",
        "step_back",
        QT_TRANSLATE_NOOP("MainWindow", "Step back"),
        QT_TRANSLATE_NOOP("MainWindow", "Undo the last phase, restoring every number exactly"),
        "Shift+Backspace",
        SP.SP_MediaSeekBackward,
        menu="train",
        toolbar=True,
        toolbar_separator=True,  # after the speed box
    ),
    ActionSpec(
        "reset",
        "controller.reset",
        QT_TRANSLATE_NOOP("MainWindow", "Reset"),
        QT_TRANSLATE_NOOP("MainWindow", "Back to the network as it was opened"),
        "Ctrl+Shift+R",
        SP.SP_BrowserReload,
        menu="train",
        menu_separator=True,
        toolbar=True,
    ),
    ActionSpec(
        "reinitialise",
        "reinitialise",
        QT_TRANSLATE_NOOP("MainWindow", "Re-initialise…"),
        QT_TRANSLATE_NOOP("MainWindow", "New random weights from a scheme and a seed"),
        "Ctrl+I",
        SP.SP_DialogResetButton,
        menu="train",
        toolbar=True,
    ),
    # File
    ActionSpec(
        "new", "files.new_file", QT_TRANSLATE_NOOP("MainWindow", "&New"), "", KEY.New, SP.SP_FileIcon, "file"
    ),
    ActionSpec(
        "open",
        "files.open_file",
        QT_TRANSLATE_NOOP("MainWindow", "&Open…"),
        "",
        KEY.Open,
        SP.SP_DialogOpenButton,
        "file",
    ),
    ActionSpec(
        "save",
        "files.save",
        QT_TRANSLATE_NOOP("MainWindow", "&Save"),
        "",
        KEY.Save,
        SP.SP_DialogSaveButton,
        "file",
        menu_separator=True,
    ),
    ActionSpec(
        "save_as", "files.save_as", QT_TRANSLATE_NOOP("MainWindow", "Save &As…"), "", KEY.SaveAs, menu="file"
    ),
    # StandardKey.Quit is only the multimedia Exit key on some desktops
    ActionSpec(
        "quit",
        "close",
        QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
        "",
        "Ctrl+Q",
        menu="file",
        menu_separator=True,
    ),
    # File › Export
    ActionSpec(
        "export_explanation_md",
        "files.export_explanation",
        QT_TRANSLATE_NOOP("MainWindow", "Explanation as Markdown…"),
        menu="export",
        args=("md",),
    ),
    ActionSpec(
        "export_explanation_html",
        "files.export_explanation",
        QT_TRANSLATE_NOOP("MainWindow", "Explanation as HTML…"),
        menu="export",
        args=("html",),
    ),
    ActionSpec(
        "export_explanation_steps",
        "files.export_explanation",
        QT_TRANSLATE_NOOP("MainWindow", "Explanation of several steps…"),
        QT_TRANSLATE_NOOP(
            "MainWindow", "Steps a to b of the worked example, as Markdown or HTML, in English or Vietnamese"
        ),
        menu="export",
        args=(None,),
    ),
    ActionSpec(
        "export_loss_csv",
        "files.export_loss_csv",
        QT_TRANSLATE_NOOP("MainWindow", "Loss history as CSV…"),
        menu="export",
    ),
    ActionSpec(
        "export_loss_png",
        "files.export_loss_png",
        QT_TRANSLATE_NOOP("MainWindow", "Loss plot as PNG…"),
        menu="export",
    ),
    ActionSpec(
        "export_canvas_png",
        "files.export_canvas",
        QT_TRANSLATE_NOOP("MainWindow", "Network picture as PNG…"),
        menu="export",
        args=("png",),
    ),
    ActionSpec(
        "export_canvas_svg",
        "files.export_canvas",
        QT_TRANSLATE_NOOP("MainWindow", "Network picture as SVG…"),
        menu="export",
        args=("svg",),
    ),
    # Edit; Undo and Redo take their texts from the history (MainWindow._update_undo_actions)
    ActionSpec("undo", "controller.undo", "", "", KEY.Undo, menu="edit"),
    ActionSpec("redo", "controller.redo", "", "", ("Ctrl+Shift+Z", "Ctrl+Y"), menu="edit"),
    ActionSpec(
        "add_layer",
        "add_hidden_layer",
        QT_TRANSLATE_NOOP("MainWindow", "Add a hidden layer"),
        QT_TRANSLATE_NOOP("MainWindow", "Insert a hidden layer of 2 sigmoid neurons before the output layer"),
        menu="edit",
        menu_separator=True,
    ),
    ActionSpec(
        "remove_layer",
        "remove_hidden_layer",
        QT_TRANSLATE_NOOP("MainWindow", "Remove the last hidden layer"),
        menu="edit",
    ),
    # View (after the docks' own show/hide actions)
    ActionSpec(
        "zoom_in",
        "canvas.zoom_in",
        QT_TRANSLATE_NOOP("MainWindow", "Zoom in"),
        "",
        KEY.ZoomIn,
        menu="view",
        menu_separator=True,
    ),
    ActionSpec(
        "zoom_out",
        "canvas.zoom_out",
        QT_TRANSLATE_NOOP("MainWindow", "Zoom out"),
        "",
        KEY.ZoomOut,
        menu="view",
    ),
    ActionSpec(
        "fit",
        "canvas.fit_to_view",
        QT_TRANSLATE_NOOP("MainWindow", "Fit network to view"),
        "",
        "Ctrl+0",
        menu="view",
    ),
    ActionSpec(
        "reset_layout",
        "reset_layout",
        QT_TRANSLATE_NOOP("MainWindow", "Reset window layout"),
        menu="view",
        menu_separator=True,
    ),
    # Help
    ActionSpec(
        "guide",
        "show_guide",
        QT_TRANSLATE_NOOP("MainWindow", "&Guide"),
        QT_TRANSLATE_NOOP("MainWindow", "How to use BP Studio, step by step"),
        KEY.HelpContents,
        menu="help",
    ),
    ActionSpec(
        "shortcuts",
        "show_shortcuts",
        QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"),
        QT_TRANSLATE_NOOP("MainWindow", "Every keyboard shortcut of the window"),
        menu="help",
    ),
    ActionSpec(
        "about",
        "show_about",
        QT_TRANSLATE_NOOP("MainWindow", "&About BP Studio"),
        menu="help",
        menu_separator=True,
    ),
)


def translate(text: str) -> str:
    """A text of the table in the current language."""
    return QCoreApplication.translate(CONTEXT, text) if text else ""


def resolve(owner: object, path: str) -> Callable[..., object]:
    """The callable at an attribute path such as "controller.step" on `owner`."""
    target: Any = owner
    for part in path.split("."):
        target = getattr(target, part)
    return target  # type: ignore[no-any-return,unused-ignore]


def _set_shortcut(action: QAction, shortcut: Shortcut) -> None:
    if shortcut is None:
        return
    if isinstance(shortcut, KEY):
        action.setShortcuts(shortcut)
    elif isinstance(shortcut, tuple):
        action.setShortcuts([QKeySequence(key) for key in shortcut])
    else:
        action.setShortcut(QKeySequence(shortcut))


def create_actions(window: QWidget, specs: Iterable[ActionSpec] = ACTIONS) -> dict[str, QAction]:
    """One QAction per row, owned by and added to `window` (so its shortcuts work everywhere)."""
    actions: dict[str, QAction] = {}
    for spec in specs:
        action = QAction(window)
        action.setObjectName(f"action_{spec.key}")
        _set_shortcut(action, spec.shortcut)
        if spec.icon is not None:
            action.setIcon(window.style().standardIcon(spec.icon))
        action.setCheckable(spec.checkable)
        slot = resolve(window, spec.slot)
        if spec.checkable:
            action.toggled.connect(slot)
        else:
            call = partial(slot, *spec.args)
            action.triggered.connect(lambda _checked=False, call=call: call())
        window.addAction(action)
        actions[spec.key] = action
    return actions


def fill_toolbar(bar: QToolBar, actions: dict[str, QAction], specs: Iterable[ActionSpec] = ACTIONS) -> None:
    """The table's toolbar actions in order, a separator where a row asks for one."""
    for spec in specs:
        if not spec.toolbar:
            continue
        if spec.toolbar_separator and bar.actions():
            bar.addSeparator()
        bar.addAction(actions[spec.key])


def fill_menu(
    menu: QMenu,
    key: str,
    actions: dict[str, QAction],
    submenus: dict[str, QMenu] | None = None,
    specs: Iterable[ActionSpec] = ACTIONS,
) -> None:
    """The actions of menu `key` in table order, with `submenus` placed after their action."""
    for spec in specs:
        if spec.menu != key:
            continue
        if spec.menu_separator and menu.actions():
            menu.addSeparator()
        menu.addAction(actions[spec.key])
        for name in SUBMENUS_AFTER.get(spec.key, ()):
            if submenus is not None and name in submenus:
                menu.addMenu(submenus[name])


def retranslate_actions(actions: dict[str, QAction], specs: Iterable[ActionSpec] = ACTIONS) -> None:
    """Texts and tooltips in the current language; a tooltip names the shortcut."""
    for spec in specs:
        if not spec.text:
            continue
        action = actions[spec.key]
        text, tip = translate(spec.text), translate(spec.tip)
        action.setText(text)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})" if tip and shortcut else (tip or text))


def shortcut_actions(actions: dict[str, QAction], specs: Iterable[ActionSpec] = ACTIONS) -> list[QAction]:
    """The table's actions in table order: what Help › Keyboard shortcuts lists."""
    return [actions[spec.key] for spec in specs]
