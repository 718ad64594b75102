"""The window's layout at school-laptop sizes: reset, fixed buttons, fitting the screen, the canvas's share."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QGroupBox, QMenu, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from bpstudio.assets import resource
from bpstudio.controller import Controller
from bpstudio.ui import i18n
from bpstudio.ui.layout import initial_window_size
from bpstudio.ui.main_window import MainWindow
from tests.support.documents import make_document

SMALL = QSize(1024, 700)

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowFactory]:
    """Opens windows sharing one settings file, like successive starts of the app."""
    opened: list[MainWindow] = []

    def factory(size: QSize = SMALL, settings_name: str = "window.ini") -> MainWindow:
        document = make_document()
        settings = QSettings(str(tmp_path / settings_name), QSettings.Format.IniFormat)
        win = MainWindow(document, Controller(document), settings=settings)
        win.resize(size)
        win.show()
        qtbot.waitExposed(win)
        QApplication.processEvents()
        opened.append(win)
        return win

    yield factory
    for win in opened:
        if win.running:
            win.pause()
        win.document.history.set_clean()
        win.close()
        win.deleteLater()


def menu_action(menu: QMenu, key: str) -> QAction:
    """The action as the learner finds it in the menu (not through a private attribute)."""
    for action in menu.actions():
        if action.objectName() == f"action_{key}":
            return action
    raise AssertionError(f"{key} is not in the {menu.title()} menu")


def at(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def toolbar_layout(window: MainWindow) -> dict[str, Any]:
    """Where each toolbar is, which of its buttons are visible (not behind »), and their places."""
    layout: dict[str, Any] = {}
    for bar in (window.progress_bar, window.stepper_bar):
        visible = []
        for action in bar.actions():
            widget = bar.widgetForAction(action)
            if widget is not None and widget.isVisible():
                visible.append((action.objectName() or action.text(), at(widget, window).getRect()))
        layout[bar.objectName()] = {
            "area": window.toolBarArea(bar),
            "break": window.toolBarBreak(bar),
            "rect": at(bar, window).getRect(),
            "visible": visible,
        }
    return layout


def dock_layout(window: MainWindow) -> dict[str, Any]:
    return {
        key: {
            "area": window.dockWidgetArea(dock),
            "floating": dock.isFloating(),
            "visible": dock.isVisible(),
            "tabbed_with": sorted(d.objectName() for d in window.tabifiedDockWidgets(dock)),
            # a dock behind another's tab is "visible" but off-screen: its place means nothing
            "rect": None if dock.visibleRegion().isEmpty() else at(dock, window).getRect(),
        }
        for key, dock in window.docks.items()
    }


def stepper_buttons(window: MainWindow) -> dict[str, tuple[int, int, int, int]]:
    bar = window.stepper_bar
    found = {}
    for action in bar.actions():
        widget = bar.widgetForAction(action)
        if widget is not None and widget.isVisible():
            found[action.objectName() or type(widget).__name__] = at(widget, window).getRect()
    return found


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, times: int = 1) -> None:
    window.canvas.setFocus()
    for _ in range(times):
        qtbot.keyClick(window, key)


# -- Bug 7: View › Reset window layout -----------------------------------------------------------
def test_reset_window_layout_gives_exactly_a_fresh_window(qtbot: QtBot, open_window: WindowFactory) -> None:
    fresh = open_window(settings_name="fresh.ini")
    expected_bars, expected_docks = toolbar_layout(fresh), dock_layout(fresh)
    assert expected_bars["toolbar_stepper"]["break"]  # the buttons have their own row
    assert {name for name, _ in expected_bars["toolbar_stepper"]["visible"]} >= {
        "action_step_back",
        "action_reset",
        "action_reinitialise",
    }

    window = open_window()
    press(qtbot, window, Qt.Key.Key_Space, 3)
    window.docks["dataset"].hide()
    window.docks["history"].setFloating(True)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.docks["explanation"])
    window.resizeDocks([window.docks["loss"]], [420], Qt.Orientation.Vertical)
    QApplication.processEvents()
    menu_action(window.view_menu, "reset_layout").trigger()
    QApplication.processEvents()
    assert toolbar_layout(window) == expected_bars
    assert dock_layout(window) == expected_docks

    # the layout saved at closing is the default one again at the next start
    window.document.history.set_clean()  # no unsaved-changes prompt
    assert window.close()
    again = open_window()
    assert toolbar_layout(again) == expected_bars
    assert dock_layout(again) == expected_docks


def test_a_layout_saved_by_an_older_version_is_not_restored(
    open_window: WindowFactory, tmp_path: Path
) -> None:
    fresh = open_window(settings_name="fresh.ini")
    expected = toolbar_layout(fresh)
    broken = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    fresh.removeToolBarBreak(fresh.stepper_bar)  # both toolbars in one row, as the old reset left them
    broken.setValue("window/state", fresh.saveState())  # version 0, as saved before this fix
    broken.sync()
    window = open_window(settings_name="old.ini")
    assert toolbar_layout(window) == expected


def test_buttons_stay_under_the_mouse_while_the_counters_grow(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    window = open_window()
    before = stepper_buttons(window)
    assert "action_run" in before and "action_step_back" in before
    press(qtbot, window, Qt.Key.Key_Space, 30)
    assert window.controller.run_steps(12_345)  # five-digit counters
    QApplication.processEvents()
    assert "12355" in window.counters.text().replace(",", "")
    assert stepper_buttons(window) == before
    press(qtbot, window, Qt.Key.Key_F5)  # Run: the button now reads Pause
    qtbot.waitUntil(lambda: window.document.stepper.steps_done > 12_400, timeout=5000)
    assert window.actions_by_key["run"].text() == "Pause"
    QApplication.processEvents()
    assert stepper_buttons(window) == before
    press(qtbot, window, Qt.Key.Key_F5)
    assert not window.running
    menu_action(window.view_menu, "reset_layout").trigger()
    QApplication.processEvents()
    assert stepper_buttons(window) == before


# -- Bug 10: Edit › Remove the last hidden layer --------------------------------------------------
def test_remove_the_last_hidden_layer_is_disabled_without_one(
    open_window: WindowFactory, dialogs: dict[str, list[Any]]
) -> None:
    window = open_window()
    remove = menu_action(window.edit_menu, "remove_layer")
    add = menu_action(window.edit_menu, "add_layer")
    assert remove.isEnabled() and add.isEnabled()
    remove.trigger()
    assert window.document.network.depth == 1
    assert not remove.isEnabled()
    remove.trigger()  # a disabled action does nothing, and shows no error
    assert dialogs["critical"] == [] and window.document.network.depth == 1
    add.trigger()
    assert window.document.network.depth == 2 and remove.isEnabled()
    menu_action(window.edit_menu, "undo").trigger()
    assert not remove.isEnabled()
    menu_action(window.edit_menu, "undo").trigger()  # back to the article's hidden layer
    assert window.document.network.depth == 2 and remove.isEnabled()


# -- Bug 11: the window fits a 1024×700 screen ----------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_window_fits_1024x700_and_never_grows(
    qtbot: QtBot, open_window: WindowFactory, lang: str
) -> None:
    i18n.install(lang)
    window = open_window()
    assert window.size() == SMALL
    hint = window.minimumSizeHint()
    assert hint.width() <= SMALL.width() and hint.height() <= SMALL.height(), hint
    for key, dock in window.docks.items():
        dock_hint = dock.minimumSizeHint()
        assert dock_hint.width() < SMALL.width() // 2 and dock_hint.height() < SMALL.height() // 2, key
    press(qtbot, window, Qt.Key.Key_Space, 60)
    press(qtbot, window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.document.stepper.steps_done > 300, timeout=20_000)
    press(qtbot, window, Qt.Key.Key_F5)
    assert window.controller.run_steps(100_000)  # six-digit counters and a long loss readout
    QApplication.processEvents()
    assert window.size() == SMALL
    hint = window.minimumSizeHint()
    assert hint.width() <= SMALL.width() and hint.height() <= SMALL.height(), hint
    # every word of the counters is still there, in the short form if the long one does not fit
    shown = window.counters.short_text() if window.counters.showing_short() else window.counters.text()
    # (thousands grouped as the language writes them: 100,379 in English, 100 379 in Vietnamese)
    assert str(window.document.stepper.steps_done) in shown.replace(",", "").replace(".", "").replace(
        "\u202f", ""
    )


def test_first_start_fits_the_screen() -> None:
    assert initial_window_size(QSize(1024, 700)) == QSize(1024, 700)
    assert initial_window_size(QSize(1366, 740)) == QSize(1366, 740)
    assert initial_window_size(QSize(1920, 1040)) == QSize(1440, 900)


def test_first_start_on_a_1024x700_screen(tmp_path: Path) -> None:
    """A real first start (no saved settings) on a screen of 1024×700 pixels."""
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1024, "height": 700}]})
    )
    script = f"""
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
import pyqtgraph
app = QApplication([])
from bpstudio.controller import Controller
from bpstudio.document import fileformat as fmt
from bpstudio.document.document import NetworkDocument, file_fields
from bpstudio.ui.main_window import MainWindow
nf = fmt.default_network()
doc = NetworkDocument(nf.stepper, **file_fields(nf, None))
settings = QSettings({str(tmp_path / "first.ini")!r}, QSettings.Format.IniFormat)
window = MainWindow(doc, Controller(doc), settings=settings)
window.show()
for _ in range(5):
    app.processEvents()
screen = app.primaryScreen().availableGeometry()
print("SIZES", screen.width(), screen.height(), window.width(), window.height())
window.resize(1500, 950)  # as if remembered from a bigger screen
window.close()
doc = NetworkDocument(nf.stepper, **file_fields(nf, None))
again = MainWindow(doc, Controller(doc), settings=settings)
again.show()
for _ in range(5):
    app.processEvents()
print("AGAIN", again.width(), again.height())
"""
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("SIZES"))
    screen_w, screen_h, width, height = map(int, line.split()[1:])
    assert (screen_w, screen_h) == (1024, 700)
    assert width <= screen_w and height <= screen_h
    line = next(line for line in result.stdout.splitlines() if line.startswith("AGAIN"))
    width, height = map(int, line.split()[1:])
    assert width <= screen_w and height <= screen_h  # a remembered bigger size is shrunk to fit


# -- Legible at school-laptop size: the canvas gets the space -----------------------------------------------
@pytest.mark.parametrize("size", [QSize(1024, 700), QSize(1366, 768), QSize(1920, 1080)])
def test_the_canvas_gets_the_space_and_docks_fit_their_content(
    open_window: WindowFactory, size: QSize
) -> None:
    window = open_window(size)
    canvas = window.canvas
    # measured: the canvas gets 57 % × 59 % at 1024×700, 63 % × 62 % at 1366×768, 74 % × 66 % at 1920×1080
    assert canvas.width() >= 0.55 * size.width(), canvas.size()
    assert canvas.height() >= 0.5 * size.height(), canvas.size()
    # one dataset row does not take half the window: on a laptop at most two empty rows below it;
    # on a tall screen the row is a quarter of the height, for the loss plot beside the dataset
    table = window.dataset_panel.table
    row = table.verticalHeader().defaultSectionSize()
    needed = table.model().rowCount() * row
    if size.height() < 900:
        assert table.viewport().height() <= needed + 2 * row, table.viewport().height()
    assert window.docks["dataset"].height() <= 0.25 * size.height()


def test_docks_give_the_space_back_when_the_window_grows(open_window: WindowFactory) -> None:
    window = open_window(SMALL)
    canvas_before = window.canvas.size()
    explanation_before = window.docks["explanation"].width()
    window.resize(1600, 1000)
    QApplication.processEvents()
    grown = window.canvas.size()
    assert grown.width() - canvas_before.width() >= 0.9 * (1600 - SMALL.width())
    assert grown.height() - canvas_before.height() >= 0.9 * (1000 - SMALL.height())
    assert window.docks["explanation"].width() <= explanation_before + 10


def test_on_a_small_screen_run_brings_the_loss_plot_to_the_front(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    window = open_window(SMALL)
    loss = window.docks["loss"]
    assert loss in window.tabifiedDockWidgets(window.docks["dataset"])  # one more tab at 1024 px
    assert loss.visibleRegion().isEmpty()  # the dataset is in front at the start
    press(qtbot, window, Qt.Key.Key_F5)
    QApplication.processEvents()
    assert not loss.visibleRegion().isEmpty()
    assert loss.width() >= 0.5 * SMALL.width()
    press(qtbot, window, Qt.Key.Key_F5)
    wide = open_window(QSize(1366, 768), settings_name="wide.ini")
    assert wide.docks["loss"] not in wide.tabifiedDockWidgets(wide.docks["dataset"])
    assert not wide.docks["loss"].visibleRegion().isEmpty()


def test_the_counters_show_a_short_form_when_the_sentence_does_not_fit(qtbot: QtBot) -> None:
    from bpstudio.ui.layout import CountersLabel

    label = CountersLabel()
    qtbot.addWidget(label)
    label.setText(
        "Steps done <b>1,234,567</b> · Epochs done <b>98,765</b> · Next batch 1 of 4 · Cost J = <b>0.000123</b>"
    )
    label.set_short_text("Step <b>1,234,567</b> · Epoch <b>98,765</b> · Batch 1/4 · J = <b>0.000123</b>")
    assert label.minimumSizeHint().width() < label.full_width()
    label.resize(label.full_width() + 10, 24)
    label.show()
    qtbot.waitExposed(label)
    assert not label.showing_short() and label.toolTip() == ""
    label.resize(label.minimumSizeHint().width(), 24)
    QApplication.processEvents()
    assert label.showing_short()
    assert label.toolTip().startswith("Steps done 1,234,567 · Epochs done 98,765")
    assert "Steps done" in label.text()  # what tests and screen readers read stays the sentence
    image = label.grab().toImage()
    inked = sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).lightness() < 128
    )
    assert inked > 50  # the short form is painted


# -- Legible at school-laptop size: the Parameters dock shows the article's numbers -------------------------
@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("size", [SMALL, QSize(1366, 768)])
def test_the_parameters_dock_shows_every_value_of_the_articles_network(
    qtbot: QtBot, open_window: WindowFactory, size: QSize, lang: str
) -> None:
    """W¹ (2×2), b¹, W² (1×2), b² and their gradients: every cell in view, no table scrolls."""
    i18n.install(lang)
    window = open_window(size)
    press(qtbot, window, Qt.Key.Key_Space, 3)  # feedforward, error terms, update: every table has numbers
    panel = window.parameters
    area = panel.findChild(QScrollArea)
    assert area is not None
    for layer in (1, 2):
        panel.layer_combo.setCurrentIndex(layer - 1)
        QApplication.processEvents()
        for quantity in ("W", "b", "grad_w", "grad_b"):
            table = panel.tables[quantity]
            model = table.model()
            assert (model.rowCount(), model.columnCount()) == {
                (1, "W"): (2, 2),
                (1, "b"): (2, 1),
                (2, "W"): (1, 2),
                (2, "b"): (1, 1),
            }[(layer, "W" if quantity in ("W", "grad_w") else "b")]
            assert not table.horizontalScrollBar().isVisible(), (layer, quantity)
            assert not table.verticalScrollBar().isVisible(), (layer, quantity)
            viewport = table.viewport().rect()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    index = model.index(row, column)
                    cell = table.visualRect(index)
                    assert viewport.contains(cell), (layer, quantity, row, column, cell, viewport)
                    text = str(index.data())
                    assert "—" not in text  # computed: the widest numbers are measured
                    assert table.fontMetrics().horizontalAdvance(text) < cell.width(), (text, cell)
            # and the table is on screen in the dock, not behind the dock's own scrolling
            shown = QRect(table.mapTo(area.viewport(), QPoint(0, 0)), table.size())
            assert area.viewport().rect().contains(shown), (layer, quantity, shown, area.viewport().rect())
        # short titles: the symbol (the words are below it and in its tooltip)
        for quantity, symbol in (("W", "W"), ("b", "b"), ("grad_w", "∂J/∂W"), ("grad_b", "∂J/∂b")):
            group = panel.tables[quantity].parentWidget()
            assert isinstance(group, QGroupBox)
            assert group.title() == symbol + ("¹" if layer == 1 else "²")
            assert group.toolTip()


def test_a_large_layer_scrolls_inside_its_tables_and_the_dock_never_scrolls_sideways(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    """Spirals' 16 × 16 W²: two whole columns at least, the rest behind the table's scroll bar."""
    window = open_window(SMALL)
    assert window.controller.open_example(resource("examples") / "spirals.json")
    QApplication.processEvents()
    panel = window.parameters
    area = panel.findChild(QScrollArea)
    assert area is not None
    panel.layer_combo.setCurrentIndex(1)
    QApplication.processEvents()
    table = panel.tables["W"]
    assert (table.model().rowCount(), table.model().columnCount()) == (16, 16)
    assert table.horizontalScrollBar().isVisible() and table.verticalScrollBar().isVisible()
    viewport = table.viewport().rect()
    for column in (0, 1):
        assert viewport.contains(table.visualRect(table.model().index(0, column)))
    assert not area.horizontalScrollBar().isVisible()
