"""File › Export explanation writes whole steps, like `bpstudio explain`, without moving the document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from bpstudio.controller import Controller
from bpstudio.engine import Phase
from bpstudio.ui import export_explanation as export_module
from bpstudio.ui.export_explanation import ExportExplanationDialog
from bpstudio.ui.main_window import MainWindow

ARTICLE = ("0.725409", "-0.054696", "0.802666")  # ŷ, δ of the output, the updated W²₁₁


def save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    """The file dialog answers `target`; returns the file names it suggested."""
    suggested: list[str] = []

    def ask(parent: Any, title: str, directory: str, *args: Any) -> tuple[str, str]:
        suggested.append(Path(directory).name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    return suggested


def when_shown(kind: type[QWidget], act: Callable[[Any], None]) -> None:
    """Once a visible `kind` window is up (a modal dialog runs its own loop), act on it."""

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                act(widget)
                return
        QTimer.singleShot(5, poll)

    QTimer.singleShot(0, poll)


def state(window: MainWindow) -> tuple[Any, ...]:
    doc = window.document
    s = doc.stepper
    trace = doc.trace
    return (
        s.phase,
        s.layer,
        s.steps_done,
        s.network.theta.tobytes(),
        None if trace is None else (trace.step, trace.complete, trace.cost),
        doc.history.count(),
        doc.history.index(),
        doc.modified,
    )


def press_next_phase(qtbot: QtBot, window: MainWindow) -> None:
    window.canvas.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Space)


@pytest.mark.parametrize("kind", ["md", "html"])
def test_the_whole_current_step_is_written_with_title_name_and_step(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    press_next_phase(qtbot, window)  # feedforward only: the rest of step 1 is computed on a copy
    before = state(window)
    target = tmp_path / f"out.{kind}"
    suggested = save_to(monkeypatch, target)
    window.actions_by_key[f"export_explanation_{kind}"].trigger()
    text = target.read_text(encoding="utf-8").replace("−", "-")
    assert suggested == [f"The article's network-step-1.{kind}"]
    assert "Backpropagation worked out, phase by phase" in text
    assert "The article's network" in text
    assert "Step 1 (epoch 1)" in text and "Step 1, written in English." in text
    for figure in ARTICLE:
        assert figure in text
    assert "Step 2" not in text
    if kind == "html":
        assert text.startswith("<!DOCTYPE html>") and '<html lang="en">' in text
        assert text.lower().count("<html") == 1  # one page wrapper
        assert "<title>Backpropagation worked out, phase by phase — The article's network</title>" in text
    else:
        assert text.startswith("# Backpropagation worked out, phase by phase")
        assert r"\hat{y} = a^{[2]}" in text  # the same Markdown as `bpstudio explain`
    assert state(window) == before  # the open document did not move
    assert window.document.phase is Phase.BACKWARD


def test_a_step_just_completed_is_the_current_step(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(3):
        press_next_phase(qtbot, window)
    before = state(window)
    target = tmp_path / "done.md"
    save_to(monkeypatch, target)
    window.actions_by_key["export_explanation_md"].trigger()
    text = target.read_text(encoding="utf-8").replace("−", "-")
    assert "## Step 1 (epoch 1)" in text and "Step 2" not in text
    for figure in ARTICLE:
        assert figure in text
    assert state(window) == before


def test_in_vietnamese_the_headings_are_vietnamese(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.set_language("vi")
    target = tmp_path / "vi.md"
    save_to(monkeypatch, target)
    window.actions_by_key["export_explanation_md"].trigger()
    text = target.read_text(encoding="utf-8").replace("−", "-")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[0] == "# Lan truyền ngược tính tay, từng pha một"
    assert "## Bước 1 (lượt 1)" in headings
    assert "## Mạng nơ-ron: Mạng trong bài viết" in headings  # the file's Vietnamese title
    assert "### Pha 1: lan truyền tiến" in headings and "### Pha 3: cập nhật tham số" in headings
    assert not any("Phase" in h or "Step" in h or "Layer" in h for h in headings)
    assert "Bước 1, viết bằng tiếng Việt." in text
    assert "Ví dụ tính tay của bài viết" in text  # the file's Vietnamese description
    for figure in ARTICLE:
        assert figure in text


def test_steps_a_to_b_are_chosen_in_the_dialog_and_computed_on_a_copy(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    press_next_phase(qtbot, window)
    before = state(window)
    target = tmp_path / "range.html"
    suggested = save_to(monkeypatch, target)

    def choose(dialog: ExportExplanationDialog) -> None:
        assert dialog.first.minimum() == 1  # the current step is the earliest one
        dialog.last.setFocus()
        dialog.last.selectAll()
        QTest.keyClicks(dialog.last, "3")
        dialog.format.setCurrentIndex(dialog.format.findData("html"))
        dialog.language.setCurrentIndex(dialog.language.findData("vi"))
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    when_shown(ExportExplanationDialog, choose)
    window.actions_by_key["export_explanation_steps"].trigger()
    assert suggested == ["Mạng trong bài viết-các-bước-1-3.html"]  # in the export's language
    text = target.read_text(encoding="utf-8").replace("−", "-")
    assert '<html lang="vi">' in text and "Các bước từ 1 đến 3, viết bằng tiếng Việt." in text
    for step in (1, 2, 3):
        assert f"<h3>Bước {step} (lượt {step})</h3>" in text
    for figure in ARTICLE:
        assert figure in text
    assert state(window) == before


def test_a_long_range_shows_progress_and_cancel_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_module, "PROGRESS_AFTER_MS", 0)
    before = state(window)
    target = tmp_path / "long.md"
    save_to(monkeypatch, target)
    seen: list[int] = []

    def choose(dialog: ExportExplanationDialog) -> None:
        dialog.first.setValue(5000)  # 4999 steps to compute before the first one written
        dialog.last.setValue(5002)
        QTest.keyClick(dialog, Qt.Key.Key_Return)
        when_shown(QProgressDialog, cancel)

    def cancel(progress: QProgressDialog) -> None:
        seen.append(progress.value())
        assert progress.labelText().endswith(" of 5002 done…")  # 4999 run first, then 3 written
        button = progress.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    when_shown(ExportExplanationDialog, choose)
    window.actions_by_key["export_explanation_steps"].trigger()
    assert seen and seen[0] < 5002
    assert not target.exists()
    assert state(window) == before


def test_a_range_that_diverges_is_one_clear_message_and_no_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: dict[str, list[Any]]
) -> None:
    from bpstudio.document.document import NetworkDocument
    from bpstudio.engine import Dataset, LayerSpec, Network, OptimizerConfig, Stepper, TrainingConfig

    network = Network([LayerSpec(2), LayerSpec(2, "linear"), LayerSpec(1, "linear")])
    network.theta[:] = 0.5
    data = Dataset(np.array([[1.0, 2.0]]), np.array([[1.0]]))
    stepper = Stepper(network, "half_sse", OptimizerConfig("sgd", 50.0), TrainingConfig(), data)
    document = NetworkDocument(stepper, name="linear 2-2-1")
    win = MainWindow(
        document,
        Controller(document),
        settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(win)
    win.show()
    before = state(win)
    target = tmp_path / "diverged.md"
    save_to(monkeypatch, target)

    def choose(dialog: ExportExplanationDialog) -> None:
        dialog.last.setValue(40)
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    when_shown(ExportExplanationDialog, choose)
    win.actions_by_key["export_explanation_steps"].trigger()
    assert not target.exists()
    assert len(dialogs["critical"]) == 1
    assert dialogs["critical"][0] == (
        "Cannot write the explanation: training diverged at step 5, feedforward phase, layer 2: "
        "the cost became inf (not a finite number)."
    )
    assert state(win) == before
