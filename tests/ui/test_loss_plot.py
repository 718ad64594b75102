"""The loss plot follows training as the learner drives the window (issue 7, bug 1)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from bpstudio.document import fileformat as fmt
from bpstudio.ui.main_window import MainWindow
from tests.support.plot import wheel_on_plot
from tests.support.windows import close_window, show_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = show_window(qtbot, tmp_path, size=(1440, 900))
    yield win
    close_window(win)


def x_range(window: MainWindow) -> tuple[float, float]:
    """The x-axis as shown once the plot has repainted."""
    QApplication.processEvents()
    window.loss_plot.plot.viewport().repaint()
    lo, hi = window.loss_plot.plot.getPlotItem().vb.viewRange()[0]
    return lo, hi


def shows_steps(window: MainWindow, n: int) -> bool:
    """The x-axis covers steps 1 … n and not much more (the plot fits the history)."""
    lo, hi = x_range(window)
    return lo <= 1 and hi >= n and hi - lo <= max(1.5 * n + 1, 10.5)


def press_step(qtbot: QtBot, window: MainWindow) -> None:
    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_step_pressed_five_times_widens_the_axis(qtbot: QtBot, window: MainWindow) -> None:
    for n in range(1, 6):
        press_step(qtbot, window)
        assert window.document.stepper.steps_done == n
        assert shows_steps(window, n), (n, x_range(window))


def test_zooming_stops_following_and_auto_range_follows_again(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(3):
        press_step(qtbot, window)
    assert shows_steps(window, 3)
    whole = x_range(window)
    wheel_on_plot(window, 3)  # zoom in: the learner looks at a detail
    zoomed = x_range(window)
    assert zoomed[1] - zoomed[0] < 0.8 * (whole[1] - whole[0])
    for _ in range(4):
        press_step(qtbot, window)
    assert x_range(window) == pytest.approx(zoomed)  # the plot stays where the learner put it
    qtbot.mouseClick(window.loss_plot.auto_button, Qt.MouseButton.LeftButton)
    assert shows_steps(window, 7)
    for _ in range(3):
        press_step(qtbot, window)
    assert shows_steps(window, 10)


def test_reset_follows_again_after_a_zoom(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(4):
        press_step(qtbot, window)
    wheel_on_plot(window, 2)
    assert not shows_steps(window, 4)
    window.actions_by_key["reset"].trigger()
    for n in range(1, 4):
        press_step(qtbot, window)
        assert shows_steps(window, n)


def test_open_follows_again_after_a_zoom(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(4):
        press_step(qtbot, window)
    wheel_on_plot(window, 2)
    window.document.history.set_clean()
    xor = next(path for title, path in fmt.example_files() if "xor" in path.name.lower())
    window.open_example(xor)
    for n in range(1, 4):
        press_step(qtbot, window)
        assert shows_steps(window, n)


def test_run_at_20_steps_per_second_follows(qtbot: QtBot, window: MainWindow) -> None:
    window.speed.setCurrentIndex(window.speed.findText("20 steps/s"))
    assert window.speed.currentText() == "20 steps/s"
    window.actions_by_key["run"].trigger()
    qtbot.waitUntil(lambda: window.document.stepper.steps_done >= 25, timeout=10_000)
    window.actions_by_key["run"].trigger()
    n = window.document.stepper.steps_done
    assert shows_steps(window, n), (n, x_range(window))


def test_a_long_run_after_one_step_follows(qtbot: QtBot, window: MainWindow) -> None:
    press_step(qtbot, window)  # a lone first point: the case that used to freeze the axis
    window.controller.run_steps(60_000)
    window.controller.run_steps(60_000)
    n = window.document.stepper.steps_done
    assert n == 120_001
    qtbot.waitUntil(lambda: shows_steps(window, n), timeout=5000)


def test_exported_png_shows_the_whole_history(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    press_step(qtbot, window)
    window.docks["loss"].hide()  # exported without being on screen
    window.controller.run_steps(200)
    target = tmp_path / "loss.png"

    def ask(*args: Any, **kwargs: Any) -> tuple[str, str]:
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    window.actions_by_key["export_loss_png"].trigger()
    assert not QImage(str(target)).isNull()
    lo, hi = window.loss_plot.plot.getPlotItem().vb.viewRange()[0]
    assert lo <= 1 and 201 <= hi <= 1.5 * 201 + 1


def test_log_scale_shows_every_cost(qtbot: QtBot, window: MainWindow) -> None:
    window.controller.run_steps(300)
    qtbot.mouseClick(window.loss_plot.log_box, Qt.MouseButton.LeftButton)
    assert window.loss_plot.log_box.isChecked()
    QApplication.processEvents()
    (x_lo, x_hi), (y_lo, y_hi) = window.loss_plot.plot.getPlotItem().vb.viewRange()
    costs = window.document.stepper.cost_history
    assert x_lo <= 1 and 300 <= x_hi
    assert y_lo <= math.log10(min(costs)) and math.log10(max(costs)) <= y_hi
    assert y_hi - y_lo < 3 * (math.log10(max(costs)) - math.log10(min(costs))) + 1


@pytest.mark.parametrize("other", [None, "PyQt5"])
def test_pyqtgraph_is_bound_to_pyside6_whatever_is_imported_first(other: str | None) -> None:
    """The ui package names the binding before pyqtgraph is imported: importing the plot first
    (before PySide6) binds it to PySide6, even when the environment names another binding."""
    import os
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items() if key != "PYQTGRAPH_QT_LIB"}
    if other is not None:
        env["PYQTGRAPH_QT_LIB"] = other
    code = (
        "import sys; import bpstudio.ui.loss_plot; import pyqtgraph.Qt as q; "
        "print(q.QT_LIB, sorted(m for m in ('PyQt5', 'PyQt6', 'PySide2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["PySide6", "[]"]
