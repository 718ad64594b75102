"""The status bar and the *Cost J* header say what is true now (issue 7, bug 12)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from bpstudio.notation.numbers import TABLE, number
from bpstudio.ui.main_window import MainWindow


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The learner picks `path` in the next file dialog."""

    def ask(*args: Any, **kwargs: Any) -> tuple[str, str]:
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(ask))


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_a_successful_open_clears_the_old_error(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: dict[str, list[Any]]
) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "bpstudio-network", "version": 1, "layers": [', encoding="utf-8")
    choose_file(monkeypatch, bad)
    window.actions_by_key["open"].trigger()
    assert "broken.json" in status(window) and len(dialogs["critical"]) == 1
    good = tmp_path / "good.json"
    assert window.controller.save_as(good)
    choose_file(monkeypatch, good)
    window.actions_by_key["open"].trigger()
    assert window.document.path == good
    assert status(window) == ""


def test_a_successful_import_clears_the_old_error(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: dict[str, list[Any]]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("0.05,0.1,x\n", encoding="utf-8")
    choose_file(monkeypatch, bad)
    window.dataset_panel.import_button.click()
    assert "bad.csv" in status(window) or "CSV" in status(window)
    assert len(dialogs["critical"]) == 1
    good = tmp_path / "good.csv"
    good.write_text("0.05,0.1,0.01\n0.2,0.3,0.5\n", encoding="utf-8")
    choose_file(monkeypatch, good)
    window.dataset_panel.import_button.click()
    assert window.document.dataset.size == 2
    assert status(window) == ""


def cost_shown(window: MainWindow) -> str:
    text = window.counters.text()
    return text.split("Cost J = ", 1)[1]


def press_next_phase(qtbot: QtBot, window: MainWindow) -> None:
    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Space)


def test_cost_header_after_a_structure_edit(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(3):
        press_next_phase(qtbot, window)
    assert "0.037700" in cost_shown(window)
    window.actions_by_key["add_layer"].trigger()  # Edit › Add a hidden layer
    assert window.document.network.depth == 3
    assert "0.037700" not in cost_shown(window)
    assert "not computed yet" in cost_shown(window)
    press_next_phase(qtbot, window)  # the feedforward of the new network computes J again
    trace = window.document.trace
    assert trace is not None and trace.cost is not None
    assert number(trace.cost, TABLE) in cost_shown(window)


def test_cost_header_after_a_dataset_edit(qtbot: QtBot, window: MainWindow) -> None:
    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Step
    assert "0.037700" in cost_shown(window)
    model = window.dataset_panel.table.model()
    column = model.data_columns - 1  # the target (ŷ and L follow it)
    assert model.setData(model.index(0, column), "0.9")
    assert window.document.dataset.targets[0, 0] == 0.9
    assert "0.037700" not in cost_shown(window)
    assert "not computed yet" in cost_shown(window)
    press_next_phase(qtbot, window)
    trace = window.document.trace
    assert trace is not None and trace.cost is not None
    assert number(trace.cost, TABLE) in cost_shown(window)
