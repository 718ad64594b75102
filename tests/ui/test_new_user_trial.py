"""What a new learner met in the window (issue 7, the new-user trial): the guide's words, the
suggested file names, the Language menu after --lang, the Explanation dock during Run, the loss
plot's axes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage, QPainter
from PySide6.QtWidgets import QApplication, QDockWidget, QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from bpstudio.ui import i18n
from bpstudio.ui.help import GUIDE_LANGUAGES, action_name, guide_text
from bpstudio.ui.main_window import MainWindow
from tests.support.plot import wheel_on_plot
from tests.support.windows import close_window, show_window

BOLD = re.compile(r"\*\*([^*]+)\*\*")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = show_window(qtbot, tmp_path, size=(1024, 700))
    yield win
    close_window(win)


def window_names(window: MainWindow) -> set[str]:
    """Every name of a button, menu or dock the window shows now, as the guide may name it."""
    names = {action_name(action) for action in window.findChildren(QAction) if action.text()}
    names |= {action_name(menu.menuAction()) for menu in window.findChildren(QMenu)}
    names |= {dock.windowTitle() for dock in window.findChildren(QDockWidget)}
    names.add(window.speed_label.text().rstrip(":").strip())
    window.set_running(True)  # the Run button reads Pause while a run goes
    names.add(action_name(window.actions_by_key["run"]))
    window.set_running(False)
    return names


# -- 1. the guide uses the window's words ------------------------------------------------------------
def test_every_bold_name_in_each_guide_is_a_name_the_window_shows(window: MainWindow) -> None:
    for lang in GUIDE_LANGUAGES:
        window.set_language(lang)
        names = window_names(window)
        bold = [name.strip().rstrip("…") for name in BOLD.findall(guide_text(lang))]  # as action_name
        assert bold, lang
        unknown = [name for name in bold if name not in names]
        assert not unknown, (lang, unknown)
    window.set_language("en")


def test_the_vietnamese_guide_calls_an_epoch_what_the_window_calls_it(window: MainWindow) -> None:
    window.set_language("vi")
    epoch = action_name(window.actions_by_key["epoch"])
    text = guide_text("vi")
    assert f"**{epoch}** (Ctrl+Shift+Return)" in text
    assert "epoch" not in text.lower().replace("(epoch)", "")  # the English word only as a gloss
    window.set_language("en")


# -- 2. suggested file names in the UI (or export) language ---------------------------------------------
def record_suggestions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The file dialog records the name it was asked to suggest and is cancelled."""
    suggested: list[str] = []

    def ask(parent: Any, title: str, directory: str, *args: Any) -> tuple[str, str]:
        suggested.append(Path(directory).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    return suggested


def test_save_as_suggests_the_vietnamese_title_in_a_vietnamese_window(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested = record_suggestions(monkeypatch)
    window.set_language("vi")
    window.actions_by_key["save_as"].trigger()
    window.set_language("en")
    window.actions_by_key["save_as"].trigger()
    assert suggested == ["Mạng trong bài viết.bpstudio.json", "The article's network.bpstudio.json"]


def test_exports_suggest_names_in_the_window_language(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested = record_suggestions(monkeypatch)
    window.set_language("vi")
    for key in ("export_explanation_md", "export_loss_csv", "export_canvas_png"):
        window.actions_by_key[key].trigger()
    window.set_language("en")
    assert suggested[0] == "Mạng trong bài viết-bước-1.md"
    assert suggested[1].endswith(".csv") and "loss" not in suggested[1]
    assert suggested[2] == "Mạng trong bài viết.png"


def test_suggested_names_are_safe_for_a_file_system(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested = record_suggestions(monkeypatch)
    window.document.extras["name_vi"] = 'A/B: "x" <y>? *|\\'
    window.set_language("vi")
    window.actions_by_key["save_as"].trigger()
    window.actions_by_key["export_explanation_html"].trigger()
    window.set_language("en")
    assert len(suggested) == 2
    for name in suggested:
        assert not set('/\\:*?"<>|') & set(name), name
        assert name.startswith("A"), name


# -- 3. the Language menu after --lang ------------------------------------------------------------------
def test_started_with_lang_vi_the_menu_ticks_vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    from bpstudio.ui.app import run

    seen: dict[str, Any] = {}

    def exec_(self: QApplication) -> int:
        (win,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["ticked"] = [a.data() for a in win.language_group.actions() if a.isChecked()]
        seen["language"] = i18n.current_language()
        seen["title"] = win.language_menu.title()
        win.document.history.set_clean()
        win.close()
        win.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    assert run(lang="vi") == 0
    assert seen["language"] == "vi"
    assert seen["ticked"] == ["vi"], seen
    assert run(lang="en") == 0
    assert seen["ticked"] == ["en"], seen
    assert run() == 0  # no --lang and nothing remembered: the system's language, ticked as such
    assert seen["ticked"] == ["system"], seen


# -- 4. the Explanation dock during Run -------------------------------------------------------------
def test_during_a_slow_run_the_explanation_follows_the_steps(qtbot: QtBot, window: MainWindow) -> None:
    window.speed.setCurrentIndex(window.speed.findData(1))
    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.running
    qtbot.waitUntil(lambda: window.document.stepper.steps_done >= 1, timeout=3000)
    text = window.explanation.text()
    assert "Nothing computed yet" not in text
    assert "Next phase" not in text
    steps = window.document.stepper.steps_done
    qtbot.waitUntil(lambda: window.document.stepper.steps_done > steps, timeout=3000)
    QApplication.processEvents()
    after = window.explanation.text()
    assert "Nothing computed yet" not in after and after != text  # the new step's numbers
    qtbot.keyClick(window, Qt.Key.Key_F5)  # Pause
    assert not window.running
    assert "Nothing computed yet" not in window.explanation.text()


def test_during_a_fast_run_the_explanation_says_it_waits_for_pause(qtbot: QtBot, window: MainWindow) -> None:
    window.speed.setCurrentIndex(window.speed.findData(0))  # as fast as possible
    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.document.stepper.steps_done >= 50, timeout=5000)
    text = window.explanation.text()
    assert "Nothing computed yet" not in text and "Next phase" not in text
    assert "pause" in text.lower(), text
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not window.running
    paused = window.explanation.text()
    assert "pause" not in paused.lower() and "Nothing computed yet" not in paused
    assert "Update" in paused or "update" in paused


# -- 5. the loss plot's axes -------------------------------------------------------------------------------
def view_range(window: MainWindow) -> tuple[list[float], list[float]]:
    QApplication.processEvents()
    window.loss_plot.plot.viewport().repaint()
    x, y = window.loss_plot.plot.getPlotItem().vb.viewRange()
    return list(x), list(y)


def test_the_loss_axis_has_headroom_and_a_zero(qtbot: QtBot, window: MainWindow) -> None:
    window.docks["loss"].raise_()
    for _ in range(3):
        window.canvas.setFocus()
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    costs = window.document.stepper.cost_history
    _, (y_lo, y_hi) = view_range(window)
    assert y_hi >= max(costs) * 1.05, (y_hi, max(costs))
    assert y_lo == 0.0  # the axis starts at its origin, which is labelled
    axis = window.loss_plot.plot.getPlotItem().getAxis("left")
    image = QImage(window.loss_plot.plot.size(), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)  # what the axis draws: (axis, ticks, texts)
    finally:
        painter.end()
    drawn = [float(text) for _, _, text in specs[2]]
    assert 0.0 in drawn, drawn


def test_zooming_out_never_shows_negative_steps_or_costs(qtbot: QtBot, window: MainWindow) -> None:
    window.docks["loss"].raise_()
    for _ in range(3):
        window.canvas.setFocus()
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    for _ in range(4):
        wheel_on_plot(window, -3)  # zoom out
    (x_lo, x_hi), (y_lo, y_hi) = view_range(window)
    assert x_lo >= 0 and y_lo >= 0, (x_lo, y_lo)
    assert x_hi > 10 and y_hi > max(window.document.stepper.cost_history)
    window.loss_plot.log_box.setChecked(True)  # on a log axis, costs below 1 are negative decades
    (x_lo, _), (y_lo, _) = view_range(window)
    assert x_lo >= 0 and y_lo < 0
